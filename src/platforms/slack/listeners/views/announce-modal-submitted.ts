// The announce modal was submitted. The text and channel count are checked first (the domain's own schema), so a
// problem shows next to its field with everything kept. Within the interaction budget the rest runs before the
// acknowledgement: a refusal shows inline, and a channel Momentum can't post in brings the modal back with a
// warning naming it; past the budget the modal closes and the outcome arrives as a DM. The view id is the request
// key, so the same view submitted twice creates one announcement and one post per channel.
import type { App } from "@slack/bolt";
import { CreateAnnouncementInput } from "../../../../domain/announcements/announcement.schemas.ts";
import {
  createAnnouncement,
  type CreateAnnouncementResult,
} from "../../../../domain/announcements/create-announcement.ts";
import { requireRole } from "../../../../domain/people/person.ts";
import { userMessageFor } from "../../../../shared/errors.ts";
import { logError, logWarning } from "../../../../shared/log-error.ts";
import { identifyActor } from "../../slack-people.ts";
import {
  ANNOUNCE_BLOCKS,
  ANNOUNCE_MODAL_CALLBACK,
  announceModal,
  readAnnounceModalMetadata,
  type AnnounceModalMetadata,
  type ChannelProblem,
} from "../../views/announce-modal.ts";
import { announcementBlockedMessage, announcementQueuedMessage } from "../../views/announce-replies.ts";
import { escapeUserMessage, sentenceCase, type SlackMessage } from "../../views/text.ts";
import { findChannelProblems } from "../announce-channel-access.ts";
import { AnnounceViewSubmission, readAnnounceForm, type AnnounceFormInput } from "../announce-payloads.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { within } from "../within-budget.ts";

type Result = { kind: "created"; result: CreateAnnouncementResult } | { kind: "blocked"; problems: ChannelProblem[] };
type Outcome = { ok: true; value: Result } | { ok: false; error: unknown };

interface PostRequest {
  teamId: string;
  userId: string;
  viewId: string;
  form: AnnounceFormInput;
  metadata: AnnounceModalMetadata;
}

export function registerAnnounceModalSubmission(app: App, deps: SlackListenerDeps): void {
  app.view(ANNOUNCE_MODAL_CALLBACK, async ({ ack, body }) => {
    const payload = AnnounceViewSubmission.safeParse(body);
    if (!payload.success) {
      await ack({
        response_action: "errors",
        errors: { [ANNOUNCE_BLOCKS.text]: "Slack sent a form Momentum couldn't read. Please try again." },
      });
      return;
    }
    const form = readAnnounceForm(payload.data);
    const fieldErrors = formErrors(form);
    if (fieldErrors) {
      await ack({ response_action: "errors", errors: fieldErrors });
      return;
    }
    const request: PostRequest = {
      teamId: payload.data.team?.id ?? payload.data.user.team_id ?? "",
      userId: payload.data.user.id,
      viewId: payload.data.view.id,
      form,
      metadata: readAnnounceModalMetadata(payload.data.view.private_metadata),
    };
    const outcome: Promise<Outcome> = deps.inFlight.track(
      post(deps, request).then(
        (value): Outcome => ({ ok: true, value }),
        (error: unknown): Outcome => ({ ok: false, error }),
      ),
    );
    const early = await within(outcome, deps.interactionBudgetMs);
    if (early && !early.ok) {
      logError(deps.logger, early.error, "announce modal submission failed");
      await ack({
        response_action: "errors",
        errors: { [ANNOUNCE_BLOCKS.channels]: sentenceCase(userMessageFor(early.error)) },
      });
      return;
    }
    if (early?.ok && early.value.kind === "blocked") {
      await ack({
        response_action: "update",
        view: announceModal({ values: form, metadata: request.metadata, problems: early.value.problems }),
      });
      return;
    }
    await ack();
    await deps.inFlight.track(tellAuthor(deps, request.userId, early ?? (await outcome)));
  });
}

/** The domain's own messages for the text and the number of channels, keyed by block. */
function formErrors(form: AnnounceFormInput): Record<string, string> | null {
  const errors: Record<string, string> = {};
  const text = CreateAnnouncementInput.shape.text.safeParse(form.text);
  if (!text.success) errors[ANNOUNCE_BLOCKS.text] = text.error.issues[0]?.message ?? "Please check the message.";
  const targets = CreateAnnouncementInput.shape.targets.safeParse(
    form.channels.map((channel) => ({ platform: "slack", channel })),
  );
  if (!targets.success)
    errors[ANNOUNCE_BLOCKS.channels] = targets.error.issues[0]?.message ?? "Please check the channels.";
  return Object.keys(errors).length > 0 ? errors : null;
}

async function post(deps: SlackListenerDeps, request: PostRequest): Promise<Result> {
  const author = await identifyActor(deps.domain, deps.directory, request.teamId, request.userId);
  // Refused before any channel is looked up: someone without the role learns nothing about the channels.
  requireRole(author, "hr", "send announcements");
  const problems = await findChannelProblems(deps.client, request.form.channels);
  if (problems.length > 0) return { kind: "blocked", problems };
  const result = await createAnnouncement(deps.domain, {
    authorId: author.id,
    text: request.form.text,
    targets: request.form.channels.map((channel) => ({
      platform: "slack" as const,
      channel,
      ...(request.teamId ? { teamId: request.teamId } : {}),
    })),
    withAck: request.form.withAck,
    requestKey: `slack:announce-view:${request.teamId}:${request.viewId}`,
    cycleId: request.metadata.cycleId,
  });
  if (!result.duplicate) deps.kickDeliveries();
  return { kind: "created", result };
}

async function tellAuthor(deps: SlackListenerDeps, userId: string, outcome: Outcome): Promise<void> {
  if (outcome.ok && outcome.value.kind === "created" && outcome.value.result.duplicate) return; // the first copy told them
  if (!outcome.ok) logError(deps.logger, outcome.error, "announce modal submission failed");
  const message: SlackMessage = !outcome.ok
    ? {
        text: `${escapeUserMessage(sentenceCase(userMessageFor(outcome.error)))} Type /announce to try again.`,
        blocks: [],
      }
    : outcome.value.kind === "blocked"
      ? announcementBlockedMessage(outcome.value.problems)
      : announcementQueuedMessage(outcome.value.result);
  try {
    await deps.client.chat.postMessage({
      channel: userId,
      text: message.text,
      ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}),
    });
  } catch (error) {
    logWarning(deps.logger, error, "could not tell the author how their announcement went");
  }
}
