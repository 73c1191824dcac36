// `kudos @Alice @Bob thanks for the demo #teamwork`, in a personal chat or a channel.
import type { ChannelAccount, TurnContext } from "botbuilder";
import { giveKudos } from "../../../domain/kudos/give-kudos.ts";
import { splitValueTag } from "../../../domain/kudos/kudos.schemas.ts";
import type { PersonRecord } from "../../../domain/people/person.ts";
import { activityKey, teamChannelOf } from "../activity.ts";
import { identifyActor, identifyMember } from "../identity.ts";
import { rememberTeamsChannel } from "../../../domain/directory/teams-channels.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { kudosResultText } from "./kudos-result.ts";

export async function giveKudosFromText(deps: TeamsHandlerDeps, context: TurnContext, mentions: ChannelAccount[], text: string): Promise<void> {
  const { domain } = deps;
  const giver = await identifyActor(domain, context);
  const recipients: PersonRecord[] = [];
  for (const mention of mentions) recipients.push(await identifyMember(domain, context, mention));
  const channel = teamChannelOf(context.activity);
  if (channel) await rememberTeamsChannel(domain, channel);
  const { message, value } = splitValueTag(text);
  const result = await giveKudos(domain, {
    giverId: giver.id,
    recipientIds: recipients.map((person) => person.id),
    message,
    value,
    visibility: "public",
    platform: "teams",
    requestKey: activityKey(context.activity),
    channel: channel ? { kind: "teams-channel", conversationId: channel.conversationId } : null,
  });
  deps.kickDeliveries();
  await context.sendActivity(kudosResultText(result, value));
}
