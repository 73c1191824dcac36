// Reading answers as a form sends them (ratings as "4" or 4, texts possibly empty) against a cycle's questions. A
// draft may leave anything blank; a submission must answer everything. Unknown keys are dropped, never stored.
import { isStorableText, UNSTORABLE_TEXT } from "../text.schemas.ts";
import { REVIEW_TEXT_MAX, type ReviewAnswers, type ReviewQuestion } from "./review.schemas.ts";
import { ReviewValidationError } from "./review-validation-error.ts";

export function readReviewAnswers(questions: ReviewQuestion[], input: unknown, mode: "draft" | "final"): ReviewAnswers {
  const raw = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
  const answers: ReviewAnswers = {};
  const errors: Record<string, string> = {};
  for (const question of questions) {
    const value = raw[question.id];
    const blank = value === undefined || value === null || (typeof value === "string" && value.trim() === "");
    if (blank) {
      if (mode === "final")
        errors[question.id] =
          question.kind === "rating" ? "Pick a rating from 1 to 5." : "Please answer this question.";
      continue;
    }
    if (question.kind === "rating") {
      const rating = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : Number.NaN;
      if (Number.isInteger(rating) && rating >= 1 && rating <= 5) answers[question.id] = rating;
      else errors[question.id] = "Pick a rating from 1 to 5.";
      continue;
    }
    if (typeof value !== "string") {
      errors[question.id] = "Please answer this question in words.";
      continue;
    }
    const text = value.trim().normalize("NFC");
    if (!isStorableText(text)) errors[question.id] = UNSTORABLE_TEXT;
    else if (text.length > REVIEW_TEXT_MAX)
      errors[question.id] = `Please keep this under ${REVIEW_TEXT_MAX} characters.`;
    else answers[question.id] = text;
  }
  if (Object.keys(errors).length > 0) throw new ReviewValidationError(errors);
  return answers;
}

/** Answers as stored (JSON), keeping only well-formed values. */
export function storedAnswers(value: unknown): ReviewAnswers {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const answers: ReviewAnswers = {};
  for (const [key, answer] of Object.entries(value as Record<string, unknown>)) {
    if (typeof answer === "number" || typeof answer === "string") answers[key] = answer;
  }
  return answers;
}

/** Questions as stored (JSON); a malformed row yields no questions rather than a crash. */
export function storedQuestions(value: unknown): ReviewQuestion[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (question): question is ReviewQuestion =>
      typeof question?.id === "string" &&
      (question.kind === "rating" || question.kind === "text") &&
      typeof question.label === "string",
  );
}
