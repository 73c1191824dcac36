import { AppError } from "../../shared/errors.ts";
import type { CheckInField } from "./check-in.schemas.ts";

/**
 * A check-in with one or more invalid fields. `fieldErrors` maps each bad field to a message a modal or dialog shows
 * inline (Slack `response_action: "errors"`, a Teams dialog re-rendered with the answers kept); nothing was stored.
 */
export class CheckInValidationError extends AppError {
  constructor(readonly fieldErrors: Partial<Record<CheckInField, string>>) {
    const fields = Object.keys(fieldErrors);
    super(
      "VALIDATION",
      `Please fix ${fields.length === 1 ? "the highlighted field" : "the highlighted fields"} and submit again.`,
      `invalid check-in fields: ${fields.join(", ")}`,
    );
    this.name = "CheckInValidationError";
  }
}
