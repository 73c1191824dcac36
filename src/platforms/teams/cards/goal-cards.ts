// What `goal` and `goal list` answer, and the confirmations after the goal dialogs. The "New goal" and "Update
// progress" buttons are Action.Submit with `msteams: { type: "task/fetch" }`: Teams opens the matching dialog.
import type { CreatedGoal } from "../../../domain/goals/create-goal.ts";
import { formatGoalValue, formatNumber } from "../../../domain/goals/goal-progress.ts";
import { GOAL_LEVEL_LABELS, GOAL_STATUS_LABELS } from "../../../domain/goals/goal.schemas.ts";
import type { GoalRiskReason } from "../../../domain/goals/goals-at-risk.ts";
import type { MyGoal } from "../../../domain/goals/list-my-goals.ts";
import type { GoalProgressUpdated } from "../../../domain/goals/update-goal-progress.ts";
import { adaptiveCard, heading, paragraph, plain, subtle, type AdaptiveCard, type CardElement } from "./card.ts";

export const GOAL_CREATE_OPEN_ACTION = "goal_create_open";
export const GOAL_UPDATE_OPEN_ACTION = "goal_update_open";

/** A list card stays readable (and well under Teams' 28 KB message size) with this many goals. */
const LIST_MAX = 30;

export function openGoalDialogAction(kind: "create" | "update"): CardElement {
  return {
    type: "Action.Submit",
    title: kind === "create" ? "New goal" : "Update progress",
    ...(kind === "create" ? { style: "positive" } : {}),
    data: {
      msteams: { type: "task/fetch" },
      action: kind === "create" ? GOAL_CREATE_OPEN_ACTION : GOAL_UPDATE_OPEN_ACTION,
    },
  };
}

/** "▓▓▓▓░░░░░░ 40%". */
export function progressBar(percent: number): string {
  const filled = Math.round(Math.min(100, Math.max(0, percent)) / 10);
  return `${"▓".repeat(filled)}${"░".repeat(10 - filled)} ${percent}%`;
}

const RISK_TEXT: Record<GoalRiskReason, string> = {
  overdue: "past its due date",
  no_recent_update: "no update for 3 weeks",
  marked_at_risk: "marked at risk",
  marked_off_track: "marked off track",
};

function goalItem(goal: MyGoal): CardElement {
  const items: CardElement[] = [
    paragraph(`**${plain(goal.title)}** · ${GOAL_LEVEL_LABELS[goal.level]}`),
    {
      type: "TextBlock",
      text: `${progressBar(goal.progressPercent)} · ${plain(formatGoalValue(goal))} · ${GOAL_STATUS_LABELS[goal.status]} · due ${goal.dueDate}`,
      wrap: true,
      fontType: "Monospace",
      spacing: "None",
    },
  ];
  if (goal.parent)
    items.push(
      subtle(`↳ aligns to ${GOAL_LEVEL_LABELS[goal.parent.level].toLowerCase()} goal "${plain(goal.parent.title)}"`),
    );
  if (goal.risks.length > 0)
    items.push({
      type: "TextBlock",
      text: `⚠️ ${goal.risks.map((reason) => RISK_TEXT[reason]).join(", ")}`,
      color: "Attention",
      size: "Small",
      wrap: true,
      spacing: "None",
    });
  return { type: "Container", separator: true, items };
}

/** `goal`: my open goals at a glance, and the two dialogs. */
export function goalStartCard(view: { goals: MyGoal[] }): AdaptiveCard {
  const open = view.goals.filter((goal) => goal.status !== "done");
  const body: CardElement[] =
    open.length === 0
      ? [paragraph("You have no open goals yet. Set one, and align it with your team's or the company's goals.")]
      : [heading(`Your open goals (${open.length})`), ...open.slice(0, 10).map(goalItem)];
  if (open.length > 10) body.push(subtle(`…and ${open.length - 10} more: type "goal list" to see them all.`));
  return adaptiveCard(body, [
    openGoalDialogAction("create"),
    ...(view.goals.length > 0 ? [openGoalDialogAction("update")] : []),
  ]);
}

/** `goal list`: every goal I own with what it aligns to, open ones first. */
export function goalListCard(view: { goals: MyGoal[] }): AdaptiveCard {
  if (view.goals.length === 0)
    return adaptiveCard(
      [paragraph('You have no goals yet. Type "goal" to set one.')],
      [openGoalDialogAction("create")],
    );
  const open = view.goals.filter((goal) => goal.status !== "done").length;
  const body: CardElement[] = [
    heading(`Your goals (${open} open)`),
    subtle("Only you see this list."),
    ...view.goals.slice(0, LIST_MAX).map(goalItem),
  ];
  if (view.goals.length > LIST_MAX) body.push(subtle(`Showing ${LIST_MAX} of ${view.goals.length}.`));
  return adaptiveCard(body, [openGoalDialogAction("update"), openGoalDialogAction("create")]);
}

export function goalCreatedCard(goal: CreatedGoal): AdaptiveCard {
  const measure =
    goal.measure === "percent"
      ? "percent complete"
      : `from ${formatNumber(goal.startValue)} to ${formatNumber(goal.targetValue)}`;
  return adaptiveCard(
    [
      paragraph(
        `🎯 ${GOAL_LEVEL_LABELS[goal.level]} goal created: **${plain(goal.title)}** (${measure}, due ${goal.dueDate}).`,
      ),
      subtle(
        goal.parent
          ? `It aligns to the ${GOAL_LEVEL_LABELS[goal.parent.level].toLowerCase()} goal "${plain(goal.parent.title)}".`
          : "It isn't aligned to another goal.",
      ),
    ],
    [openGoalDialogAction("update")],
  );
}

export function goalUpdatedCard(update: GoalProgressUpdated): AdaptiveCard {
  return adaptiveCard([
    paragraph(`📈 Progress saved: **${plain(update.title)}**`),
    {
      type: "TextBlock",
      text: `${progressBar(update.progressPercent)} · ${GOAL_STATUS_LABELS[update.status]}${update.status === "done" ? " 🎉" : ""}`,
      fontType: "Monospace",
      wrap: true,
    },
  ]);
}
