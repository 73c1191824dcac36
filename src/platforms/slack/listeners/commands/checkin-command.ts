// `/checkin`: acknowledge at once, then open the check-in modal, or list the person's own last check-ins. Every
// reply goes to the person who typed the command only (ephemeral through response_url).
import type { App, RespondFn } from "@slack/bolt";
import { listCheckInHistory } from "../../../../domain/check-ins/list-check-in-history.ts";
import { isIanaTimeZone } from "../../../../domain/schedule/local-time.ts";
import { AppError } from "../../../../shared/errors.ts";
import { identifyActor } from "../../slack-people.ts";
import { checkInHistoryMessage } from "../../views/checkin-replies.ts";
import { momentumHelpMessage } from "../../views/momentum-replies.ts";
import { ephemeralReply, replyWithError } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { openCheckInModal } from "../open-check-in-modal.ts";
import { SlashCommandPayload } from "../payloads.ts";
import { parseCheckInCommand } from "./checkin-text.ts";

export const CHECKIN_COMMAND = "/checkin";

export function registerCheckInCommand(app: App, deps: SlackListenerDeps): void {
  app.command(CHECKIN_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    await deps.inFlight.track(handleCheckInCommand(deps, command, respond));
  });
}

async function handleCheckInCommand(deps: SlackListenerDeps, raw: unknown, respond: RespondFn): Promise<void> {
  const reply = ephemeralReply(respond);
  try {
    const parsed = SlashCommandPayload.safeParse(raw);
    if (!parsed.success)
      throw new AppError("VALIDATION", "Slack sent a command Momentum couldn't read. Please try again.");
    const command = parsed.data;
    const action = parseCheckInCommand(command.text);
    switch (action.kind) {
      case "open-modal":
        await openCheckInModal(deps, {
          teamId: command.team_id,
          userId: command.user_id,
          triggerId: command.trigger_id,
        });
        return;
      case "history": {
        const person = await identifyActor(deps.domain, deps.directory, command.team_id, command.user_id);
        const items = await listCheckInHistory(deps.domain, { personId: person.id, limit: action.limit });
        const zone = isIanaTimeZone(person.timeZone) ? person.timeZone : deps.domain.org.defaultTimeZone;
        await reply(checkInHistoryMessage(items, zone));
        return;
      }
      case "help":
        await reply(momentumHelpMessage(action.problem));
        return;
    }
  } catch (error) {
    await replyWithError(reply, deps.logger, error, "/checkin");
  }
}
