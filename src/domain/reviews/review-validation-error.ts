import { AppError } from "../../shared/errors.ts";

/**
 * A review with one or more unanswered or invalid questions. `fieldErrors` maps each question id to a message the
 * modal or dialog shows next to that question; nothing was stored.
 */
export class ReviewValidationError extends AppError {
  constructor(readonly fieldErrors: Record<string, string>) {
    const count = Object.keys(fieldErrors).length;
    super(
      "VALIDATION",
      `Please answer ${count === 1 ? "the highlighted question" : `the ${count} highlighted questions`} before submitting.`,
      `invalid review answers: ${Object.keys(fieldErrors).join(", ")}`,
    );
    this.name = "ReviewValidationError";
  }
}
