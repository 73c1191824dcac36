// Kudos as Slack shows them: the DM to each recipient and the public post in the kudos channel.
import type { OutboundMessage } from "../../../domain/notifications/messages.ts";
import { context, escapeMrkdwn, joinNames, quote, section, type SlackMessage } from "./text.ts";

type KudosReceived = Extract<OutboundMessage, { type: "kudos.received" }>;
type KudosAnnounced = Extract<OutboundMessage, { type: "kudos.announced" }>;

export function kudosReceivedMessage(message: KudosReceived): SlackMessage {
  const giver = escapeMrkdwn(message.giverName);
  const isPrivate = message.visibility === "private";
  const headline = isPrivate ? `:lock: *${giver}* gave you private kudos` : `:tada: *${giver}* gave you kudos`;
  const details = [
    ...(message.value ? [`Company value: *#${escapeMrkdwn(message.value)}*`] : []),
    ...(isPrivate ? ["Private: only you can see this kudos, and it isn't posted anywhere."] : []),
  ];
  return {
    text: `${message.giverName} gave you ${isPrivate ? "private " : ""}kudos`,
    blocks: [section(headline), section(quote(message.message)), ...(details.length > 0 ? [context(...details)] : [])],
  };
}

export function kudosAnnouncedMessage(message: KudosAnnounced): SlackMessage {
  const giver = escapeMrkdwn(message.giverName);
  const recipients = joinNames(message.recipientNames.map((name) => `*${escapeMrkdwn(name)}*`));
  return {
    text: `${message.giverName} gave kudos to ${joinNames(message.recipientNames)}`,
    blocks: [
      section(`:clap: *${giver}* gave kudos to ${recipients}`),
      section(quote(message.message)),
      ...(message.value ? [context(`Company value: *#${escapeMrkdwn(message.value)}*`)] : []),
    ],
  };
}
