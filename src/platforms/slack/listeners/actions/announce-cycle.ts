// "Announce this cycle" on a review-cycle launch confirmation: opens the announce modal filled with the cycle's own
// words (editable) and linked to the cycle. HR only, like the launch; a refusal answers the clicker alone.
import type { App, BlockButtonAction } from "@slack/bolt";
import { reviewCycleAnnouncement } from "../../../../domain/reviews/review-cycle-announcement.ts";
import { AppError } from "../../../../shared/errors.ts";
import { identifyActor } from "../../slack-people.ts";
import { ANNOUNCE_CYCLE_ACTION } from "../../views/announce-replies.ts";
import { openAnnounceModal } from "../commands/announce-command.ts";
import { ephemeralReply, replyWithError } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { BlockActionPayload } from "../payloads.ts";

export function registerAnnounceCycle(app: App, deps: SlackListenerDeps): void {
  app.action<BlockButtonAction>(ANNOUNCE_CYCLE_ACTION, async ({ ack, body, respond }) => {
    await ack();
    const reply = ephemeralReply(respond);
    await deps.inFlight.track(
      (async () => {
        try {
          const parsed = BlockActionPayload.safeParse(body);
          const cycleId = parsed.success
            ? parsed.data.actions.find((action) => action.action_id === ANNOUNCE_CYCLE_ACTION)?.value
            : undefined;
          if (!parsed.success || !cycleId)
            throw new AppError("VALIDATION", "Slack sent a click Momentum couldn't read. Please try again.");
          const teamId = parsed.data.team?.id ?? parsed.data.user.team_id ?? "";
          const person = await identifyActor(deps.domain, deps.directory, teamId, parsed.data.user.id);
          const suggested = await reviewCycleAnnouncement(deps.domain, { actorId: person.id, cycleId });
          await openAnnounceModal(deps, {
            teamId,
            userId: parsed.data.user.id,
            triggerId: parsed.data.trigger_id,
            values: { text: suggested.text },
            metadata: { cycleId: suggested.cycleId },
          });
        } catch (error) {
          await replyWithError(reply, deps.logger, error, "Announce this cycle");
        }
      })(),
    );
  });
}
