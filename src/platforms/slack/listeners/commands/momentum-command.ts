// `/momentum away|back|settings|help`: acknowledge at once, run the domain use case, and answer the person who
// typed it only. Role checks (a team's check-in time is for managers) happen in the domain.
import type { App, RespondFn } from "@slack/bolt";
import { applySettingsCommand } from "../../../../domain/people/apply-settings-command.ts";
import { setAway } from "../../../../domain/people/set-away.ts";
import { AppError, userMessageFor } from "../../../../shared/errors.ts";
import { logError, logWarning } from "../../../../shared/log-error.ts";
import { identifyActor } from "../../slack-people.ts";
import {
  awayMessage,
  momentumHelpMessage,
  momentumProblemMessage,
  settingsMessage,
} from "../../views/momentum-replies.ts";
import { escapeUserMessage, sentenceCase } from "../../views/text.ts";
import { ephemeralReply } from "../ephemeral-reply.ts";
import { oneOnOneCommand, summaryCommand } from "./one-on-one-command.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { SlashCommandPayload } from "../payloads.ts";
import { parseMomentumCommand } from "./momentum-text.ts";
import { changeRoleFromSlack } from "./role-from-slack.ts";
import { closureCommand, teamManagerFromSlack } from "./closure-command.ts";

export const MOMENTUM_COMMAND = "/momentum";

export function registerMomentumCommand(app: App, deps: SlackListenerDeps): void {
  app.command(MOMENTUM_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    await deps.inFlight.track(handleMomentumCommand(deps, command, respond));
  });
}

async function handleMomentumCommand(deps: SlackListenerDeps, raw: unknown, respond: RespondFn): Promise<void> {
  const reply = ephemeralReply(respond);
  try {
    const parsed = SlashCommandPayload.safeParse(raw);
    if (!parsed.success)
      throw new AppError("VALIDATION", "Slack sent a command Momentum couldn't read. Please try again.");
    const command = parsed.data;
    const action = parseMomentumCommand(command.text);
    switch (action.kind) {
      case "help":
        await reply(momentumHelpMessage(action.problem));
        return;
      case "problem":
        await reply(momentumProblemMessage(action.message));
        return;
      case "away": {
        const person = await identifyActor(deps.domain, deps.directory, command.team_id, command.user_id);
        await reply(awayMessage(await setAway(deps.domain, { personId: person.id, until: action.command.until })));
        return;
      }
      case "settings": {
        const person = await identifyActor(deps.domain, deps.directory, command.team_id, command.user_id);
        const mentioned =
          action.command.kind === "team-holidays"
            ? await teamManagerFromSlack(deps, command, person, action.command.target)
            : undefined;
        await reply(
          settingsMessage(
            await applySettingsCommand(deps.domain, person.id, action.command, mentioned),
            action.command,
          ),
        );
        return;
      }
      case "closure":
        await reply(await closureCommand(deps, command, action.text));
        return;
      case "role":
        await changeRoleFromSlack(deps, command, action.text, reply);
        return;
      case "one-on-one":
        await reply(await oneOnOneCommand(deps, command, action.text));
        return;
      case "summary":
        await reply(await summaryCommand(deps, command, action.text));
        return;
    }
  } catch (error) {
    logError(deps.logger, error, "/momentum failed");
    // Domain refusals name the shared text forms; on Slack they are typed after /momentum.
    await reply(
      error instanceof AppError
        ? momentumProblemMessage(error.userMessage)
        : { text: escapeUserMessage(sentenceCase(userMessageFor(error))), blocks: [] },
    ).catch((replyError: unknown) => logWarning(deps.logger, replyError, "could not send the /momentum error reply"));
  }
}
