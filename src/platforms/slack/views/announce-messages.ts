// The announcement as posted in a channel, and the one follow-up DM to someone who has not acknowledged it. HR's
// text is escaped (no accidental <!channel>) and split over several sections when it is longer than one holds.
import type { ActionsBlock, KnownBlock } from "@slack/types";
import type { OutboundMessage } from "../../../domain/notifications/messages.ts";
import { context, escapeMrkdwn, plain, section, SECTION_TEXT_LIMIT, truncate, type SlackMessage } from "./text.ts";

export const ANNOUNCEMENT_ACK_ACTION = "announcement_ack";

type Posted = Extract<OutboundMessage, { type: "announcement.posted" }>;
type FollowUp = Extract<OutboundMessage, { type: "announcement.followup" }>;

export function announcementPostedMessage(message: Posted): SlackMessage {
  return {
    text: truncate(`Announcement from ${message.authorName}: ${message.text}`, 300),
    blocks: [
      context(`:mega: Announcement from *${escapeMrkdwn(message.authorName)}*`),
      ...textSections(message.text),
      ...(message.withAck ? [acknowledgeButton(message.announcementId, "announcement_post")] : []),
    ],
  };
}

export function announcementFollowUpMessage(message: FollowUp): SlackMessage {
  return {
    text: truncate(`Reminder from ${message.authorName}: please acknowledge this announcement`, 300),
    blocks: [
      section(
        `:wave: A reminder from *${escapeMrkdwn(message.authorName)}*: please read this announcement and let them know you've seen it.`,
      ),
      ...textSections(message.text),
      acknowledgeButton(message.announcementId, "announcement_followup"),
    ],
  };
}

function acknowledgeButton(announcementId: string, blockId: string): ActionsBlock {
  return {
    type: "actions",
    block_id: blockId,
    elements: [
      {
        type: "button",
        action_id: ANNOUNCEMENT_ACK_ACTION,
        style: "primary",
        text: plain("Acknowledge", 75),
        value: announcementId,
      },
    ],
  };
}

/** Escaped text in sections of at most SECTION_TEXT_LIMIT characters, never cutting an escape in two. */
export function textSections(text: string): KnownBlock[] {
  const chunks: string[] = [];
  let current = "";
  for (const char of text) {
    const escaped = escapeMrkdwn(char);
    if (current.length + escaped.length > SECTION_TEXT_LIMIT) {
      chunks.push(current);
      current = "";
    }
    current += escaped;
  }
  if (current.trim()) chunks.push(current);
  return chunks.map((chunk) => section(chunk));
}
