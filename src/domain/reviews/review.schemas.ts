// Review cycles: who takes part, when each step is due, and the questions. Questions are edited as text, one per
// line, so the same words work in a Slack modal, a Teams dialog and a terminal; "[1-5]" in front makes a rating.
import { z } from "zod";
import { freeText } from "../text.schemas.ts";

export const REVIEW_TEXT_MAX = 3000;
export const REVIEW_QUESTION_MAX = 200;
/** A Slack modal holds 100 blocks; a manager's form shows each question with the self-review's answer beside it. */
export const REVIEW_QUESTIONS_MAX = 25;
export const RATING_PREFIX = "[1-5]";

export const ParticipantsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("everyone") }),
  z.object({
    kind: z.literal("organisation"),
    managerId: z
      .string({ error: "Pick the manager whose organisation takes part." })
      .min(1, "Pick the manager whose organisation takes part."),
  }),
  z.object({
    kind: z.literal("people"),
    personIds: z
      .array(z.string().min(1))
      .min(1, "Pick at least one person to take part.")
      .max(10_000, "That's more people than one cycle can hold."),
  }),
]);
export type Participants = z.infer<typeof ParticipantsSchema>;

export type QuestionKind = "rating" | "text";
export interface ReviewQuestion {
  /** Stable within a cycle: answers are stored under it ("q1", "q2", …). */
  id: string;
  kind: QuestionKind;
  label: string;
}

const QuestionSchema = z.object({
  id: z.string().regex(/^q\d{1,3}$/),
  kind: z.enum(["rating", "text"]),
  label: freeText(
    z
      .string()
      .trim()
      .min(1)
      .max(REVIEW_QUESTION_MAX, `Please keep each question under ${REVIEW_QUESTION_MAX} characters.`),
  ),
});
export const QuestionsSchema = z
  .array(QuestionSchema)
  .min(1, "Ask at least one question.")
  .max(REVIEW_QUESTIONS_MAX, `A review can ask at most ${REVIEW_QUESTIONS_MAX} questions.`);

export const IsoDateSchema = (what: string) =>
  z
    .string({ error: `Pick the ${what}.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Pick the ${what}.`)
    .refine(
      (value) =>
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      `Pick the ${what}.`,
    );

export const CreateReviewCycleSchema = z.object({
  actorId: z.string().min(1),
  name: freeText(
    z.string().trim().min(1, "Give the cycle a name.").max(80, "Please keep the name under 80 characters."),
    "Give the cycle a name.",
  ),
  participants: ParticipantsSchema,
  selfDueDate: IsoDateSchema("self-review due date"),
  managerDueDate: IsoDateSchema("manager-review due date"),
  questions: QuestionsSchema.optional(),
});
export type CreateReviewCycleInput = z.input<typeof CreateReviewCycleSchema>;

/** The default template: ratings on goals and on each company value, then two open questions. */
export function defaultReviewQuestions(values: string[]): ReviewQuestion[] {
  const labels: [QuestionKind, string][] = [
    ["rating", "Goals: how well were the goals of this period met?"],
    ...values.map((value): [QuestionKind, string] => ["rating", `Living our value: ${value}`]),
    ["text", "Achievements: what are you most proud of this period?"],
    ["text", "Growth areas: where would you like to grow next?"],
  ];
  return labels.slice(0, REVIEW_QUESTIONS_MAX).map(([kind, label], index) => ({ id: `q${index + 1}`, kind, label }));
}

/** The questions as editable text, one per line (what the create form is prefilled with). */
export function questionsToText(questions: ReviewQuestion[]): string {
  return questions
    .map((question) => (question.kind === "rating" ? `${RATING_PREFIX} ${question.label}` : question.label))
    .join("\n");
}

/** Parses the edited text back into questions; throws a friendly VALIDATION-ready message via zod. */
export function questionsFromText(text: string): ReviewQuestion[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return lines.map((line, index) => {
    const rating = line.startsWith(RATING_PREFIX);
    return {
      id: `q${index + 1}`,
      kind: rating ? "rating" : "text",
      label: rating ? line.slice(RATING_PREFIX.length).trim() : line,
    };
  });
}

/** Stored answers: a rating 1–5 or a text, by question id. */
export type ReviewAnswers = Record<string, number | string>;

export const ReviewIdSchema = z
  .string({ error: "That review couldn't be found." })
  .min(1, "That review couldn't be found.")
  .max(64);
export const CycleIdSchema = z
  .string({ error: "That review cycle couldn't be found." })
  .min(1, "That review cycle couldn't be found.")
  .max(200);
