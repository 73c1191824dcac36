// How goals read in Slack text: a progress bar people can read at a glance, levels, statuses and due dates.
import { formatGoalValue } from "../../../domain/goals/goal-progress.ts";
import { GOAL_LEVEL_LABELS, GOAL_STATUS_LABELS } from "../../../domain/goals/goal.schemas.ts";
import type { GoalRiskReason } from "../../../domain/goals/goals-at-risk.ts";
import type { MyGoal } from "../../../domain/goals/list-my-goals.ts";
import { escapeMrkdwn, truncate } from "./text.ts";

const BAR_CELLS = 10;

/** "▓▓▓▓░░░░░░ 40%". */
export function progressBar(percent: number): string {
  const filled = Math.round(Math.min(100, Math.max(0, percent)) / (100 / BAR_CELLS));
  return `${"▓".repeat(filled)}${"░".repeat(BAR_CELLS - filled)} ${percent}%`;
}

const RISK_TEXT: Record<GoalRiskReason, string> = {
  overdue: "past its due date",
  no_recent_update: "no update for 3 weeks",
  marked_at_risk: "marked at risk",
  marked_off_track: "marked off track",
};

export function riskText(reasons: GoalRiskReason[]): string {
  return reasons.map((reason) => RISK_TEXT[reason]).join(", ");
}

/** One goal in a list: title, bar, value, status and due date; then what it aligns to and any warning. */
export function goalLines(goal: MyGoal): string {
  const lines = [
    `*${escapeMrkdwn(truncate(goal.title, 200))}* · ${GOAL_LEVEL_LABELS[goal.level]}`,
    `\`${progressBar(goal.progressPercent)}\` ${escapeMrkdwn(formatGoalValue(goal))} · ${GOAL_STATUS_LABELS[goal.status]} · due ${goal.dueDate}`,
  ];
  if (goal.parent)
    lines.push(
      `↳ aligns to ${GOAL_LEVEL_LABELS[goal.parent.level].toLowerCase()} goal _${escapeMrkdwn(truncate(goal.parent.title, 200))}_`,
    );
  if (goal.risks.length > 0) lines.push(`:warning: ${riskText(goal.risks)}`);
  return lines.join("\n");
}

/** A select option's label: ≤ 75 characters. */
export function goalOptionLabel(title: string, suffix: string): string {
  return `${truncate(title, 75 - suffix.length - 1)} ${suffix}`;
}
