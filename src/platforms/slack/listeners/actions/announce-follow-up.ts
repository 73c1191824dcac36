// "Send a reminder to N people" on `/announce status`: queues the one follow-up DM to each person who hasn't
// acknowledged (HR only; a second click queues nothing new) and says how many are on their way.
import type { App, BlockButtonAction } from "@slack/bolt";
import { followUpUnacknowledged } from "../../../../domain/announcements/follow-up-unacknowledged.ts";
import { AppError } from "../../../../shared/errors.ts";
import { identifyActor } from "../../slack-people.ts";
import { ANNOUNCEMENT_FOLLOW_UP_ACTION, followUpQueuedMessage } from "../../views/announce-replies.ts";
import { ephemeralReply, replyWithError } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { BlockActionPayload } from "../payloads.ts";

export function registerAnnounceFollowUp(app: App, deps: SlackListenerDeps): void {
  app.action<BlockButtonAction>(ANNOUNCEMENT_FOLLOW_UP_ACTION, async ({ ack, body, respond }) => {
    await ack();
    const reply = ephemeralReply(respond);
    await deps.inFlight.track(
      (async () => {
        try {
          const parsed = BlockActionPayload.safeParse(body);
          const announcementId = parsed.success
            ? parsed.data.actions.find((action) => action.action_id === ANNOUNCEMENT_FOLLOW_UP_ACTION)?.value
            : undefined;
          if (!parsed.success || !announcementId)
            throw new AppError("VALIDATION", "Slack sent a click Momentum couldn't read. Please try again.");
          const person = await identifyActor(
            deps.domain,
            deps.directory,
            parsed.data.team?.id ?? parsed.data.user.team_id ?? "",
            parsed.data.user.id,
          );
          const result = await followUpUnacknowledged(deps.domain, { actorId: person.id, announcementId });
          if (result.queued > 0) deps.kickDeliveries();
          await reply(followUpQueuedMessage(result));
        } catch (error) {
          await replyWithError(reply, deps.logger, error, "Send a reminder");
        }
      })(),
    );
  });
}
