// The goal modals opened by `/goal`: a small start view (my goals at a glance, "New goal" and "Update progress"),
// the create form and the update form. Block ids are keyed by the domain's field names, so the domain's per-field
// errors map straight onto them and Slack keeps everything typed.
import type { ActionsBlock, InputBlock, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { AlignableGoal } from "../../../domain/goals/list-alignable-goals.ts";
import type { MyGoal } from "../../../domain/goals/list-my-goals.ts";
import {
  GOAL_COMMENT_MAX,
  GOAL_LEVEL_LABELS,
  GOAL_STATUS_LABELS,
  GOAL_STATUSES,
  GOAL_TITLE_MAX,
  type GoalField,
  type GoalLevel,
} from "../../../domain/goals/goal.schemas.ts";
import { formatNumber } from "../../../domain/goals/goal-progress.ts";
import { goalLines, goalOptionLabel } from "./goal-text.ts";
import { context, plain, section } from "./text.ts";

export const GOAL_START_CALLBACK = "goal_start";
export const GOAL_CREATE_CALLBACK = "goal_create";
export const GOAL_UPDATE_CALLBACK = "goal_update";
export const GOAL_OPEN_CREATE_ACTION = "goal_open_create";
export const GOAL_OPEN_UPDATE_ACTION = "goal_open_update";

/** Block id of each field; the action id inside each block is always "value". */
export const GOAL_BLOCKS: Record<GoalField, string> = {
  level: "goal_level",
  title: "goal_title",
  measure: "goal_measure",
  startValue: "goal_start",
  targetValue: "goal_target",
  dueDate: "goal_due",
  parentId: "goal_parent",
  goalId: "goal_pick",
  value: "goal_value",
  status: "goal_status",
  comment: "goal_comment",
};
export const GOAL_ACTION = "value";

/** At most this many goals are summarised in the start view (each is one section). */
const START_VIEW_GOALS = 20;

export function goalStartModal(options: { goals: MyGoal[] }): ModalView {
  const open = options.goals.filter((goal) => goal.status !== "done");
  const blocks: KnownBlock[] =
    open.length === 0
      ? [section("You have no open goals yet. Set one, and align it with your team's or the company's goals.")]
      : [
          context(`Your open goals (${open.length}):`),
          ...open.slice(0, START_VIEW_GOALS).map((goal) => section(goalLines(goal))),
        ];
  if (open.length > START_VIEW_GOALS)
    blocks.push(context(`…and ${open.length - START_VIEW_GOALS} more: type \`/goal list\` to see them all.`));
  const actions: ActionsBlock = {
    type: "actions",
    block_id: "goal_start_actions",
    elements: [
      {
        type: "button",
        action_id: GOAL_OPEN_CREATE_ACTION,
        text: plain("New goal", 75),
        style: "primary",
        value: "create",
      },
      ...(options.goals.length > 0
        ? [
            {
              type: "button" as const,
              action_id: GOAL_OPEN_UPDATE_ACTION,
              text: plain("Update progress", 75),
              value: "update",
            },
          ]
        : []),
    ],
  };
  blocks.push(actions);
  return {
    type: "modal",
    callback_id: GOAL_START_CALLBACK,
    title: plain("Goals", 24),
    close: plain("Close", 24),
    blocks,
  };
}

export interface GoalCreateModalOptions {
  /** The levels this person may create; the level field is shown only when there is a choice. */
  levels: GoalLevel[];
  alignable: AlignableGoal[];
}

export function goalCreateModal(options: GoalCreateModalOptions): ModalView {
  const levelOptions: PlainTextOption[] = options.levels.map((level) => ({
    text: plain(`${GOAL_LEVEL_LABELS[level]} goal`, 75),
    value: level,
  }));
  const percent: PlainTextOption = { text: plain("Percent complete (0–100%)", 75), value: "percent" };
  const blocks: KnownBlock[] = [];
  if (levelOptions.length > 1) {
    blocks.push(
      input(
        "level",
        "Level",
        { type: "radio_buttons", action_id: GOAL_ACTION, options: levelOptions, initial_option: levelOptions[0] },
        { hint: "Team goals are owned by you as the team's manager." },
      ),
    );
  }
  blocks.push(
    input("title", "Goal", {
      type: "plain_text_input",
      action_id: GOAL_ACTION,
      max_length: GOAL_TITLE_MAX,
      placeholder: plain("Ship the new onboarding flow", 150),
    }),
    input("measure", "How is progress measured?", {
      type: "radio_buttons",
      action_id: GOAL_ACTION,
      initial_option: percent,
      options: [percent, { text: plain("A number, from a start to a target", 75), value: "number" }],
    }),
    input(
      "startValue",
      "Start (for a number)",
      { type: "number_input", action_id: GOAL_ACTION, is_decimal_allowed: true, placeholder: plain("0", 150) },
      { optional: true },
    ),
    input(
      "targetValue",
      "Target (for a number)",
      { type: "number_input", action_id: GOAL_ACTION, is_decimal_allowed: true, placeholder: plain("20", 150) },
      { optional: true },
    ),
    input("dueDate", "Due date", {
      type: "datepicker",
      action_id: GOAL_ACTION,
      placeholder: plain("Pick a date", 150),
    }),
  );
  const alignOptions: PlainTextOption[] = options.alignable.slice(0, 100).map((goal) => ({
    text: plain(goalOptionLabel(goal.title, `(${GOAL_LEVEL_LABELS[goal.level]})`), 75),
    value: goal.id,
  }));
  if (alignOptions.length > 0) {
    blocks.push(
      input(
        "parentId",
        "Align to",
        {
          type: "static_select",
          action_id: GOAL_ACTION,
          placeholder: plain("A team or company goal", 150),
          options: alignOptions,
        },
        {
          optional: true,
          hint: "Personal goals align to a team or company goal; team goals to a company goal.",
        },
      ),
    );
  } else {
    blocks.push(context("There are no team or company goals to align to yet."));
  }
  return {
    type: "modal",
    callback_id: GOAL_CREATE_CALLBACK,
    title: plain("New goal", 24),
    submit: plain("Create", 24),
    close: plain("Cancel", 24),
    blocks,
  };
}

export function goalUpdateModal(options: { goals: MyGoal[] }): ModalView {
  const goalOptions: PlainTextOption[] = options.goals.slice(0, 100).map((goal) => ({
    text: plain(
      goalOptionLabel(
        goal.title,
        `(now ${goal.measure === "percent" ? `${formatNumber(goal.currentValue)}%` : formatNumber(goal.currentValue)})`,
      ),
      75,
    ),
    value: goal.id,
  }));
  const statusOptions: PlainTextOption[] = GOAL_STATUSES.map((status) => ({
    text: plain(GOAL_STATUS_LABELS[status], 75),
    value: status,
  }));
  const blocks: KnownBlock[] = [
    input("goalId", "Goal", {
      type: "static_select",
      action_id: GOAL_ACTION,
      placeholder: plain("Pick one of your goals", 150),
      options: goalOptions,
      ...(goalOptions.length === 1 ? { initial_option: goalOptions[0] } : {}),
    }),
    input(
      "value",
      "New progress",
      { type: "number_input", action_id: GOAL_ACTION, is_decimal_allowed: true, placeholder: plain("40", 150) },
      { hint: "A percent (0–100) or the goal's number." },
    ),
    input(
      "status",
      "Status",
      {
        type: "static_select",
        action_id: GOAL_ACTION,
        placeholder: plain("Keep as is (done when the target is reached)", 150),
        options: statusOptions,
      },
      { optional: true },
    ),
    input(
      "comment",
      "Comment",
      {
        type: "plain_text_input",
        action_id: GOAL_ACTION,
        multiline: true,
        max_length: GOAL_COMMENT_MAX,
        placeholder: plain("What changed?", 150),
      },
      { optional: true },
    ),
  ];
  return {
    type: "modal",
    callback_id: GOAL_UPDATE_CALLBACK,
    title: plain("Update a goal", 24),
    submit: plain("Save", 24),
    close: plain("Cancel", 24),
    blocks,
  };
}

function input(
  field: GoalField,
  label: string,
  element: InputBlock["element"],
  options: { optional?: boolean; hint?: string } = {},
): InputBlock {
  return {
    type: "input",
    block_id: GOAL_BLOCKS[field],
    label: plain(label, 2000),
    optional: options.optional ?? false,
    ...(options.hint ? { hint: plain(options.hint, 2000) } : {}),
    element,
  };
}
