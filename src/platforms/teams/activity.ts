// Reading what Teams sends: scope, tenant, the channel a message came from, and the command text with mentions.
import { TurnContext, type Activity, type ChannelAccount, type ConversationReference } from "botbuilder";

export function isPersonalChat(activity: Activity): boolean {
  return activity.conversation?.conversationType === "personal";
}

export function tenantIdOf(activity: Activity): string {
  return (
    activity.conversation?.tenantId ??
    (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ??
    ""
  );
}

/** `teams:<conversation id>:<activity id>`: the durable key of one inbound activity (Teams can deliver twice). */
export function activityKey(activity: Activity): string {
  return `teams:${activity.conversation?.id}:${activity.id}`;
}

export interface TeamChannelInfo {
  tenantId: string;
  /** The channel's own conversation id (without a reply thread's ";messageid=…"): proactive posts go here. */
  conversationId: string;
  name: string;
  reference: Partial<ConversationReference>;
}

/** The team channel an activity came from, or null in personal and group chats. */
export function teamChannelOf(activity: Activity): TeamChannelInfo | null {
  const data = activity.channelData as
    { team?: { id?: string; name?: string }; channel?: { id?: string; name?: string } } | undefined;
  if (activity.conversation?.conversationType !== "channel" && !data?.team?.id) return null;
  const conversationId = data?.channel?.id ?? data?.team?.id ?? activity.conversation.id.split(";")[0];
  const reference = TurnContext.getConversationReference(activity);
  reference.conversation = { ...reference.conversation!, id: conversationId };
  delete reference.activityId;
  const name = data?.channel?.name ?? (data?.team?.name ? `${data.team.name} · General` : "General");
  return { tenantId: tenantIdOf(activity), conversationId, name, reference };
}

/** The personal chat reference to store for proactive DMs (without the incoming activity id). */
export function personalReferenceOf(activity: Activity): Partial<ConversationReference> {
  const reference = TurnContext.getConversationReference(activity);
  delete reference.activityId;
  return reference;
}

export interface ParsedText {
  /** The words after the bot's own mention, with other people's mentions removed. */
  words: string;
  /** People mentioned, in order, without the bot and without repeats. */
  mentions: ChannelAccount[];
}

/** Splits a message into its plain words and the people it mentions (Teams `mention` entities). */
export function parseMessageText(activity: Activity): ParsedText {
  const botId = activity.recipient?.id;
  const mentions: ChannelAccount[] = [];
  let text = activity.text ?? "";
  for (const entity of activity.entities ?? []) {
    if (entity.type !== "mention") continue;
    const mentioned = entity.mentioned as ChannelAccount | undefined;
    const tag = typeof entity.text === "string" ? entity.text : undefined;
    if (tag) text = text.split(tag).join(" ");
    if (!mentioned?.id || mentioned.id === botId) continue;
    if (!mentions.some((known) => known.id === mentioned.id)) mentions.push(mentioned);
  }
  const words = text
    .replace(/<at>[^<]*<\/at>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return { words, mentions };
}
