// Kudos as Slack shows them: the DM to each recipient and the public post in the kudos channel.
import type { OutboundMessage } from "../../../domain/notifications/messages.ts";
import {
  context,
  escapedText,
  escapeMrkdwn,
  joinNames,
  quote,
  section,
  slackMarkup,
  type SlackMarkup,
  type SlackMessage,
} from "./text.ts";

type KudosReceived = Extract<OutboundMessage, { type: "kudos.received" }>;
type KudosAnnounced = Extract<OutboundMessage, { type: "kudos.announced" }>;

/** A real mention for someone with a Slack identity (notified, and shown with their current name), else the escaped name. */
function personRef(name: string, slackUserId: string | null | undefined): SlackMarkup {
  return slackMarkup(slackUserId && /^[UW][A-Z0-9]+$/.test(slackUserId) ? `<@${slackUserId}>` : escapeMrkdwn(name));
}

export function kudosReceivedMessage(message: KudosReceived): SlackMessage {
  const giver = personRef(message.giverName, message.giverSlackUserId);
  const isPrivate = message.visibility === "private";
  const headline = isPrivate ? `:lock: *${giver}* gave you private kudos` : `:tada: *${giver}* gave you kudos`;
  const details = [
    ...(message.value ? [`Company value: *#${escapeMrkdwn(message.value)}*`] : []),
    ...(isPrivate ? ["Private: only you can see this kudos, and it isn't posted anywhere."] : []),
  ];
  return {
    text: escapedText`${giver} gave you ${isPrivate ? "private " : ""}kudos`,
    blocks: [section(headline), section(quote(message.message)), ...(details.length > 0 ? [context(...details)] : [])],
  };
}

export function kudosAnnouncedMessage(message: KudosAnnounced): SlackMessage {
  const giver = personRef(message.giverName, message.giverSlackUserId);
  const named = message.recipientNames.map(
    (name, index) => personRef(name, message.recipientSlackUserIds?.[index]).markup,
  );
  const recipients = joinNames(named.map((name) => `*${name}*`));
  return {
    text: escapedText`${giver} gave kudos to ${slackMarkup(joinNames(named))}`,
    blocks: [
      section(`:clap: *${giver}* gave kudos to ${recipients}`),
      section(quote(message.message)),
      ...(message.value ? [context(`Company value: *#${escapeMrkdwn(message.value)}*`)] : []),
    ],
  };
}
