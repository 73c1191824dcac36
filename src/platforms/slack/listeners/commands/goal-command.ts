// `/goal`: acknowledge at once, then open the goal modal (start view, `new`, `update`) or list the person's own
// goals. Every reply goes to the person who typed the command only (ephemeral through response_url).
import type { App, RespondFn } from "@slack/bolt";
import { listMyGoals } from "../../../../domain/goals/list-my-goals.ts";
import { AppError } from "../../../../shared/errors.ts";
import { identifyActor } from "../../slack-people.ts";
import { goalHelpMessage, goalListMessage } from "../../views/goal-replies.ts";
import { ephemeralReply, replyWithError } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { openGoalModal, type GoalModalKind } from "../open-goal-modal.ts";
import { SlashCommandPayload } from "../payloads.ts";

export const GOAL_COMMAND = "/goal";

export type GoalCommand =
  { kind: "modal"; modal: GoalModalKind } | { kind: "list" } | { kind: "help"; problem?: string };

const WORDS: Record<string, GoalCommand> = {
  "": { kind: "modal", modal: "start" },
  new: { kind: "modal", modal: "create" },
  create: { kind: "modal", modal: "create" },
  update: { kind: "modal", modal: "update" },
  list: { kind: "list" },
  help: { kind: "help" },
};

export function parseGoalCommand(text: string): GoalCommand {
  const word = text.trim().toLowerCase().replace(/\s+/g, " ");
  return WORDS[word] ?? { kind: "help", problem: "I didn't get that. Here's what `/goal` can do:" };
}

export function registerGoalCommand(app: App, deps: SlackListenerDeps): void {
  app.command(GOAL_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    await deps.inFlight.track(handleGoalCommand(deps, command, respond));
  });
}

async function handleGoalCommand(deps: SlackListenerDeps, raw: unknown, respond: RespondFn): Promise<void> {
  const reply = ephemeralReply(respond);
  try {
    const parsed = SlashCommandPayload.safeParse(raw);
    if (!parsed.success)
      throw new AppError("VALIDATION", "Slack sent a command Momentum couldn't read. Please try again.");
    const command = parsed.data;
    const action = parseGoalCommand(command.text);
    switch (action.kind) {
      case "modal":
        await openGoalModal(deps, {
          teamId: command.team_id,
          userId: command.user_id,
          triggerId: command.trigger_id,
          kind: action.modal,
        });
        return;
      case "list": {
        const person = await identifyActor(deps.domain, deps.directory, command.team_id, command.user_id);
        await reply(goalListMessage(await listMyGoals(deps.domain, { personId: person.id })));
        return;
      }
      case "help":
        await reply(goalHelpMessage(action.problem));
        return;
    }
  } catch (error) {
    await replyWithError(reply, deps.logger, error, "/goal");
  }
}
