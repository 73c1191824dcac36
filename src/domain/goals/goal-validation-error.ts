import { AppError } from "../../shared/errors.ts";
import type { GoalField } from "./goal.schemas.ts";

/**
 * A goal form with one or more problems. `fieldErrors` maps each field to a message a modal or dialog shows right
 * next to it (Slack `response_action: "errors"`, a Teams dialog re-rendered with the values kept). Refusals that
 * belong to one field (a level the person may not use, a parent that is done) are reported the same way. Nothing
 * was stored.
 */
export class GoalValidationError extends AppError {
  constructor(
    readonly fieldErrors: Partial<Record<GoalField, string>>,
    code: "VALIDATION" | "FORBIDDEN" | "NOT_FOUND" = "VALIDATION",
  ) {
    const messages = Object.values(fieldErrors);
    // A single refusal reads best as itself ("Sorry, only HR can create company goals.").
    super(
      code,
      messages.length === 1 ? messages[0]! : "Please fix the highlighted fields and submit again.",
      `invalid goal fields: ${Object.keys(fieldErrors).join(", ")}`,
    );
    this.name = "GoalValidationError";
  }
}

/** Every problem at once, keyed by field, from a zod result's issues. */
export function fieldErrorsOf(
  issues: { path: PropertyKey[]; message: string }[],
  fields: readonly GoalField[],
): Partial<Record<GoalField, string>> {
  const errors: Partial<Record<GoalField, string>> = {};
  for (const issue of issues) {
    const field = issue.path[0] as GoalField;
    if (fields.includes(field) && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}
