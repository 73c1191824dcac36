// Review dialogs and replies on Teams: HR's "new review cycle" form, the review form (self or manager, with
// "Save draft" and "Submit (final)") and a read-only review. The status, nudge-preview and notice cards are in
// review-status-cards.ts.
import type { CreatedReviewCycle } from "../../../domain/reviews/create-review-cycle.ts";
import type { ReviewForm } from "../../../domain/reviews/get-review-form.ts";
import type { ReadableReview } from "../../../domain/reviews/read-review.ts";
import { REVIEW_TEXT_MAX, type ReviewAnswers, type ReviewQuestion } from "../../../domain/reviews/review.schemas.ts";
import { adaptiveCard, heading, paragraph, plain, subtle, type AdaptiveCard, type CardElement } from "./card.ts";

export const REVIEW_CREATE_ACTION = "review_create";
export const REVIEW_CREATE_SUBMIT_ACTION = "review_create_submit";
export const REVIEW_FORM_SUBMIT_ACTION = "review_form_submit";
export const REVIEW_LAUNCH_ACTION = "review_launch";
export const REVIEW_NUDGE_CONFIRM_ACTION = "review_nudge_confirm";

const PICK_PEOPLE = { type: "Data.Query", dataset: "graph.microsoft.com/users" };
const errorText = (message: string, id: string): CardElement => ({
  type: "TextBlock",
  id,
  text: plain(message),
  color: "Attention",
  size: "Small",
  wrap: true,
  spacing: "None",
});

export interface ReviewCycleFormValues {
  name?: string;
  participants?: string;
  manager?: string;
  people?: string;
  selfDueDate?: string;
  managerDueDate?: string;
  questions?: string;
}

/** People the pickers offer before anyone types (Teams searches the whole directory as they type). */
export interface PickerSuggestions {
  managers: { aadObjectId: string; name: string }[];
  people: { aadObjectId: string; name: string }[];
}

export function reviewCycleFormCard(
  values: ReviewCycleFormValues,
  suggestions: PickerSuggestions,
  error?: string,
): AdaptiveCard {
  const choices = (list: { aadObjectId: string; name: string }[]) =>
    list.map((person) => ({ title: person.name, value: person.aadObjectId }));
  const body: CardElement[] = [
    ...(error ? [paragraph(plain(error), { color: "Attention", weight: "Bolder", id: "formError" })] : []),
    subtle("Nothing is sent when you create the cycle: you launch it from the next card."),
    {
      type: "Input.Text",
      id: "name",
      label: "Name",
      isRequired: true,
      errorMessage: "Give the cycle a name.",
      maxLength: 80,
      placeholder: "H2 2026 reviews",
      ...(values.name ? { value: values.name } : {}),
    },
    {
      type: "Input.ChoiceSet",
      id: "participants",
      label: "Who takes part",
      style: "expanded",
      value: values.participants ?? "everyone",
      choices: [
        { title: "Everyone", value: "everyone" },
        { title: "A manager's organisation", value: "organisation" },
        { title: "The people listed below", value: "people" },
      ],
    },
    {
      type: "Input.ChoiceSet",
      id: "manager",
      label: "Manager (for a manager's organisation)",
      placeholder: "Type a name",
      choices: choices(suggestions.managers),
      "choices.data": PICK_PEOPLE,
      ...(values.manager ? { value: values.manager } : {}),
    },
    {
      type: "Input.ChoiceSet",
      id: "people",
      label: "People (for listed people)",
      isMultiSelect: true,
      placeholder: "Type names",
      choices: choices(suggestions.people),
      "choices.data": PICK_PEOPLE,
      ...(values.people ? { value: values.people } : {}),
    },
    {
      type: "Input.Date",
      id: "selfDueDate",
      label: "Self-reviews due",
      isRequired: true,
      errorMessage: "Pick the self-review due date.",
      ...(values.selfDueDate ? { value: values.selfDueDate } : {}),
    },
    {
      type: "Input.Date",
      id: "managerDueDate",
      label: "Manager reviews due",
      isRequired: true,
      errorMessage: "Pick the manager-review due date.",
      ...(values.managerDueDate ? { value: values.managerDueDate } : {}),
    },
    {
      type: "Input.Text",
      id: "questions",
      label: "Questions, one per line ([1-5] in front makes a rating)",
      isMultiline: true,
      maxLength: 3000,
      ...(values.questions ? { value: values.questions } : {}),
    },
  ];
  return adaptiveCard(body, [
    { type: "Action.Submit", title: "Create", style: "positive", data: { action: REVIEW_CREATE_SUBMIT_ACTION } },
  ]);
}

export function reviewCycleCreatedCard(cycle: CreatedReviewCycle): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`📝 ${plain(cycle.name)} is ready`),
      paragraph(
        `${cycle.participantCount} people (${cycle.managerReviewCount} with a manager review), ${cycle.questions.length} questions. Self-reviews due ${cycle.selfDueDate}, manager reviews ${cycle.managerDueDate}.`,
      ),
      ...cycle.dueDateWarnings.map((warning) => paragraph(`⚠️ ${warning}`, { weight: "Bolder" })),
      subtle("Launching sends everyone taking part a message with a button to write their self-review."),
    ],
    [
      {
        type: "Action.Submit",
        title: "Launch",
        style: "positive",
        data: { action: REVIEW_LAUNCH_ACTION, cycleId: cycle.cycleId },
      },
    ],
  );
}

function answerText(question: ReviewQuestion, answer: number | string | undefined): string {
  if (answer === undefined) return "(no answer)";
  return question.kind === "rating" ? `${answer} / 5` : String(answer);
}

/** `values` are what the form shows: the saved draft, or exactly what was just submitted when it comes back. */
export function reviewFormCard(
  form: ReviewForm,
  options: { values?: Record<string, string>; error?: string; fieldErrors?: Record<string, string> } = {},
): AdaptiveCard {
  const values =
    options.values ?? Object.fromEntries(Object.entries(form.answers).map(([key, value]) => [key, String(value)]));
  const body: CardElement[] = [
    ...(options.error
      ? [paragraph(plain(options.error), { color: "Attention", weight: "Bolder", id: "formError" })]
      : []),
    subtle(
      `${plain(form.cycle.name)} · due ${form.cycle.dueLabel}${form.status === "draft" ? " · your draft is filled in" : ""}`,
    ),
    ...contextElements(form),
  ];
  if (!form.editable) {
    body.push(
      paragraph(
        form.status === "submitted" ? "✅ Submitted. It is final unless HR reopens it." : "🔒 This cycle is closed.",
      ),
    );
    body.push(...answerElements(form.questions, form.answers));
    return adaptiveCard(body);
  }
  for (const question of form.questions) {
    if (form.selfReview?.submitted)
      body.push(
        subtle(`${plain(form.subject.name)}: ${plain(answerText(question, form.selfReview.answers[question.id]))}`),
      );
    body.push(
      question.kind === "rating"
        ? {
            type: "Input.ChoiceSet",
            id: question.id,
            label: question.label,
            style: "expanded",
            choices: [1, 2, 3, 4, 5].map((n) => ({ title: String(n), value: String(n) })),
            ...(values[question.id] ? { value: values[question.id] } : {}),
          }
        : {
            type: "Input.Text",
            id: question.id,
            label: question.label,
            isMultiline: true,
            maxLength: REVIEW_TEXT_MAX,
            ...(values[question.id] ? { value: values[question.id] } : {}),
          },
    );
    const problem = options.fieldErrors?.[question.id];
    if (problem) body.push(errorText(problem, `${question.id}Error`));
  }
  return adaptiveCard(body, [
    {
      type: "Action.Submit",
      title: "Save draft",
      data: { action: REVIEW_FORM_SUBMIT_ACTION, reviewId: form.reviewId, intent: "draft" },
    },
    {
      type: "Action.Submit",
      title: "Submit (final)",
      style: "positive",
      data: { action: REVIEW_FORM_SUBMIT_ACTION, reviewId: form.reviewId, intent: "final" },
    },
  ]);
}

function contextElements(form: ReviewForm): CardElement[] {
  if (form.kind === "manager")
    return form.selfReview?.submitted
      ? []
      : [subtle(`${plain(form.subject.name)} hasn't submitted their self-review yet.`)];
  const goals = form.context.goals.map((goal) => `- ${plain(goal.title)} · ${goal.progress} · ${goal.status}`);
  const kudos = form.context.kudos.recent.map((item) => `- ${plain(item.giverName)}: ${plain(item.message)}`);
  return [
    paragraph(`**Your goals**\n\n${goals.length > 0 ? goals.join("\n") : "No goals recorded."}`),
    paragraph(
      `**Kudos you received in the period (${form.context.kudos.total})**\n\n${kudos.length > 0 ? kudos.join("\n") : "None yet."}`,
    ),
  ];
}

function answerElements(questions: ReviewQuestion[], answers: ReviewAnswers): CardElement[] {
  return questions.flatMap((question) => [
    paragraph(`**${plain(question.label)}**`),
    paragraph(plain(answerText(question, answers[question.id]))),
  ]);
}

export function readReviewCard(review: ReadableReview): AdaptiveCard {
  const title =
    review.kind === "manager"
      ? `${review.authorName}'s review of ${review.subjectName}`
      : `${review.subjectName}'s self-review`;
  return adaptiveCard([
    heading(plain(title)),
    subtle(`${plain(review.cycleName)} · only you can see this`),
    ...answerElements(review.questions, review.answers),
  ]);
}
