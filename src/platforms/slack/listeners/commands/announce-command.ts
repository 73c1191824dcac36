// `/announce` (HR): opens the announcement modal; `/announce status [id]` shows who has acknowledged the latest (or
// that) announcement, with the "Send a reminder to N people" button. Everything answers the person who typed it only.
import type { App, RespondFn } from "@slack/bolt";
import { announcementStatus } from "../../../../domain/announcements/announcement-status.ts";
import { requireRole } from "../../../../domain/people/person.ts";
import { AppError } from "../../../../shared/errors.ts";
import { identifyActor } from "../../slack-people.ts";
import { announceModal, type AnnounceModalMetadata, type AnnounceModalValues } from "../../views/announce-modal.ts";
import { announceHelpMessage, announcementStatusMessage } from "../../views/announce-replies.ts";
import { slackErrorCode } from "../../web-client.ts";
import { ephemeralReply, replyWithError } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { SlashCommandPayload } from "../payloads.ts";

export const ANNOUNCE_COMMAND = "/announce";

export function registerAnnounceCommand(app: App, deps: SlackListenerDeps): void {
  app.command(ANNOUNCE_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    await deps.inFlight.track(handleAnnounceCommand(deps, command, respond));
  });
}

async function handleAnnounceCommand(deps: SlackListenerDeps, raw: unknown, respond: RespondFn): Promise<void> {
  const reply = ephemeralReply(respond);
  try {
    const parsed = SlashCommandPayload.safeParse(raw);
    if (!parsed.success)
      throw new AppError("VALIDATION", "Slack sent a command Momentum couldn't read. Please try again.");
    const command = parsed.data;
    const [verb = "", id, ...extra] = command.text.trim().split(/\s+/).filter(Boolean);
    if (verb === "") {
      await openAnnounceModal(deps, {
        teamId: command.team_id,
        userId: command.user_id,
        triggerId: command.trigger_id,
      });
      return;
    }
    if (verb.toLowerCase() === "status" && extra.length === 0) {
      const person = await identifyActor(deps.domain, deps.directory, command.team_id, command.user_id);
      const status = await announcementStatus(deps.domain, { actorId: person.id, announcementId: id ?? null });
      await reply(announcementStatusMessage(status, person.timeZone));
      return;
    }
    await reply(
      announceHelpMessage(
        verb.toLowerCase() === "help" ? undefined : `I didn't understand "${command.text.trim().slice(0, 60)}".`,
      ),
    );
  } catch (error) {
    await replyWithError(reply, deps.logger, error, "/announce");
  }
}

export interface OpenAnnounceModalRequest {
  teamId: string;
  userId: string;
  triggerId: string;
  values?: AnnounceModalValues;
  metadata?: AnnounceModalMetadata;
}

/** HR only: anyone else is told so and no modal opens. Also used by a review-cycle launch's "Announce this cycle". */
export async function openAnnounceModal(deps: SlackListenerDeps, request: OpenAnnounceModalRequest): Promise<void> {
  const person = await identifyActor(deps.domain, deps.directory, request.teamId, request.userId);
  requireRole(person, "hr", "send announcements");
  try {
    await deps.client.views.open({
      trigger_id: request.triggerId,
      view: announceModal({ values: request.values, metadata: request.metadata }),
    });
  } catch (error) {
    if (slackErrorCode(error) === "expired_trigger_id") {
      throw new AppError(
        "UNAVAILABLE",
        "Slack took too long to open the announcement form. Please try again.",
        "views.open: expired_trigger_id",
      );
    }
    throw error;
  }
}
