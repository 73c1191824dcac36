// Operational notices (for example to admins about failed deliveries): a title and short plain text.
import type { OutboundMessage } from "../../../domain/notifications/messages.ts";
import { escapeMrkdwn, plain, section, type SlackMessage } from "./text.ts";

type Notice = Extract<OutboundMessage, { type: "notice" }>;

export function noticeMessage(message: Notice): SlackMessage {
  return {
    text: `${message.title}: ${message.text}`,
    blocks: [{ type: "header", text: plain(message.title, 150) }, section(escapeMrkdwn(message.text))],
  };
}
