// `/kudos`: acknowledge at once, then give kudos, open the modal, or show the leaderboard or help. Every reply goes
// to the person who typed the command only (ephemeral through response_url).
import type { App, RespondFn } from "@slack/bolt";
import { kudosLeaderboard } from "../../../../domain/kudos/kudos-leaderboard.ts";
import { AppError, userMessageFor } from "../../../../shared/errors.ts";
import { logError, logWarning } from "../../../../shared/log-error.ts";
import { identifyActor } from "../../slack-people.ts";
import { kudosConfirmationMessage } from "../../views/kudos-confirmation.ts";
import { kudosHelpMessage } from "../../views/help.ts";
import { kudosModal } from "../../views/kudos-modal.ts";
import { leaderboardMessage } from "../../views/leaderboard.ts";
import type { SlackMessage } from "../../views/text.ts";
import { escapeUserMessage } from "../../views/text.ts";
import { giveKudosFromSlack } from "../give-kudos-from-slack.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { postableChannel, SlashCommandPayload } from "../payloads.ts";
import { parseKudosCommand } from "./kudos-text.ts";

export const KUDOS_COMMAND = "/kudos";

export function registerKudosCommand(app: App, deps: SlackListenerDeps): void {
  app.command(KUDOS_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    await deps.inFlight.track(handleKudosCommand(deps, command, respond));
  });
}

async function handleKudosCommand(deps: SlackListenerDeps, raw: unknown, respond: RespondFn): Promise<void> {
  const reply = (message: SlackMessage) =>
    respond({
      response_type: "ephemeral",
      text: message.text,
      ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}),
    });
  try {
    const parsed = SlashCommandPayload.safeParse(raw);
    if (!parsed.success)
      throw new AppError("VALIDATION", "Slack sent a command Momentum couldn't read. Please try again.");
    const command = parsed.data;
    const action = parseKudosCommand(command.text);
    switch (action.kind) {
      case "open-modal":
        await deps.client.views.open({
          trigger_id: command.trigger_id,
          view: kudosModal({ values: deps.domain.org.kudosValues, metadata: { channelId: postableChannel(command) } }),
        });
        return;
      case "leaderboard": {
        const asker = await identifyActor(deps.domain, deps.directory, command.team_id, command.user_id);
        await reply(leaderboardMessage(await kudosLeaderboard(deps.domain, { timeZone: asker.timeZone })));
        return;
      }
      case "help":
        await reply(kudosHelpMessage({ values: deps.domain.org.kudosValues, problem: action.problem }));
        return;
      case "give": {
        const confirmation = await giveKudosFromSlack(deps, {
          teamId: command.team_id,
          giverUserId: command.user_id,
          recipientUserIds: action.recipientUserIds,
          message: action.message,
          value: action.value,
          visibility: "public",
          // Slack retries a slow command with the same trigger id: the domain stores it once.
          requestKey: `slack:cmd:${command.trigger_id}`,
          channelId: postableChannel(command),
        });
        await reply(kudosConfirmationMessage(confirmation));
        return;
      }
    }
  } catch (error) {
    logError(deps.logger, error, "/kudos failed");
    await reply({ text: escapeUserMessage(userMessageFor(error)), blocks: [] }).catch((replyError: unknown) =>
      logWarning(deps.logger, replyError, "could not send the /kudos error reply"),
    );
  }
}
