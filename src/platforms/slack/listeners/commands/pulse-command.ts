// `/pulse` (HR): opens the pulse survey form; `/pulse results` shows the latest round's results; `/pulse close`
// closes the open round now; `/pulse stop` stops a recurring pulse. Everything answers the person who typed it only.
import type { App, RespondFn } from "@slack/bolt";
import { closePulseEarly, stopPulse } from "../../../../domain/pulses/close-pulse-round.ts";
import { requirePulseAdmin } from "../../../../domain/pulses/launch-pulse.ts";
import { pulseResults } from "../../../../domain/pulses/pulse-results.ts";
import { AppError } from "../../../../shared/errors.ts";
import { identifyActor } from "../../slack-people.ts";
import { pulseClosedMessage, pulseHelpMessage, pulseResultsMessage } from "../../views/pulse-replies.ts";
import { pulseSetupModal } from "../../views/pulse-setup-modal.ts";
import { slackErrorCode } from "../../web-client.ts";
import { ephemeralReply, replyWithError } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { SlashCommandPayload } from "../payloads.ts";

export const PULSE_COMMAND = "/pulse";

export function registerPulseCommand(app: App, deps: SlackListenerDeps): void {
  app.command(PULSE_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    await deps.inFlight.track(handlePulseCommand(deps, command, respond));
  });
}

async function handlePulseCommand(deps: SlackListenerDeps, raw: unknown, respond: RespondFn): Promise<void> {
  const reply = ephemeralReply(respond);
  try {
    const parsed = SlashCommandPayload.safeParse(raw);
    if (!parsed.success)
      throw new AppError("VALIDATION", "Slack sent a command Momentum couldn't read. Please try again.");
    const command = parsed.data;
    const verb = command.text.trim().toLowerCase();
    if (verb === "help") return void (await reply(pulseHelpMessage()));
    if (!["", "results", "close", "stop"].includes(verb))
      return void (await reply(pulseHelpMessage(`I didn't understand "${command.text.trim().slice(0, 60)}".`)));
    const person = await identifyActor(deps.domain, deps.directory, command.team_id, command.user_id);
    if (verb === "results")
      return void (await reply(pulseResultsMessage(await pulseResults(deps.domain, { actorId: person.id }))));
    if (verb === "close") {
      const result = await closePulseEarly(deps.domain, { actorId: person.id });
      if (result.sharedWith > 0) deps.kickDeliveries();
      return void (await reply(pulseClosedMessage(result)));
    }
    if (verb === "stop") {
      const result = await stopPulse(deps.domain, { actorId: person.id });
      const text = result.stopped
        ? `"${result.title}" is stopped: no new round will open (an open round still runs to its close).`
        : `"${result.title}" was already stopped.`;
      return void (await reply({ text, blocks: [] }));
    }
    await requirePulseAdmin(deps.domain, person.id, "run pulse surveys");
    try {
      await deps.client.views.open({ trigger_id: command.trigger_id, view: pulseSetupModal() });
    } catch (error) {
      if (slackErrorCode(error) === "expired_trigger_id")
        throw new AppError(
          "UNAVAILABLE",
          "Slack took too long to open the pulse form. Please try again.",
          "views.open: expired_trigger_id",
        );
      throw error;
    }
  } catch (error) {
    await replyWithError(reply, deps.logger, error, "/pulse");
  }
}
