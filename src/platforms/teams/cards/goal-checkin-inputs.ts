// The check-in dialog's quick goal updates: one optional number per open goal (up to five), pre-filled with its
// current value. The submit button carries the values shown, so only a changed number becomes a goal update.
import type { CheckInGoal, CheckInGoalEntry, CheckInGoalProgressResult } from "../../../domain/goals/check-in-goals.ts";
import { CHECK_IN_GOALS_MAX } from "../../../domain/goals/check-in-goals.ts";
import { formatNumber } from "../../../domain/goals/goal-progress.ts";
import { AppError } from "../../../shared/errors.ts";
import { plain, subtle, type CardElement } from "./card.ts";
import { progressBar } from "./goal-cards.ts";

export const CHECKIN_GOAL_INPUT_PREFIX = "checkinGoal_";

export interface CheckInFormGoal {
  goal: CheckInGoal;
  /** What was submitted, kept as entered after a refusal. */
  value?: string;
  error?: string;
}

/** A check-in refused because of goal values; `goalErrors` is keyed by goal id. Nothing was stored. */
export class CheckInGoalValuesError extends AppError {
  constructor(readonly goalErrors: Record<string, string>) {
    super(
      "VALIDATION",
      "Please fix the highlighted fields and submit again.",
      `invalid check-in goal values: ${Object.keys(goalErrors).length}`,
    );
    this.name = "CheckInGoalValuesError";
  }
}

export function checkInGoalInputs(goals: CheckInFormGoal[]): CardElement[] {
  if (goals.length === 0) return [];
  const body: CardElement[] = [
    {
      type: "TextBlock",
      text: "**Your goals:** update their progress if it moved (optional).",
      wrap: true,
      separator: true,
    },
  ];
  for (const { goal, value, error } of goals.slice(0, CHECK_IN_GOALS_MAX)) {
    const typed =
      value !== undefined && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : undefined;
    const scale =
      goal.measure === "percent"
        ? "percent, 0–100"
        : `from ${formatNumber(goal.startValue)} to ${formatNumber(goal.targetValue)}`;
    body.push({
      type: "Input.Number",
      id: `${CHECKIN_GOAL_INPUT_PREFIX}${goal.id}`,
      label: `${goal.title} (${scale})`,
      value: typed ?? goal.currentValue,
    });
    if (error)
      body.push({
        type: "TextBlock",
        id: `${CHECKIN_GOAL_INPUT_PREFIX}${goal.id}Error`,
        text: plain(error),
        color: "Attention",
        size: "Small",
        wrap: true,
        spacing: "None",
      });
  }
  return body;
}

/** Goes into the submit button's data: the values the form showed. */
export function goalsShownData(goals: CheckInFormGoal[]): { goalsShown?: Record<string, number> } {
  if (goals.length === 0) return {};
  return {
    goalsShown: Object.fromEntries(goals.slice(0, CHECK_IN_GOALS_MAX).map(({ goal }) => [goal.id, goal.currentValue])),
  };
}

/** The goal fields of a submitted dialog: entries for the domain, and the raw values to keep in the form. */
export function readCheckInGoalSubmission(data: unknown): {
  entries: CheckInGoalEntry[];
  values: Record<string, string>;
} {
  const record = data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  const shownRaw =
    record.goalsShown && typeof record.goalsShown === "object" ? (record.goalsShown as Record<string, unknown>) : {};
  const entries: CheckInGoalEntry[] = [];
  const values: Record<string, string> = {};
  for (const [key, raw] of Object.entries(record)) {
    if (!key.startsWith(CHECKIN_GOAL_INPUT_PREFIX) || entries.length >= CHECK_IN_GOALS_MAX) continue;
    const goalId = key.slice(CHECKIN_GOAL_INPUT_PREFIX.length);
    if (goalId.length > 64 || (typeof raw !== "string" && typeof raw !== "number")) continue;
    const shown = shownRaw[goalId];
    entries.push({ goalId, raw, shown: typeof shown === "number" ? shown : null });
    values[goalId] = String(raw);
  }
  return { entries, values };
}

/** Under the check-in confirmation: which goals moved. */
export function goalsSavedBlocks(result: CheckInGoalProgressResult): CardElement[] {
  const blocks = result.updated.map((goal) => subtle(`🎯 ${plain(goal.title)}: ${progressBar(goal.progressPercent)}`));
  if (result.skipped > 0)
    blocks.push(
      subtle(
        `${result.skipped === 1 ? "One goal" : `${result.skipped} goals`} could not be updated: it is no longer yours or was removed.`,
      ),
    );
  return blocks;
}
