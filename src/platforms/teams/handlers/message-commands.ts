// Routes a typed message to its command. Commands: `kudos …`, `kudos leaderboard`, `help` (anything else
// gets the help card). Keep in step with HELP_COMMANDS and the manifest's commandLists.
import { CardFactory, type TurnContext } from "botbuilder";
import { parseMessageText } from "../activity.ts";
import { helpCard, kudosStartCard } from "../cards/help-card.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { giveKudosFromText } from "./kudos-from-text.ts";
import { showLeaderboard } from "./leaderboard.ts";

export type TextCommand = "kudos" | "kudos-form" | "kudos-leaderboard" | "help" | "unknown";

export function commandFor(words: string, mentionCount: number): { command: TextCommand; rest: string } {
  const [first = "", ...others] = words.split(" ");
  const rest = others.join(" ").trim();
  const verb = first.toLowerCase().replace(/^\//, "");
  if (verb === "help" && rest === "") return { command: "help", rest };
  if (verb !== "kudos") return { command: "unknown", rest };
  if (rest.toLowerCase() === "leaderboard" && mentionCount === 0) return { command: "kudos-leaderboard", rest };
  if (rest === "" && mentionCount === 0) return { command: "kudos-form", rest };
  return { command: "kudos", rest };
}

export async function handleTextCommand(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const { words, mentions } = parseMessageText(context.activity);
  const { command, rest } = commandFor(words, mentions.length);
  switch (command) {
    case "kudos":
      return giveKudosFromText(deps, context, mentions, rest);
    case "kudos-form":
      return void (await context.sendActivity({ attachments: [CardFactory.adaptiveCard(kudosStartCard())] }));
    case "kudos-leaderboard":
      return showLeaderboard(deps, context);
    case "help":
      return void (await context.sendActivity({ attachments: [CardFactory.adaptiveCard(helpCard())] }));
    case "unknown":
      return void (await context.sendActivity({ attachments: [CardFactory.adaptiveCard(helpCard({ didNotUnderstand: true }))] }));
  }
}

/** An Action.Submit from one of Momentum's cards arrives as a message whose `value` names the action. */
export async function handleCardSubmit(_deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(helpCard({ didNotUnderstand: true }))] });
}
