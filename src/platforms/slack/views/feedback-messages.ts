// Private feedback as Slack shows it in DMs: the feedback itself (to its recipient, or to the one person it was
// shared with) and a request to give feedback, with "Answer" and "Decline". The notification text never carries
// the feedback: lock screens and the activity list show only who sent it.
import type { ActionsBlock, SectionBlock } from "@slack/types";
import type { OutboundMessage } from "../../../domain/notifications/messages.ts";
import { context, escapedText, escapeMrkdwn, joinNames, plain, section, type SlackMessage } from "./text.ts";

export const FEEDBACK_ASK_ACTIONS = { answer: "feedback_answer", decline: "feedback_decline" } as const;

type FeedbackReceived = Extract<OutboundMessage, { type: "feedback.received" }>;
type FeedbackRequested = Extract<OutboundMessage, { type: "feedback.requested" }>;

/** Under a section's 3,000 characters after escaping, cut between lines where possible, never inside an entity. */
const CHUNK = 2900;

/** Someone's words as block-quote sections: long feedback is split over several sections, never cut short. */
export function quotedSections(text: string): SectionBlock[] {
  const lines = text.split("\n").flatMap((line) => splitLine(`>${escapeMrkdwn(line)}`));
  const chunks: string[] = [];
  for (const line of lines) {
    const last = chunks.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= CHUNK) chunks[chunks.length - 1] = `${last}\n${line}`;
    else chunks.push(line);
  }
  return chunks.map((chunk) => ({ type: "section", text: { type: "mrkdwn", text: chunk } }));
}

function splitLine(line: string): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > CHUNK) {
    let cut = CHUNK;
    const entity = rest.lastIndexOf("&", cut);
    if (entity > cut - 6 && rest.indexOf(";", entity) >= cut) cut = entity;
    pieces.push(rest.slice(0, cut));
    rest = `>${rest.slice(cut)}`;
  }
  pieces.push(rest);
  return pieces;
}

const bold = (name: string) => `*${escapeMrkdwn(name)}*`;
const about = (topic: string) => `_${escapeMrkdwn(topic)}_`;

function headline(message: FeedbackReceived): string {
  const giver = bold(message.giverName);
  if (message.reader === "recipient") {
    return message.topic
      ? `:lock: ${giver} answered the request for feedback about ${about(message.topic)}`
      : `:lock: ${giver} sent you private feedback`;
  }
  const recipient = bold(message.recipientName);
  if (message.sharedReason === "requester")
    return `:lock: ${giver} answered your request for feedback on ${recipient} about ${about(message.topic ?? "")}`;
  return message.topic
    ? `:lock: ${giver} answered a request for feedback on ${recipient} about ${about(message.topic)}, shared with you as their manager`
    : `:lock: ${giver} gave ${recipient} feedback and shared it with you as their manager`;
}

function whoCanSee(message: FeedbackReceived): string {
  if (message.reader === "shared") return `Only ${escapeMrkdwn(message.recipientName)} and you can see this.`;
  if (!message.sharedWithName) return "Only you can see this.";
  const other = escapeMrkdwn(message.sharedWithName);
  return message.sharedReason === "requester"
    ? `You and ${other} (who asked for it) can see this.`
    : `You and your manager ${other} can see this.`;
}

export function feedbackReceivedMessage(message: FeedbackReceived): SlackMessage {
  const fallback =
    message.reader === "recipient"
      ? `${message.giverName} sent you private feedback`
      : `${message.giverName} shared feedback for ${message.recipientName} with you`;
  return {
    text: escapeMrkdwn(fallback),
    blocks: [section(headline(message)), ...quotedSections(message.text), context(`:lock: ${whoCanSee(message)}`)],
  };
}

export function feedbackRequestedMessage(message: FeedbackRequested): SlackMessage {
  const requester = bold(message.requesterName);
  const ask = message.aboutRequester
    ? `:speech_balloon: ${requester} would like your feedback about ${about(message.topic)}.`
    : `:speech_balloon: ${requester} would like your feedback on ${bold(message.subjectName)} about ${about(message.topic)}.`;
  const actions: ActionsBlock = {
    type: "actions",
    block_id: "feedback_ask",
    elements: [
      {
        type: "button",
        action_id: FEEDBACK_ASK_ACTIONS.answer,
        style: "primary",
        text: plain("Answer", 75),
        value: message.askId,
      },
      { type: "button", action_id: FEEDBACK_ASK_ACTIONS.decline, text: plain("Decline", 75), value: message.askId },
    ],
  };
  return {
    text: escapedText`${message.requesterName} would like your feedback`,
    blocks: [
      section(ask),
      context(`:lock: Your answer goes to ${escapeMrkdwn(joinNames(message.readerNames))} only. You can answer once.`),
      actions,
    ],
  };
}
