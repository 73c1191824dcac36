// The review modals: HR's "create a review cycle" form, the review form (self or manager), and a read-only view of
// a finished review. Every review input is optional in Slack's eyes: a draft may leave anything blank, and the
// domain checks completeness only when "This is final" is ticked (Slack modals have a single submit button, so
// the checkbox chooses between "save a draft" and "submit"; closing the modal also saves a draft).
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { ReviewForm } from "../../../domain/reviews/get-review-form.ts";
import type { ReadableReview } from "../../../domain/reviews/read-review.ts";
import { REVIEW_TEXT_MAX, type ReviewAnswers, type ReviewQuestion } from "../../../domain/reviews/review.schemas.ts";
import { context, escapeMrkdwn, plain, quote, section, truncate } from "./text.ts";

export const REVIEW_CYCLE_MODAL_CALLBACK = "review_cycle_modal";
export const REVIEW_FORM_CALLBACK = "review_form";
export const REVIEW_CYCLE_BLOCKS = {
  name: "review_name",
  participants: "review_participants",
  manager: "review_manager",
  people: "review_people",
  selfDue: "review_self_due",
  managerDue: "review_manager_due",
  questions: "review_questions",
} as const;
export const REVIEW_FINAL_BLOCK = "review_final";
export const REVIEW_FINAL_VALUE = "final";
export const questionBlockId = (questionId: string) => `review_${questionId}`;
export const REVIEW_ANSWER_ACTION = "answer";

const RATINGS: PlainTextOption[] = [1, 2, 3, 4, 5].map((value) => ({
  text: plain(String(value), 75),
  value: String(value),
}));

export function reviewCycleModal(options: {
  questionsText: string;
  defaultSelfDue: string;
  defaultManagerDue: string;
}): ModalView {
  const participants: PlainTextOption[] = [
    { text: plain("Everyone"), value: "everyone" },
    { text: plain("A manager's organisation"), value: "organisation" },
    { text: plain("The people listed below"), value: "people" },
  ];
  return {
    type: "modal",
    callback_id: REVIEW_CYCLE_MODAL_CALLBACK,
    title: plain("New review cycle", 24),
    submit: plain("Create", 24),
    close: plain("Cancel", 24),
    blocks: [
      context("Nothing is sent when you create the cycle: you launch it from the next message."),
      {
        type: "input",
        block_id: REVIEW_CYCLE_BLOCKS.name,
        label: plain("Name"),
        element: { type: "plain_text_input", action_id: "name", max_length: 80, placeholder: plain("H2 2026 reviews") },
      },
      {
        type: "input",
        block_id: REVIEW_CYCLE_BLOCKS.participants,
        label: plain("Who takes part"),
        element: { type: "radio_buttons", action_id: "kind", options: participants, initial_option: participants[0] },
      },
      {
        type: "input",
        block_id: REVIEW_CYCLE_BLOCKS.manager,
        optional: true,
        label: plain("Manager (for a manager's organisation)"),
        element: { type: "users_select", action_id: "manager" },
      },
      {
        type: "input",
        block_id: REVIEW_CYCLE_BLOCKS.people,
        optional: true,
        label: plain("People (for listed people)"),
        element: { type: "multi_users_select", action_id: "people" },
      },
      {
        type: "input",
        block_id: REVIEW_CYCLE_BLOCKS.selfDue,
        label: plain("Self-reviews due"),
        element: { type: "datepicker", action_id: "date", initial_date: options.defaultSelfDue },
      },
      {
        type: "input",
        block_id: REVIEW_CYCLE_BLOCKS.managerDue,
        label: plain("Manager reviews due"),
        element: { type: "datepicker", action_id: "date", initial_date: options.defaultManagerDue },
      },
      {
        type: "input",
        block_id: REVIEW_CYCLE_BLOCKS.questions,
        label: plain("Questions, one per line"),
        hint: plain('Start a line with "[1-5]" for a rating from 1 to 5; other lines are answered in words.'),
        element: {
          type: "plain_text_input",
          action_id: "questions",
          multiline: true,
          max_length: 3000,
          initial_value: options.questionsText.slice(0, 3000),
        },
      },
    ],
  };
}

export interface ReviewFormMetadata {
  reviewId: string;
}

export function reviewFormModal(form: ReviewForm, note?: string): ModalView {
  const title = form.kind === "self" ? "Self-review" : truncate(`Review ${form.subject.name}`, 24);
  const blocks: KnownBlock[] = [
    ...(note ? [context(`:information_source: ${escapeMrkdwn(note)}`)] : []),
    context(
      `*${escapeMrkdwn(form.cycle.name)}* · due ${escapeMrkdwn(form.cycle.dueLabel)}${form.status === "draft" ? " · your draft is filled in" : ""}`,
    ),
    ...contextBlocks(form),
  ];
  if (!form.editable) {
    blocks.push(
      section(
        form.status === "submitted"
          ? ":white_check_mark: Submitted. It is final unless HR reopens it."
          : ":lock: This cycle is closed.",
      ),
    );
    blocks.push(...answerSections(form.questions, form.answers));
    return {
      type: "modal",
      callback_id: REVIEW_FORM_CALLBACK,
      title: plain(title, 24),
      close: plain("Close", 24),
      private_metadata: JSON.stringify({ reviewId: form.reviewId }),
      blocks,
    };
  }
  for (const question of form.questions) {
    if (form.selfReview?.submitted)
      blocks.push(
        context(
          `*${escapeMrkdwn(form.subject.name)}:* ${escapeMrkdwn(answerText(question, form.selfReview.answers[question.id]))}`,
        ),
      );
    blocks.push(questionInput(question, form.answers[question.id]));
  }
  blocks.push({
    type: "input",
    block_id: REVIEW_FINAL_BLOCK,
    optional: true,
    label: plain("Submit"),
    element: {
      type: "checkboxes",
      action_id: "final",
      options: [
        { text: plain("This is final: submit it (it can't be changed afterwards)"), value: REVIEW_FINAL_VALUE },
      ],
    },
    hint: plain("Leave it unticked to save a draft. Closing this form also keeps what you typed."),
  });
  const metadata: ReviewFormMetadata = { reviewId: form.reviewId };
  return {
    type: "modal",
    callback_id: REVIEW_FORM_CALLBACK,
    title: plain(title, 24),
    submit: plain("Save", 24),
    close: plain("Close", 24),
    notify_on_close: true,
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

function contextBlocks(form: ReviewForm): KnownBlock[] {
  if (form.kind === "manager" && !form.selfReview?.submitted)
    return [context(`${escapeMrkdwn(form.subject.name)} hasn't submitted their self-review yet.`)];
  if (form.kind === "manager") return [];
  const goals = form.context.goals.map(
    (goal) => `• ${escapeMrkdwn(truncate(goal.title, 120))} · ${goal.progress} · ${goal.status}`,
  );
  const kudos = form.context.kudos.recent.map(
    (item) => `• ${escapeMrkdwn(item.giverName)}: ${escapeMrkdwn(truncate(item.message, 150))}`,
  );
  return [
    section(`*Your goals*\n${goals.length > 0 ? goals.join("\n") : "No goals recorded."}`),
    section(
      `*Kudos you received in the period (${form.context.kudos.total})*\n${kudos.length > 0 ? kudos.join("\n") : "None yet."}`,
    ),
    { type: "divider" },
  ];
}

function questionInput(question: ReviewQuestion, saved: number | string | undefined): InputBlock {
  if (question.kind === "rating") {
    const initial = RATINGS.find((option) => option.value === String(saved));
    return {
      type: "input",
      block_id: questionBlockId(question.id),
      optional: true,
      label: plain(question.label, 2000),
      element: {
        type: "radio_buttons",
        action_id: REVIEW_ANSWER_ACTION,
        options: RATINGS,
        ...(initial ? { initial_option: initial } : {}),
      },
    };
  }
  return {
    type: "input",
    block_id: questionBlockId(question.id),
    optional: true,
    label: plain(question.label, 2000),
    element: {
      type: "plain_text_input",
      action_id: REVIEW_ANSWER_ACTION,
      multiline: true,
      max_length: REVIEW_TEXT_MAX,
      ...(typeof saved === "string" && saved ? { initial_value: saved.slice(0, REVIEW_TEXT_MAX) } : {}),
    },
  };
}

function answerText(question: ReviewQuestion, answer: number | string | undefined): string {
  if (answer === undefined) return "(no answer)";
  return question.kind === "rating" ? `${answer} / 5` : String(answer);
}

function answerSections(questions: ReviewQuestion[], answers: ReviewAnswers): KnownBlock[] {
  return questions.map((question) =>
    section(`*${escapeMrkdwn(question.label)}*\n${quote(truncate(answerText(question, answers[question.id]), 2500))}`),
  );
}

export function readReviewModal(review: ReadableReview): ModalView {
  const heading =
    review.kind === "manager"
      ? `${review.authorName}'s review of ${review.subjectName}`
      : `${review.subjectName}'s self-review`;
  return {
    type: "modal",
    title: plain(review.kind === "manager" ? "Your review" : "Self-review", 24),
    close: plain("Close", 24),
    blocks: [
      section(`*${escapeMrkdwn(heading)}* · ${escapeMrkdwn(review.cycleName)}`),
      context(":lock: Only you can see this."),
      ...answerSections(review.questions, review.answers),
    ],
  };
}

export function readReviewFormMetadata(raw: string): ReviewFormMetadata | null {
  try {
    const parsed = JSON.parse(raw) as { reviewId?: unknown };
    return typeof parsed.reviewId === "string" && parsed.reviewId.length <= 64 ? { reviewId: parsed.reviewId } : null;
  } catch {
    return null;
  }
}
