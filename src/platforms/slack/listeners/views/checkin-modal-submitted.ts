// The check-in modal was submitted. Bad answers are refused inline before anything is stored, so every typed
// answer stays in the modal. Within the interaction budget the save runs before the acknowledgement, so a refusal
// (a deactivated account, a database outage) also shows inline; past it the modal closes and the outcome arrives
// as a DM. The same view submitted twice (a double click, a retried request) is saved and confirmed once.
import type { App } from "@slack/bolt";
import { CheckInValidationError } from "../../../../domain/check-ins/check-in-validation-error.ts";
import { submitCheckIn, type SubmitCheckInResult } from "../../../../domain/check-ins/submit-check-in.ts";
import type { CheckInAnswers } from "../../../../domain/check-ins/check-in.schemas.ts";
import { userMessageFor } from "../../../../shared/errors.ts";
import { logError, logWarning } from "../../../../shared/log-error.ts";
import { identifyActor } from "../../slack-people.ts";
import { CHECKIN_BLOCKS, CHECKIN_MODAL_CALLBACK, type CheckInModalMetadata } from "../../views/checkin-modal.ts";
import { checkInSavedMessage } from "../../views/checkin-replies.ts";
import { escapeUserMessage, sentenceCase, type SlackMessage } from "../../views/text.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { ViewSubmissionPayload } from "../payloads.ts";
import type { CheckInGoalChange } from "../../../../domain/goals/check-in-goals.ts";
import { goalsSavedNote } from "../../views/goal-checkin-blocks.ts";
import { within } from "../within-budget.ts";
import { checkInErrorsByBlock, parseCheckInSubmission } from "./checkin-submission.ts";

type Outcome = { ok: true; saved: SubmitCheckInResult } | { ok: false; error: unknown };

interface SaveRequest {
  teamId: string;
  userId: string;
  viewId: string;
  answers: CheckInAnswers;
  goalChanges: CheckInGoalChange[];
}

export function registerCheckInModalSubmission(app: App, deps: SlackListenerDeps): void {
  app.view(CHECKIN_MODAL_CALLBACK, async ({ ack, body }) => {
    const payload = ViewSubmissionPayload.safeParse(body);
    if (!payload.success) {
      await ack({
        response_action: "errors",
        errors: { [CHECKIN_BLOCKS.mood]: "Slack sent a form Momentum couldn't read. Please try again." },
      });
      return;
    }
    const parsed = parseCheckInSubmission(payload.data);
    if (!parsed.ok) {
      await ack({ response_action: "errors", errors: parsed.errors });
      return;
    }
    const userId = payload.data.user.id;
    const request: SaveRequest = {
      teamId: payload.data.team?.id ?? payload.data.user.team_id ?? "",
      userId,
      viewId: payload.data.view.id,
      answers: parsed.answers,
      goalChanges: parsed.goalChanges,
    };
    const outcome: Promise<Outcome> = deps.inFlight.track(
      save(deps, request).then(
        (saved): Outcome => ({ ok: true, saved }),
        (error: unknown): Outcome => ({ ok: false, error }),
      ),
    );
    const early = await within(outcome, deps.interactionBudgetMs);
    if (early && !early.ok) {
      logUnexpected(deps, early.error);
      await ack({ response_action: "errors", errors: checkInErrorsByBlock(early.error) });
      return;
    }
    await ack();
    await deps.inFlight.track(tellPerson(deps, userId, early ?? (await outcome), parsed.metadata));
  });
}

/** The view id is the request key: the same view submitted again is one request, a newly opened modal a new one. */
async function save(deps: SlackListenerDeps, request: SaveRequest): Promise<SubmitCheckInResult> {
  const person = await identifyActor(deps.domain, deps.directory, request.teamId, request.userId);
  return submitCheckIn(deps.domain, {
    personId: person.id,
    answers: request.answers,
    goalChanges: request.goalChanges,
    requestKey: `slack:checkin-view:${request.teamId}:${request.viewId}`,
  });
}

async function tellPerson(
  deps: SlackListenerDeps,
  userId: string,
  outcome: Outcome,
  metadata: CheckInModalMetadata | null,
): Promise<void> {
  if (outcome.ok && outcome.saved.duplicate) return; // the first copy confirms
  if (!outcome.ok) logUnexpected(deps, outcome.error);
  const message: SlackMessage = outcome.ok ? savedMessage(outcome.saved, metadata) : failureMessage(outcome);
  try {
    // Posting to a user id lands in the app's DM with them.
    await deps.client.chat.postMessage({
      channel: userId,
      text: message.text,
      ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}),
    });
  } catch (error) {
    logWarning(deps.logger, error, "could not confirm a check-in to its author");
  }
}

function savedMessage(result: SubmitCheckInResult, metadata: CheckInModalMetadata | null): SlackMessage {
  const message = checkInSavedMessage({
    created: result.created,
    deadlineLabel: result.deadlineLabel,
    movedToNewPeriod: metadata !== null && metadata.periodKey !== result.periodKey,
  });
  const note = goalsSavedNote(result.goals);
  return note ? { text: message.text, blocks: [...message.blocks, note] } : message;
}

function failureMessage(outcome: Outcome): SlackMessage {
  const error = outcome.ok ? undefined : outcome.error;
  const reason =
    error instanceof CheckInValidationError
      ? `Your check-in couldn't be saved. ${Object.values(error.fieldErrors).join(" ")}`
      : sentenceCase(userMessageFor(error));
  return { text: `${escapeUserMessage(reason)} Type /checkin to try again.`, blocks: [] };
}

function logUnexpected(deps: SlackListenerDeps, error: unknown): void {
  logError(deps.logger, error, "check-in modal submission failed");
}
