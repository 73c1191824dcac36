// The check-in dialog (task module). It opens with the period's saved answers, shows the deadline, and after a
// refused submission comes back with each field's problem right under that field and everything typed kept.
import { DateTime } from "luxon";
import { CHECK_IN_TEXT_MAX, type CheckInField } from "../../../domain/check-ins/check-in.schemas.ts";
import { adaptiveCard, paragraph, plain, subtle, type AdaptiveCard, type CardElement } from "./card.ts";
import { checkInGoalInputs, goalsShownData, type CheckInFormGoal } from "./goal-checkin-inputs.ts";

export const CHECKIN_FORM_SUBMIT_ACTION = "checkin_submit";
export const CHECKIN_FORM_TITLE = "Weekly check-in";

/** What the form shows in its inputs: saved answers, or what was just submitted (always as typed). */
export interface CheckInFormValues {
  mood?: string;
  progress?: string;
  plans?: string;
  blockers?: string;
  forManager?: string;
}

export interface CheckInFormView {
  /** Absent only when the period couldn't be loaded (the form still comes back with what was typed). */
  period?: { key: string; deadlineLabel: string };
  /** True when this period's check-in exists: the form edits it. */
  editing: boolean;
  moodOptions: { value: number; label: string }[];
  values: CheckInFormValues;
  /** A problem with the whole submission (shown at the top). */
  formError?: string;
  fieldErrors?: Partial<Record<CheckInField, string>>;
  /** The person's open goals (up to five), offered for a quick progress update. */
  goals?: CheckInFormGoal[];
}

/** "2026-W48" → "23 November 2026" (the Monday of that ISO week); the key itself if it isn't one. */
export function weekOfLabel(periodKey: string): string {
  const week = DateTime.fromISO(periodKey);
  return week.isValid ? week.startOf("week").setLocale("en-GB").toFormat("d LLLL yyyy") : periodKey;
}

export function checkInFormCard(view: CheckInFormView): AdaptiveCard {
  const errors = view.fieldErrors ?? {};
  const values = view.values;
  const body: CardElement[] = [];
  if (view.formError)
    body.push(paragraph(plain(view.formError), { color: "Attention", weight: "Bolder", id: "formError" }));
  const period = view.period;
  if (period) {
    const week = weekOfLabel(period.key);
    body.push(
      subtle(
        view.editing
          ? `You've checked in for the week of ${week}: change anything you like until ${period.deadlineLabel}.`
          : `Week of ${week} · please answer by ${period.deadlineLabel}.`,
      ),
    );
  }
  const moodIsOffered = view.moodOptions.some((option) => String(option.value) === values.mood);
  body.push(
    {
      type: "Input.ChoiceSet",
      id: "mood",
      label: "How was your week?",
      style: "expanded",
      isRequired: true,
      errorMessage: "Pick your mood, from 1 to 5.",
      choices: view.moodOptions.map((option) => ({ title: option.label, value: String(option.value) })),
      ...(moodIsOffered ? { value: values.mood } : {}),
    },
    ...fieldError("mood", errors.mood),
    textInput("progress", "What did you move forward this week?", values.progress, {
      required: true,
      placeholder: "Shipped the import, reviewed two designs…",
    }),
    ...fieldError("progress", errors.progress),
    textInput("plans", "What do you plan for next week?", values.plans, {
      required: true,
      placeholder: "Finish the onboarding flow…",
    }),
    ...fieldError("plans", errors.plans),
    textInput("blockers", "Anything blocking you? (optional)", values.blockers, {
      required: false,
      placeholder: "Waiting on…",
    }),
    ...fieldError("blockers", errors.blockers),
    textInput("forManager", "Anything for your manager? (optional)", values.forManager, {
      required: false,
      placeholder: "Only your manager sees this.",
    }),
    ...fieldError("forManager", errors.forManager),
    ...checkInGoalInputs(view.goals ?? []),
  );
  const submit = {
    type: "Action.Submit",
    title: view.editing ? "Update check-in" : "Submit check-in",
    style: "positive",
    data: { action: CHECKIN_FORM_SUBMIT_ACTION, ...goalsShownData(view.goals ?? []) },
  };
  return adaptiveCard(body, [submit]);
}

function textInput(
  id: CheckInField,
  label: string,
  value: string | undefined,
  options: { required: boolean; placeholder: string },
): CardElement {
  return {
    type: "Input.Text",
    id,
    label,
    isMultiline: true,
    maxLength: CHECK_IN_TEXT_MAX,
    placeholder: options.placeholder,
    ...(options.required ? { isRequired: true, errorMessage: "Please fill this in." } : {}),
    // Kept verbatim, even when too long or otherwise refused: the person fixes it rather than retypes it.
    ...(value !== undefined && value !== "" ? { value } : {}),
  };
}

/** The server's message for one field, placed right under it (client-side errorMessage only covers empty fields). */
function fieldError(field: CheckInField, message: string | undefined): CardElement[] {
  return message
    ? [
        {
          type: "TextBlock",
          id: `${field}Error`,
          text: plain(message),
          color: "Attention",
          size: "Small",
          wrap: true,
          spacing: "None",
        },
      ]
    : [];
}
