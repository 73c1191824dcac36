// What only the person who acted sees: the list of feedback they may read, request confirmations, answer
// confirmations and /feedback help.
import type { KnownBlock } from "@slack/types";
import type { FeedbackListItem } from "../../../domain/feedback/list-feedback-for-me.ts";
import type { RequestFeedbackResult } from "../../../domain/feedback/request-feedback.ts";
import type { GiveFeedbackResult } from "../../../domain/feedback/give-feedback.ts";
import { quotedSections } from "./feedback-messages.ts";
import { context, escapedText, escapeMrkdwn, joinNames, section, type SlackMessage } from "./text.ts";

const USAGE = [
  "*Private feedback*",
  "• `/feedback @bob what went well and what could be better`: preview who will see it, then send",
  "• `/feedback`: open a form (choose the person, write, choose who can see it)",
  "• `/feedback request @alice @carol about the launch`: ask people for feedback on you",
  "• `/feedback request for @report @alice about the launch`: managers, ask about a direct report",
  "• `/feedback list`: the feedback you can read",
].join("\n");

export function feedbackHelpMessage(problem?: string): SlackMessage {
  return {
    text: escapeMrkdwn(problem ?? "How to use /feedback"),
    blocks: [...(problem ? [section(escapeMrkdwn(problem))] : []), section(USAGE)],
  };
}

function label(item: FeedbackListItem, timeZone: string): string {
  const giver = `*${escapeMrkdwn(item.giverName ?? "Someone who has left")}*`;
  const date = item.createdAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone });
  const topic = item.topic ? ` about _${escapeMrkdwn(item.topic)}_` : "";
  switch (item.reason) {
    case "to-you":
      return `${giver}${topic}, ${date}`;
    case "shared-as-manager":
      return `${giver} → *${escapeMrkdwn(item.recipientName)}*${topic}, ${date} · _shared with you as their manager_`;
    case "you-asked":
      return `${giver} → *${escapeMrkdwn(item.recipientName)}*${topic}, ${date} · _you asked for it_`;
  }
}

export function feedbackListMessage(items: FeedbackListItem[], timeZone: string): SlackMessage {
  if (items.length === 0)
    return {
      text: "No feedback for you yet",
      blocks: [
        section(
          ":lock: No feedback for you yet. When someone sends you feedback, it shows up here (and only you see this list).",
        ),
      ],
    };
  const blocks: KnownBlock[] = [
    section(`:lock: *Feedback you can read* (latest ${items.length}; only you see this list)`),
  ];
  for (const item of items)
    blocks.push({ type: "divider" }, context(label(item, timeZone)), ...quotedSections(item.text));
  return { text: escapedText`Your latest ${items.length} feedback`, blocks };
}

export function feedbackRequestedReply(result: RequestFeedbackResult): SlackMessage {
  const asked = escapeMrkdwn(joinNames(result.askedNames));
  const lines = [
    result.duplicate
      ? `:white_check_mark: This request was already sent to ${asked}; nobody was asked twice.`
      : `:white_check_mark: Asked ${asked} for feedback on ${escapeMrkdwn(result.subjectName)}.`,
    `:lock: Answers go to ${escapeMrkdwn(joinNames(result.readerNames))} only.`,
  ];
  if (result.unreachableNames.length > 0)
    lines.push(
      `Momentum can't message ${escapeMrkdwn(joinNames(result.unreachableNames))} yet, so they won't see the request until they use Momentum.`,
    );
  return { text: escapedText`Asked ${joinNames(result.askedNames)} for feedback`, blocks: [section(lines.join("\n"))] };
}

export function feedbackAnsweredReply(result: GiveFeedbackResult): SlackMessage {
  const to = result.sharedWithName ? `${result.recipientName} and ${result.sharedWithName}` : result.recipientName;
  return {
    text: escapedText`Your answer was sent to ${to}`,
    blocks: [section(`:white_check_mark: :lock: Thanks! Your answer was sent privately to ${escapeMrkdwn(to)}.`)],
  };
}

export function feedbackDeclinedReply(subjectName: string): SlackMessage {
  return {
    text: "Request declined",
    blocks: [section(`You declined the request for feedback on ${escapeMrkdwn(subjectName)}.`)],
  };
}
