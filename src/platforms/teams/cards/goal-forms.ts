// The goal dialogs (task modules): create and update. After a refused submission each comes back with every
// field's problem right under that field and everything entered kept.
import type { AlignableGoal } from "../../../domain/goals/list-alignable-goals.ts";
import type { MyGoal } from "../../../domain/goals/list-my-goals.ts";
import { formatNumber } from "../../../domain/goals/goal-progress.ts";
import {
  GOAL_COMMENT_MAX,
  GOAL_LEVEL_LABELS,
  GOAL_STATUS_LABELS,
  GOAL_STATUSES,
  GOAL_TITLE_MAX,
  type GoalField,
  type GoalLevel,
} from "../../../domain/goals/goal.schemas.ts";
import { adaptiveCard, paragraph, plain, subtle, type AdaptiveCard, type CardElement } from "./card.ts";

export const GOAL_CREATE_SUBMIT_ACTION = "goal_create_submit";
export const GOAL_UPDATE_SUBMIT_ACTION = "goal_update_submit";
export const GOAL_CREATE_TITLE = "New goal";
export const GOAL_UPDATE_TITLE = "Update a goal";

/** What the inputs show: nothing, or what was just submitted (as typed). */
export type GoalFormValues = Partial<Record<GoalField, string>>;

interface FormState {
  values: GoalFormValues;
  formError?: string;
  fieldErrors?: Partial<Record<GoalField, string>>;
}

export interface GoalCreateFormView extends FormState {
  /** The levels this person may create; the level field is shown only when there is a choice. */
  levels: GoalLevel[];
  alignable: AlignableGoal[];
}

export interface GoalUpdateFormView extends FormState {
  goals: MyGoal[];
}

export function goalCreateFormCard(view: GoalCreateFormView): AdaptiveCard {
  const { values } = view;
  const error = fieldError(view.fieldErrors ?? {});
  const body: CardElement[] = formErrorOf(view);
  if (view.levels.length > 1) {
    const level = view.levels.includes(values.level as GoalLevel) ? values.level : view.levels[0];
    body.push(
      choice(
        "level",
        "Level",
        view.levels.map((value) => ({ title: `${GOAL_LEVEL_LABELS[value]} goal`, value })),
        level,
        { required: true },
      ),
      ...error("level"),
    );
  }
  body.push(
    {
      type: "Input.Text",
      id: "title",
      label: "Goal",
      maxLength: GOAL_TITLE_MAX,
      isRequired: true,
      errorMessage: "Give the goal a title.",
      placeholder: "Ship the new onboarding flow",
      ...keep(values.title),
    },
    ...error("title"),
    choice(
      "measure",
      "How is progress measured?",
      [
        { title: "Percent complete (0–100%)", value: "percent" },
        { title: "A number, from a start to a target", value: "number" },
      ],
      values.measure === "number" ? "number" : "percent",
      { required: true, expanded: true },
    ),
    ...error("measure"),
    numberInput("startValue", "Start (for a number)", values.startValue),
    ...error("startValue"),
    numberInput("targetValue", "Target (for a number)", values.targetValue),
    ...error("targetValue"),
    {
      type: "Input.Date",
      id: "dueDate",
      label: "Due date",
      isRequired: true,
      errorMessage: "Pick a due date.",
      ...(values.dueDate && /^\d{4}-\d{2}-\d{2}$/.test(values.dueDate) ? { value: values.dueDate } : {}),
    },
    ...error("dueDate"),
  );
  if (view.alignable.length > 0) {
    const choices = view.alignable.map((goal) => ({
      title: `${goal.title} (${GOAL_LEVEL_LABELS[goal.level]})`,
      value: goal.id,
    }));
    body.push(
      choice("parentId", "Align to (optional)", choices, values.parentId, { placeholder: "A team or company goal" }),
      ...error("parentId"),
    );
  } else {
    body.push(subtle("There are no team or company goals to align to yet."), ...error("parentId"));
  }
  return adaptiveCard(body, [
    { type: "Action.Submit", title: "Create goal", style: "positive", data: { action: GOAL_CREATE_SUBMIT_ACTION } },
  ]);
}

export function goalUpdateFormCard(view: GoalUpdateFormView): AdaptiveCard {
  const { values } = view;
  const error = fieldError(view.fieldErrors ?? {});
  const goals = view.goals.map((goal) => ({
    title: `${goal.title} (now ${goal.measure === "percent" ? `${formatNumber(goal.currentValue)}%` : formatNumber(goal.currentValue)})`,
    value: goal.id,
  }));
  const picked = values.goalId ?? (goals.length === 1 ? goals[0]!.value : undefined);
  const body: CardElement[] = [
    ...formErrorOf(view),
    choice("goalId", "Goal", goals, picked, { required: true, placeholder: "Pick one of your goals" }),
    ...error("goalId"),
    {
      ...numberInput("value", "New progress (a percent, or the goal's number)", values.value),
      isRequired: true,
      errorMessage: "Give the new progress as a number.",
    },
    ...error("value"),
    choice(
      "status",
      "Status (optional: done when the target is reached)",
      GOAL_STATUSES.map((status) => ({ title: GOAL_STATUS_LABELS[status], value: status })),
      values.status,
      { placeholder: "Keep as is" },
    ),
    ...error("status"),
    {
      type: "Input.Text",
      id: "comment",
      label: "Comment (optional)",
      isMultiline: true,
      maxLength: GOAL_COMMENT_MAX,
      placeholder: "What changed?",
      ...keep(values.comment),
    },
    ...error("comment"),
  ];
  return adaptiveCard(body, [
    { type: "Action.Submit", title: "Save progress", style: "positive", data: { action: GOAL_UPDATE_SUBMIT_ACTION } },
  ]);
}

function formErrorOf(view: FormState): CardElement[] {
  return view.formError
    ? [paragraph(plain(view.formError), { color: "Attention", weight: "Bolder", id: "formError" })]
    : [];
}

/** Kept verbatim, even when refused: the person fixes it rather than retypes it. */
function keep(value: string | undefined): CardElement {
  return value !== undefined && value !== "" ? { value } : {};
}

function numberInput(id: GoalField, label: string, value: string | undefined): CardElement {
  // Input.Number holds numbers only: a value that isn't one can't be shown (its error says what was wrong).
  const number =
    value !== undefined && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : undefined;
  return { type: "Input.Number", id, label, ...(number !== undefined ? { value: number } : {}) };
}

function choice(
  id: GoalField,
  label: string,
  choices: { title: string; value: string }[],
  value: string | undefined,
  options: { required?: boolean; expanded?: boolean; placeholder?: string },
): CardElement {
  const offered = choices.some((option) => option.value === value);
  return {
    type: "Input.ChoiceSet",
    id,
    label,
    style: options.expanded ? "expanded" : "compact",
    choices,
    ...(options.required ? { isRequired: true, errorMessage: `Please pick one.` } : {}),
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    ...(offered ? { value } : {}),
  };
}

/** The server's message for one field, right under it (a client-side errorMessage only covers empty fields). */
function fieldError(errors: Partial<Record<GoalField, string>>) {
  return (field: GoalField): CardElement[] =>
    errors[field]
      ? [
          {
            type: "TextBlock",
            id: `${field}Error`,
            text: plain(errors[field]!),
            color: "Attention",
            size: "Small",
            wrap: true,
            spacing: "None",
          },
        ]
      : [];
}
