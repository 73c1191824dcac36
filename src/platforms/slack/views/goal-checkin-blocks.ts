// The weekly check-in modal's quick goal updates: one optional number per open goal (up to five), pre-filled with
// its current value. The modal remembers the values it showed, so only a changed number becomes a goal update.
import type { KnownBlock } from "@slack/types";
import type { CheckInGoal, CheckInGoalEntry, CheckInGoalProgressResult } from "../../../domain/goals/check-in-goals.ts";
import { CHECK_IN_GOALS_MAX } from "../../../domain/goals/check-in-goals.ts";
import { formatNumber } from "../../../domain/goals/goal-progress.ts";
import type { ViewSubmissionPayload } from "../listeners/payloads.ts";
import { progressBar } from "./goal-text.ts";
import { context, escapeMrkdwn, plain, truncate } from "./text.ts";

export const CHECKIN_GOAL_BLOCK_PREFIX = "checkin_goal_";
export const CHECKIN_GOAL_ACTION = "goal_value";

export const checkInGoalBlockId = (goalId: string) => `${CHECKIN_GOAL_BLOCK_PREFIX}${goalId}`;

export function checkInGoalBlocks(goals: CheckInGoal[]): KnownBlock[] {
  if (goals.length === 0) return [];
  return [
    context("*Your goals:* update their progress if it moved (optional)."),
    ...goals.slice(0, CHECK_IN_GOALS_MAX).map((goal): KnownBlock => ({
      type: "input",
      block_id: checkInGoalBlockId(goal.id),
      optional: true,
      label: plain(goal.title, 150),
      hint: plain(
        goal.measure === "percent"
          ? "Percent complete, 0–100."
          : `From ${formatNumber(goal.startValue)} to ${formatNumber(goal.targetValue)}.`,
        2000,
      ),
      element: {
        type: "number_input",
        action_id: CHECKIN_GOAL_ACTION,
        is_decimal_allowed: true,
        initial_value: formatNumber(goal.currentValue),
      },
    })),
  ];
}

/** The values shown, for the modal's private_metadata: { goalId: value }. */
export function shownGoalValues(goals: CheckInGoal[]): Record<string, number> {
  return Object.fromEntries(goals.slice(0, CHECK_IN_GOALS_MAX).map((goal) => [goal.id, goal.currentValue]));
}

/** Reads back what shownGoalValues stored; anything malformed is dropped. */
export function readShownGoalValues(raw: unknown): Record<string, number> {
  if (!raw || typeof raw !== "object") return {};
  const entries = Object.entries(raw as Record<string, unknown>).filter(
    ([id, value]) => id.length <= 64 && typeof value === "number" && Number.isFinite(value),
  );
  return Object.fromEntries(entries.slice(0, CHECK_IN_GOALS_MAX)) as Record<string, number>;
}

/** Each goal field of a submitted check-in modal, with the value the modal showed. */
export function checkInGoalEntries(
  values: ViewSubmissionPayload["view"]["state"]["values"],
  shown: Record<string, number>,
): CheckInGoalEntry[] {
  return Object.entries(values)
    .filter(([blockId]) => blockId.startsWith(CHECKIN_GOAL_BLOCK_PREFIX))
    .map(([blockId, actions]) => {
      const goalId = blockId.slice(CHECKIN_GOAL_BLOCK_PREFIX.length);
      return { goalId, raw: actions[CHECKIN_GOAL_ACTION]?.value ?? undefined, shown: shown[goalId] ?? null };
    });
}

/** Inline errors keyed by block id. */
export function checkInGoalErrorsByBlock(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([goalId, message]) => [checkInGoalBlockId(goalId), message]));
}

/** Under the check-in confirmation: which goals moved (null when none did). */
export function goalsSavedNote(result: CheckInGoalProgressResult): KnownBlock | null {
  if (result.updated.length === 0 && result.skipped === 0) return null;
  const lines = result.updated.map(
    (goal) => `:dart: ${escapeMrkdwn(truncate(goal.title, 150))}: \`${progressBar(goal.progressPercent)}\``,
  );
  if (result.skipped > 0)
    lines.push(
      `${result.skipped === 1 ? "One goal" : `${result.skipped} goals`} could not be updated: it is no longer yours or was removed.`,
    );
  return context(lines.join("\n"));
}
