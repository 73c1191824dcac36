// "Acknowledge" on an announcement post or its follow-up DM: records the click (once, however often it is clicked)
// and thanks the person where only they see it.
import type { App, BlockButtonAction } from "@slack/bolt";
import { acknowledgeAnnouncement } from "../../../../domain/announcements/acknowledge-announcement.ts";
import { AppError } from "../../../../shared/errors.ts";
import { identifyActor } from "../../slack-people.ts";
import { ANNOUNCEMENT_ACK_ACTION } from "../../views/announce-messages.ts";
import { acknowledgedMessage } from "../../views/announce-replies.ts";
import { ephemeralReply, replyWithError } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { BlockActionPayload } from "../payloads.ts";

export function registerAnnounceAcknowledge(app: App, deps: SlackListenerDeps): void {
  app.action<BlockButtonAction>(ANNOUNCEMENT_ACK_ACTION, async ({ ack, body, respond }) => {
    await ack();
    const reply = ephemeralReply(respond);
    await deps.inFlight.track(
      (async () => {
        try {
          const parsed = BlockActionPayload.safeParse(body);
          const announcementId = parsed.success
            ? parsed.data.actions.find((action) => action.action_id === ANNOUNCEMENT_ACK_ACTION)?.value
            : undefined;
          if (!parsed.success || !announcementId)
            throw new AppError("VALIDATION", "Slack sent a click Momentum couldn't read. Please try again.");
          const person = await identifyActor(
            deps.domain,
            deps.directory,
            parsed.data.team?.id ?? parsed.data.user.team_id ?? "",
            parsed.data.user.id,
          );
          await reply(
            acknowledgedMessage(await acknowledgeAnnouncement(deps.domain, { announcementId, personId: person.id })),
          );
        } catch (error) {
          await replyWithError(reply, deps.logger, error, "Acknowledge");
        }
      })(),
    );
  });
}
