// What a person alone sees about their own goals: `/goal list`, `/goal help`, and the confirmations after the
// create and update modals.
import type { CreatedGoal } from "../../../domain/goals/create-goal.ts";
import { formatNumber } from "../../../domain/goals/goal-progress.ts";
import { GOAL_LEVEL_LABELS, GOAL_STATUS_LABELS } from "../../../domain/goals/goal.schemas.ts";
import type { MyGoal } from "../../../domain/goals/list-my-goals.ts";
import type { GoalProgressUpdated } from "../../../domain/goals/update-goal-progress.ts";
import { goalLines, progressBar } from "./goal-text.ts";
import { context, escapedText, escapeMrkdwn, plain, section, truncate, type SlackMessage } from "./text.ts";

/** One message holds at most 50 blocks: a header, a note, and up to 45 goals. */
const LIST_MAX = 45;

export function goalListMessage(goals: MyGoal[]): SlackMessage {
  if (goals.length === 0) {
    return {
      text: "You have no goals yet.",
      blocks: [
        section("You have no goals yet. Type `/goal` to set one and align it with your team's or the company's goals."),
      ],
    };
  }
  const open = goals.filter((goal) => goal.status !== "done").length;
  const blocks: SlackMessage["blocks"] = [
    { type: "header", text: plain(`Your goals (${open} open)`, 150) },
    ...goals.slice(0, LIST_MAX).map((goal) => section(goalLines(goal))),
    context(
      goals.length > LIST_MAX
        ? `Showing ${LIST_MAX} of ${goals.length}. Type \`/goal\` to update one.`
        : "Type `/goal` to update one or set a new one.",
    ),
  ];
  return { text: escapedText`You have ${open} open goal${open === 1 ? "" : "s"}.`, blocks };
}

export function goalHelpMessage(problem?: string): SlackMessage {
  const lines = [
    ...(problem ? [escapeMrkdwn(problem), ""] : []),
    "*Goals*",
    "• `/goal` opens your goals: set a new one or update progress",
    "• `/goal new` opens the form for a new goal",
    "• `/goal update` opens the progress form",
    "• `/goal list` shows your goals and what they align to (only you see it)",
  ];
  return { text: escapeMrkdwn(problem ?? "How to use /goal"), blocks: [section(lines.join("\n"))] };
}

export function goalCreatedMessage(goal: CreatedGoal): SlackMessage {
  const measure =
    goal.measure === "percent"
      ? "percent complete"
      : `from ${formatNumber(goal.startValue)} to ${formatNumber(goal.targetValue)}`;
  const lines = [
    `:dart: ${GOAL_LEVEL_LABELS[goal.level]} goal created: *${escapeMrkdwn(truncate(goal.title, 200))}* (${measure}, due ${goal.dueDate}).`,
    goal.parent
      ? `It aligns to the ${GOAL_LEVEL_LABELS[goal.parent.level].toLowerCase()} goal _${escapeMrkdwn(truncate(goal.parent.title, 200))}_.`
      : "It isn't aligned to another goal.",
    "Update its progress any time with `/goal`, or in your weekly check-in.",
  ];
  return { text: escapedText`Goal created: ${truncate(goal.title, 200)}`, blocks: [section(lines.join("\n"))] };
}

export function goalUpdatedMessage(update: GoalProgressUpdated): SlackMessage {
  const done = update.status === "done" ? " :tada:" : "";
  const text = `:chart_with_upwards_trend: *${escapeMrkdwn(truncate(update.title, 200))}*: \`${progressBar(update.progressPercent)}\` · ${GOAL_STATUS_LABELS[update.status]}${done}`;
  return {
    text: escapedText`Progress saved: ${truncate(update.title, 200)} is at ${update.progressPercent}%.`,
    blocks: [section(text)],
  };
}
