// Reads a submitted check-in modal. Validation is the domain's own (validateCheckInAnswers), run before anything is
// stored; each field's message is keyed by its block id, so Slack shows it next to the field and keeps every answer.
import type { CheckInAnswers, CheckInField } from "../../../../domain/check-ins/check-in.schemas.ts";
import { CheckInValidationError } from "../../../../domain/check-ins/check-in-validation-error.ts";
import { validateCheckInAnswers } from "../../../../domain/check-ins/submit-check-in.ts";
import { userMessageFor } from "../../../../shared/errors.ts";
import { sentenceCase } from "../../views/text.ts";
import {
  CHECKIN_ACTIONS,
  CHECKIN_BLOCKS,
  readCheckInModalMetadata,
  type CheckInModalMetadata,
} from "../../views/checkin-modal.ts";
import type { ViewSubmissionPayload } from "../payloads.ts";
import { readCheckInGoalValues, type CheckInGoalChange } from "../../../../domain/goals/check-in-goals.ts";
import { checkInGoalEntries, checkInGoalErrorsByBlock } from "../../views/goal-checkin-blocks.ts";

export type ParsedCheckInSubmission =
  | { ok: true; answers: CheckInAnswers; metadata: CheckInModalMetadata | null; goalChanges: CheckInGoalChange[] }
  | { ok: false; errors: Record<string, string> };

export function parseCheckInSubmission(payload: ViewSubmissionPayload): ParsedCheckInSubmission {
  const values = payload.view.state.values;
  const field = (name: CheckInField) => values[CHECKIN_BLOCKS[name]]?.[CHECKIN_ACTIONS[name]];
  const input = {
    mood: field("mood")?.selected_option?.value ?? undefined,
    progress: field("progress")?.value ?? undefined,
    plans: field("plans")?.value ?? undefined,
    blockers: field("blockers")?.value ?? null,
    forManager: field("forManager")?.value ?? null,
  };
  const metadata = readCheckInModalMetadata(payload.view.private_metadata);
  // Goal values are checked with the answers, so every problem shows at once and nothing is stored until all are fine.
  const goals = readCheckInGoalValues(checkInGoalEntries(values, metadata?.goals ?? {}));
  let answers: CheckInAnswers | undefined;
  let errors: Record<string, string> = {};
  try {
    answers = validateCheckInAnswers(input);
  } catch (error) {
    errors = checkInErrorsByBlock(error);
  }
  if (!goals.ok) errors = { ...errors, ...checkInGoalErrorsByBlock(goals.errors) };
  if (!answers || !goals.ok) return { ok: false, errors };
  return { ok: true, answers, metadata, goalChanges: goals.changes };
}

/** Inline errors for `response_action: "errors"`: per field for bad answers, else the refusal on the first field. */
export function checkInErrorsByBlock(error: unknown): Record<string, string> {
  if (!(error instanceof CheckInValidationError)) return { [CHECKIN_BLOCKS.mood]: sentenceCase(userMessageFor(error)) };
  const errors: Record<string, string> = {};
  for (const [name, message] of Object.entries(error.fieldErrors) as [CheckInField, string][])
    errors[CHECKIN_BLOCKS[name]] = message;
  return errors;
}
