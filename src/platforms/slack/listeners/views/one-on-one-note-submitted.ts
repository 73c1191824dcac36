// The private 1:1 note modal was submitted. The note is stored before the acknowledgement when that fits in the
// interaction budget, so a refusal (not this report's manager any more, an outage) shows inline and the text stays
// in the modal; past the budget the modal closes and the outcome arrives as a DM. The same view submitted twice
// (a double click, a retried request) stores one note.
import { escapeUserMessage } from "../../views/text.ts";
import type { App } from "@slack/bolt";
import { addOneOnOneNote, type AddOneOnOneNoteResult } from "../../../../domain/one-on-ones/add-one-on-one-note.ts";
import { AddOneOnOneNoteInput } from "../../../../domain/one-on-ones/one-on-one.schemas.ts";
import { userMessageFor } from "../../../../shared/errors.ts";
import { logError, logWarning } from "../../../../shared/log-error.ts";
import { identifyActor } from "../../slack-people.ts";
import {
  ONE_ON_ONE_NOTE_BLOCK,
  ONE_ON_ONE_NOTE_CALLBACK,
  ONE_ON_ONE_NOTE_INPUT,
  oneOnOneNoteSavedMessage,
} from "../../views/one-on-one-messages.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { ViewSubmissionPayload } from "../payloads.ts";
import { within } from "../within-budget.ts";

type Outcome = { ok: true; result: AddOneOnOneNoteResult | null } | { ok: false; error: unknown };

export function registerOneOnOneNoteSubmission(app: App, deps: SlackListenerDeps): void {
  app.view(ONE_ON_ONE_NOTE_CALLBACK, async ({ ack, body }) => {
    const payload = ViewSubmissionPayload.safeParse(body);
    if (!payload.success) {
      await ack({
        response_action: "errors",
        errors: { [ONE_ON_ONE_NOTE_BLOCK]: "Slack sent a form Momentum couldn't read. Please try again." },
      });
      return;
    }
    const text = payload.data.view.state.values[ONE_ON_ONE_NOTE_BLOCK]?.[ONE_ON_ONE_NOTE_INPUT]?.value ?? "";
    const textCheck = AddOneOnOneNoteInput.shape.text.safeParse(text);
    const reportId = readReportId(payload.data.view.private_metadata);
    if (!textCheck.success || !reportId) {
      const message = !textCheck.success
        ? textCheck.error.issues[0].message
        : "This note isn't attached to anyone. Open it again from the 1:1 agenda.";
      await ack({ response_action: "errors", errors: { [ONE_ON_ONE_NOTE_BLOCK]: message } });
      return;
    }
    const teamId = payload.data.team?.id ?? payload.data.user.team_id ?? "";
    const userId = payload.data.user.id;
    const outcome: Promise<Outcome> = deps.inFlight.track(
      save(deps, { teamId, userId, viewId: payload.data.view.id, reportId, text: textCheck.data }).then(
        (result): Outcome => ({ ok: true, result }),
        (error: unknown): Outcome => ({ ok: false, error }),
      ),
    );
    const early = await within(outcome, deps.interactionBudgetMs);
    if (early && !early.ok) {
      logUnexpected(deps, early.error);
      await ack({ response_action: "errors", errors: { [ONE_ON_ONE_NOTE_BLOCK]: userMessageFor(early.error) } });
      return;
    }
    await ack();
    await deps.inFlight.track(tellManager(deps, userId, early ?? (await outcome)));
  });
}

/** The view id is the request key: the same view submitted again stores nothing more (and answers null). */
async function save(
  deps: SlackListenerDeps,
  request: { teamId: string; userId: string; viewId: string; reportId: string; text: string },
): Promise<AddOneOnOneNoteResult | null> {
  const manager = await identifyActor(deps.domain, deps.directory, request.teamId, request.userId);
  return addOneOnOneNote(deps.domain, {
    managerId: manager.id,
    reportId: request.reportId,
    text: request.text,
    requestKey: `slack:one-on-one-note-view:${request.teamId}:${request.viewId}`,
  });
}

async function tellManager(deps: SlackListenerDeps, userId: string, outcome: Outcome): Promise<void> {
  if (outcome.ok && outcome.result === null) return; // the first copy confirms
  if (!outcome.ok) logUnexpected(deps, outcome.error);
  const message =
    outcome.ok && outcome.result
      ? oneOnOneNoteSavedMessage(outcome.result)
      : { text: escapeUserMessage(userMessageFor(outcome.ok ? undefined : outcome.error)), blocks: [] };
  try {
    await deps.client.chat.postMessage({
      channel: userId,
      text: message.text,
      ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}),
    });
  } catch (error) {
    logWarning(deps.logger, error, "could not confirm a 1:1 note to its manager");
  }
}

function readReportId(raw: string): string | null {
  try {
    const parsed = JSON.parse(raw) as { reportId?: unknown };
    return typeof parsed.reportId === "string" && parsed.reportId.length > 0 && parsed.reportId.length <= 100
      ? parsed.reportId
      : null;
  } catch {
    return null;
  }
}

function logUnexpected(deps: SlackListenerDeps, error: unknown): void {
  logError(deps.logger, error, "1:1 note submission failed");
}
