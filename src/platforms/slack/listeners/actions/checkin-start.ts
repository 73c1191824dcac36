// "Start check-in" on a prompt or reminder DM: acknowledge, then open the check-in modal with the click's trigger.
// A problem (a deactivated account, Slack too slow to open the form) is told to the person who clicked only.
import type { App, BlockButtonAction, RespondFn } from "@slack/bolt";
import { AppError } from "../../../../shared/errors.ts";
import { CHECKIN_START_ACTION } from "../../views/checkin-messages.ts";
import { ephemeralReply, replyWithError } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { openCheckInModal } from "../open-check-in-modal.ts";
import { BlockActionPayload } from "../payloads.ts";

export function registerCheckInStart(app: App, deps: SlackListenerDeps): void {
  app.action<BlockButtonAction>(CHECKIN_START_ACTION, async ({ ack, body, respond }) => {
    await ack();
    await deps.inFlight.track(startCheckIn(deps, body, respond));
  });
}

async function startCheckIn(deps: SlackListenerDeps, raw: unknown, respond: RespondFn): Promise<void> {
  try {
    const parsed = BlockActionPayload.safeParse(raw);
    if (!parsed.success)
      throw new AppError("VALIDATION", "Slack sent a click Momentum couldn't read. Please try again.");
    const click = parsed.data;
    await openCheckInModal(deps, {
      teamId: click.team?.id ?? click.user.team_id ?? "",
      userId: click.user.id,
      triggerId: click.trigger_id,
      promptPeriodKey: click.actions.find((action) => action.action_id === CHECKIN_START_ACTION)?.value,
    });
  } catch (error) {
    await replyWithError(ephemeralReply(respond), deps.logger, error, "Start check-in");
  }
}
