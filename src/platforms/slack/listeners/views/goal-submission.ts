// Shared by the goal create and update modals. The fields are checked by the domain's own validators before
// anything is stored; within the interaction budget the whole use case runs before the acknowledgement, so a
// refusal (a level the person may not use, a parent that is done) shows inline next to its field with everything
// typed kept. Past the budget the modal closes and the outcome arrives as a DM. The view id is the request key the
// use case checks in its transaction: the same view submitted twice (a double click, a retried request) is saved
// and confirmed once, and a failed attempt leaves no mark.
import { escapeUserMessage } from "../../views/text.ts";
import type { SlackViewMiddlewareArgs } from "@slack/bolt";
import { GoalValidationError } from "../../../../domain/goals/goal-validation-error.ts";
import type { GoalField } from "../../../../domain/goals/goal.schemas.ts";
import type { PersonRecord } from "../../../../domain/people/person.ts";
import { userMessageFor } from "../../../../shared/errors.ts";
import { logError, logWarning } from "../../../../shared/log-error.ts";
import { identifyActor } from "../../slack-people.ts";
import { GOAL_ACTION, GOAL_BLOCKS } from "../../views/goal-modals.ts";
import type { SlackMessage } from "../../views/text.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import type { ViewSubmissionPayload } from "../payloads.ts";
import { within } from "../within-budget.ts";

type ViewState = ViewSubmissionPayload["view"]["state"]["values"];

/** One field's submitted state, whatever the element (text, number, select, radio, date). */
export function fieldValue(values: ViewState, field: GoalField): string | undefined {
  const state = values[GOAL_BLOCKS[field]]?.[GOAL_ACTION];
  if (!state) return undefined;
  return state.selected_option?.value ?? state.selected_date ?? state.value ?? undefined;
}

/**
 * Inline errors for `response_action: "errors"`, keyed by block id. A message for a field the modal doesn't show
 * (the level, for someone who has no choice of level) goes on `fallback`, which is always shown.
 */
export function goalErrorsByBlock(error: unknown, values: ViewState, fallback: GoalField): Record<string, string> {
  const fieldErrors: Partial<Record<GoalField, string>> =
    error instanceof GoalValidationError ? error.fieldErrors : { [fallback]: userMessageFor(error) };
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors) as [GoalField, string][]) {
    const block = GOAL_BLOCKS[field] in values ? GOAL_BLOCKS[field] : GOAL_BLOCKS[fallback];
    errors[block] = errors[block] ? `${errors[block]} ${message}` : message;
  }
  return errors;
}

type Outcome<T> = { ok: true; result: T | null } | { ok: false; error: unknown };

export interface GoalSubmission<T> {
  payload: ViewSubmissionPayload;
  /** Names the submission in its request key and in logs ("goal-create"). */
  what: string;
  /** The field that carries refusals not tied to one field. */
  fallback: GoalField;
  /** Checks the fields before anything is stored (throws GoalValidationError). */
  validate: () => void;
  /** The use case, given the request key: null when the same view was already handled (a retried copy). */
  work: (person: PersonRecord, requestKey: string) => Promise<T | null>;
  confirm: (result: T) => SlackMessage;
}

export async function runGoalSubmission<T>(
  deps: SlackListenerDeps,
  ack: SlackViewMiddlewareArgs["ack"],
  submission: GoalSubmission<T>,
): Promise<void> {
  const { payload } = submission;
  const values = payload.view.state.values;
  try {
    submission.validate();
  } catch (error) {
    await ack({ response_action: "errors", errors: goalErrorsByBlock(error, values, submission.fallback) });
    return;
  }
  const teamId = payload.team?.id ?? payload.user.team_id ?? "";
  const outcome: Promise<Outcome<T>> = deps.inFlight.track(
    identifyActor(deps.domain, deps.directory, teamId, payload.user.id)
      .then((person) => submission.work(person, `slack:${submission.what}-view:${teamId}:${payload.view.id}`))
      .then(
        (result): Outcome<T> => ({ ok: true, result }),
        (error: unknown): Outcome<T> => ({ ok: false, error }),
      ),
  );
  const early = await within(outcome, deps.interactionBudgetMs);
  if (early && !early.ok) {
    logUnexpected(deps, early.error, submission.what);
    await ack({ response_action: "errors", errors: goalErrorsByBlock(early.error, values, submission.fallback) });
    return;
  }
  await ack();
  await deps.inFlight.track(tellPerson(deps, payload.user.id, early ?? (await outcome), submission));
}

async function tellPerson<T>(
  deps: SlackListenerDeps,
  userId: string,
  settled: Outcome<T>,
  submission: GoalSubmission<T>,
): Promise<void> {
  if (settled.ok && settled.result === null) return; // the first copy confirms
  if (!settled.ok) logUnexpected(deps, settled.error, submission.what);
  const message: SlackMessage = settled.ok
    ? submission.confirm(settled.result as T)
    : { text: `${escapeUserMessage(userMessageFor(settled.error))} Type /goal to try again.`, blocks: [] };
  try {
    // Posting to a user id lands in the app's DM with them.
    await deps.client.chat.postMessage({
      channel: userId,
      text: message.text,
      ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}),
    });
  } catch (error) {
    logWarning(deps.logger, error, `could not confirm a ${submission.what} to its author`);
  }
}

function logUnexpected(deps: SlackListenerDeps, error: unknown, what: string): void {
  logError(deps.logger, error, `${what} modal submission failed`);
}
