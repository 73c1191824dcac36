// Routes a typed message to its command through one registry (anything unknown gets the help card). Every command is listed in
// HELP_COMMANDS; the manifest's commandLists show the most used subset (the manifest test checks both).
import { CardFactory, type ChannelAccount, type TurnContext } from "botbuilder";
import { parseMessageText } from "../activity.ts";
import type { AdaptiveCard } from "../cards/card.ts";
import { helpCard, kudosStartCard } from "../cards/help-card.ts";
import { handleAnnounceText } from "./announce-commands.ts";
import { showCheckInHistory, showCheckInStart } from "./checkin-commands.ts";
import { showGoalList, showGoalStart } from "./goal-commands.ts";
import { handleRoleCommand } from "./role-command.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { feedbackCommandFor, handleFeedbackText, type FeedbackTextCommand } from "./feedback-commands.ts";
import { giveKudosFromText } from "./give-kudos-from-teams.ts";
import { showLeaderboard } from "./leaderboard.ts";
import { handleOneOnOneSlot, showHome, showTeamSummary } from "./one-on-one-commands.ts";
import { handleAway, handleSettings } from "./settings-commands.ts";
import { handleClosure } from "./closure-commands.ts";
import { handlePulseText } from "./pulse-commands.ts";
import { handleReviewCommand } from "./review-commands.ts";

type ManagerWeekCommand = "one-on-one" | "summary" | "home";

export type TextCommand =
  | FeedbackTextCommand
  | "announce"
  | "role"
  | ManagerWeekCommand
  | "kudos"
  | "kudos-form"
  | "kudos-leaderboard"
  | "checkin"
  | "checkin-history"
  | "goal"
  | "goal-list"
  | "away"
  | "settings"
  | "closure"
  | "review"
  | "pulse"
  | "help"
  | "unknown";

export function commandFor(words: string, mentionCount: number): { command: TextCommand; rest: string } {
  const [first = "", ...others] = words.split(" ");
  const rest = others.join(" ").trim();
  const verb = first.toLowerCase().replace(/^\//, "");
  if (verb === "help" && rest === "") return { command: "help", rest };
  if (verb === "checkin" || verb === "check-in") {
    if (rest === "") return { command: "checkin", rest };
    if (rest.toLowerCase() === "history") return { command: "checkin-history", rest };
    return { command: "unknown", rest };
  }
  if (verb === "away") return { command: "away", rest };
  // "back" is "away off" said the natural way.
  if (verb === "back" && rest === "") return { command: "away", rest: "off" };
  if (verb === "settings") return { command: "settings", rest };
  if (verb === "closure" || verb === "closures") return { command: "closure", rest };
  if (verb === "goal" || verb === "goals") {
    if (rest === "") return { command: "goal", rest };
    if (rest.toLowerCase() === "list") return { command: "goal-list", rest };
    return { command: "unknown", rest };
  }
  if (verb === "review" || verb === "reviews") return { command: "review", rest };
  if (verb === "announce") return { command: "announce", rest };
  if (verb === "pulse") return { command: "pulse", rest };
  if (verb === "role") return { command: "role", rest };
  if (verb === "feedback") return { command: feedbackCommandFor(rest, mentionCount), rest };
  if (verb === "one-on-one" || verb === "1:1" || verb === "oneonone") return { command: "one-on-one", rest };
  if (verb === "summary") return { command: "summary", rest };
  if (verb === "home" && rest === "") return { command: "home", rest };
  if (verb !== "kudos") return { command: "unknown", rest };
  if (rest.toLowerCase() === "leaderboard" && mentionCount === 0) return { command: "kudos-leaderboard", rest };
  if (rest === "" && mentionCount === 0) return { command: "kudos-form", rest };
  return { command: "kudos", rest };
}

type TextCommandHandler = (
  deps: TeamsHandlerDeps,
  context: TurnContext,
  input: { command: TextCommand; rest: string; mentions: ChannelAccount[] },
) => Promise<void>;

const sendCard = (context: TurnContext, card: AdaptiveCard) =>
  context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] }).then(() => undefined);
const feedbackText: TextCommandHandler = (deps, context, { command, rest, mentions }) =>
  handleFeedbackText(deps, context, command as FeedbackTextCommand, rest, mentions);

/** One handler per command commandFor knows; "unknown" answers the help card saying it did not understand. */
export const TEXT_COMMANDS: Readonly<Record<TextCommand, TextCommandHandler>> = {
  kudos: (deps, context, { mentions, rest }) => giveKudosFromText(deps, context, mentions, rest),
  "kudos-form": (_deps, context) => sendCard(context, kudosStartCard()),
  "kudos-leaderboard": (deps, context) => showLeaderboard(deps, context),
  checkin: (deps, context) => showCheckInStart(deps, context),
  "checkin-history": (deps, context) => showCheckInHistory(deps, context),
  goal: (deps, context) => showGoalStart(deps, context),
  "goal-list": (deps, context) => showGoalList(deps, context),
  away: (deps, context, { rest }) => handleAway(deps, context, rest),
  settings: (deps, context, { rest, mentions }) => handleSettings(deps, context, rest, mentions),
  closure: (deps, context, { rest, mentions }) => handleClosure(deps, context, rest, mentions),
  "feedback-help": feedbackText,
  "feedback-list": feedbackText,
  "feedback-request": feedbackText,
  "feedback-give": feedbackText,
  "one-on-one": (deps, context, { mentions, rest }) => handleOneOnOneSlot(deps, context, mentions, rest),
  summary: (deps, context, { mentions }) => showTeamSummary(deps, context, mentions),
  home: (deps, context) => showHome(deps, context),
  announce: (deps, context, { rest }) => handleAnnounceText(deps, context, rest),
  role: (deps, context, { mentions, rest }) => handleRoleCommand(deps, context, mentions, rest),
  review: (deps, context, { rest }) => handleReviewCommand(deps, context, rest),
  pulse: (deps, context, { rest }) => handlePulseText(deps, context, rest),
  help: (_deps, context) => sendCard(context, helpCard()),
  unknown: (_deps, context) => sendCard(context, helpCard({ didNotUnderstand: true })),
};

export async function handleTextCommand(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const { words, mentions } = parseMessageText(context.activity);
  const { command, rest } = commandFor(words, mentions.length);
  await TEXT_COMMANDS[command](deps, context, { command, rest, mentions });
}
