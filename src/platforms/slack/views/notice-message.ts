// Operational notices (for example to admins about failed deliveries): a title and short plain text.
import type { OutboundMessage } from "../../../domain/notifications/messages.ts";
import { escapeMrkdwn, plain, section, truncate, type SlackMessage } from "./text.ts";

type Notice = Extract<OutboundMessage, { type: "notice" }>;

export function noticeMessage(message: Notice): SlackMessage {
  return {
    // Slack advises keeping the notification text under 4,000 characters.
    text: truncate(`${message.title}: ${message.text}`, 3000),
    blocks: [{ type: "header", text: plain(message.title, 150) }, section(escapeMrkdwn(message.text))],
  };
}
