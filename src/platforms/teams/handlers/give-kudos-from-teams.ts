// Giving kudos from Teams, shared by the typed command (`kudos @Alice @Bob thanks for the demo #teamwork`) and the
// kudos dialog: identify the giver and each recipient, remember the team channel, record through the domain with
// the activity as the request key, and wake the outbox. The one way a Teams kudos reaches giveKudos.
import type { ChannelAccount, TurnContext } from "botbuilder";
import { rememberTeamsChannel } from "../../../domain/directory/teams-channels.ts";
import { findTeamsPerson } from "../../../domain/directory/teams-people.ts";
import { giveKudos, type GiveKudosResult } from "../../../domain/kudos/give-kudos.ts";
import { splitValueTag } from "../../../domain/kudos/kudos.schemas.ts";
import type { PersonRecord } from "../../../domain/people/person.ts";
import { activityKey, teamChannelOf, tenantIdOf } from "../activity.ts";
import { identifyActor, identifyMember } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { kudosResultText } from "./kudos-result.ts";

/** A recipient as Teams names them: a mention (a "29:" id and a name) or a people-picker choice (an AAD object id). */
export interface TeamsKudosRecipient {
  id: string;
  name?: string;
  role?: string;
  aadObjectId?: string;
}

export interface TeamsKudosRequest {
  recipients: TeamsKudosRecipient[];
  message: string;
  value: string | null;
  visibility: "public" | "private";
  /** Told each recipient as they are identified (the dialog shows their names if it has to come back). */
  onRecipient?: (index: number, person: PersonRecord) => void;
}

export async function giveKudosFromTeams(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  request: TeamsKudosRequest,
): Promise<GiveKudosResult> {
  const { domain } = deps;
  const giver = await identifyActor(domain, context);
  const recipients: PersonRecord[] = [];
  for (const [index, account] of request.recipients.entries()) {
    const person = await recipientFor(deps, context, account);
    request.onRecipient?.(index, person);
    recipients.push(person);
  }
  const channel = teamChannelOf(context.activity);
  if (channel) await rememberTeamsChannel(domain, channel);
  const result = await giveKudos(domain, {
    giverId: giver.id,
    recipientIds: recipients.map((person) => person.id),
    message: request.message,
    value: request.value,
    visibility: request.visibility,
    platform: "teams",
    requestKey: activityKey(context.activity),
    channel: channel ? { kind: "teams-channel", conversationId: channel.conversationId } : null,
  });
  deps.kickDeliveries();
  return result;
}

/** A picked AAD object id Momentum already knows answers at once; anyone else is asked of Teams. */
async function recipientFor(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  account: TeamsKudosRecipient,
): Promise<PersonRecord> {
  const known = account.aadObjectId
    ? await findTeamsPerson(deps.domain, { tenantId: tenantIdOf(context.activity), aadObjectId: account.aadObjectId })
    : null;
  return known ?? identifyMember(deps.domain, context, account);
}

/** The typed command: mentions are the recipients, `#value` is split off the text, and the kudos is public. */
export async function giveKudosFromText(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  mentions: ChannelAccount[],
  text: string,
): Promise<void> {
  const { message, value } = splitValueTag(text);
  const result = await giveKudosFromTeams(deps, context, {
    // A mention is always asked of Teams (which also opens a personal chat with someone Momentum can't reach yet).
    recipients: mentions.map(({ id, name, role }) => ({ id, name, role })),
    message,
    value,
    visibility: "public",
  });
  // The same message delivered again: the first delivery stored the kudos and answered.
  if (result.duplicate) return;
  await context.sendActivity(kudosResultText(result, value));
}
