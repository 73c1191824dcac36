// Routes a typed message to its command (anything unknown gets the help card). Every command is listed in
// HELP_COMMANDS; the manifest's commandLists show the most used subset (the manifest test checks both).
import { CardFactory, type TurnContext } from "botbuilder";
import { parseMessageText } from "../activity.ts";
import { CHECKIN_START_ACTION } from "../cards/checkin-cards.ts";
import { helpCard, kudosStartCard } from "../cards/help-card.ts";
import { ANNOUNCE_CARD_ACTIONS, handleAnnounceCardAction, handleAnnounceText } from "./announce-commands.ts";
import { showCheckInHistory, showCheckInStart } from "./checkin-commands.ts";
import { showGoalList, showGoalStart } from "./goal-commands.ts";
import { handleRoleCommand } from "./role-command.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { feedbackCommandFor, handleFeedbackText, type FeedbackTextCommand } from "./feedback-commands.ts";
import { handleFeedbackCardAction, isFeedbackCardAction } from "./feedback-card-actions.ts";
import { giveKudosFromText } from "./kudos-from-text.ts";
import { showLeaderboard } from "./leaderboard.ts";
import { handleOneOnOneSlot, markDoneFromCard, showHome, showTeamSummary } from "./one-on-one-commands.ts";
import { ONE_ON_ONE_DONE_ACTION } from "../cards/one-on-one-cards.ts";
import { handleAway, handleSettings } from "./settings-commands.ts";
import { handleClosure } from "./closure-commands.ts";
import { handlePulseText } from "./pulse-commands.ts";
import { handleReviewCardSubmit, handleReviewCommand, REVIEW_CARD_ACTIONS } from "./review-commands.ts";

type ManagerWeekCommand = "one-on-one" | "summary" | "home";

export type TextCommand = FeedbackTextCommand | "announce" | "role" | ManagerWeekCommand | "kudos" | "kudos-form" | "kudos-leaderboard" | "checkin" | "checkin-history" | "goal" | "goal-list" | "away" | "settings" | "closure" | "review" | "pulse" | "help" | "unknown";

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
    case "checkin":
      return showCheckInStart(deps, context);
    case "checkin-history":
      return showCheckInHistory(deps, context);
    case "goal":
      return showGoalStart(deps, context);
    case "goal-list":
      return showGoalList(deps, context);
    case "away":
      return handleAway(deps, context, rest);
    case "settings":
      return handleSettings(deps, context, rest, mentions);
    case "closure":
      return handleClosure(deps, context, rest, mentions);
    case "feedback-help":
    case "feedback-list":
    case "feedback-request":
    case "feedback-give":
      return handleFeedbackText(deps, context, command, rest, mentions);
    case "one-on-one":
      return handleOneOnOneSlot(deps, context, mentions, rest);
    case "summary":
      return showTeamSummary(deps, context, mentions);
    case "home":
      return showHome(deps, context);
    case "announce":
      return handleAnnounceText(deps, context, rest);
    case "role":
      return handleRoleCommand(deps, context, mentions, rest);
    case "review":
      return handleReviewCommand(deps, context, rest);
    case "pulse":
      return handlePulseText(deps, context, rest);
    case "help":
      return void (await context.sendActivity({ attachments: [CardFactory.adaptiveCard(helpCard())] }));
    case "unknown":
      return void (await context.sendActivity({ attachments: [CardFactory.adaptiveCard(helpCard({ didNotUnderstand: true }))] }));
  }
}

/** An Action.Submit from one of Momentum's cards arrives as a message whose `value` names the action. */
export async function handleCardSubmit(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const action = (context.activity.value as { action?: unknown } | undefined)?.action;
  // Prompts sent before their button opened the dialog directly still work: they get the button that does.
  if (action === CHECKIN_START_ACTION) return showCheckInStart(deps, context);
  if (typeof action === "string" && REVIEW_CARD_ACTIONS.has(action)) return handleReviewCardSubmit(deps, context);
  if (typeof action === "string" && ANNOUNCE_CARD_ACTIONS.includes(action)) return handleAnnounceCardAction(deps, context);
  if (isFeedbackCardAction(action)) return handleFeedbackCardAction(deps, context);
  if (action === ONE_ON_ONE_DONE_ACTION) return markDoneFromCard(deps, context);
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(helpCard({ didNotUnderstand: true }))] });
}
