// Who is acting or being mentioned, as Momentum people. Member details come from the Bot Connector
// (TeamsInfo.getMember); the personal chat reference is stored whenever one is seen, so later DMs work.
import { TeamsInfo, type Activity, type ChannelAccount, type TeamsChannelAccount, type TurnContext } from "botbuilder";
import { identifyTeamsUser, type TeamsProfile } from "../../domain/people/identify-teams-user.ts";
import type { PersonRecord } from "../../domain/people/person.ts";
import type { DomainContext } from "../../domain/context.ts";
import { AppError } from "../../shared/errors.ts";
import { storePersonalConversation } from "../../domain/directory/link-teams-members.ts";
import { findTeamsIdentityByUserId } from "../../domain/directory/teams-people.ts";
import { preferPlatform } from "../../domain/people/prefer-platform.ts";
import { isPersonalChat, personalReferenceOf, tenantIdOf } from "./activity.ts";
import { openPersonalChat } from "./directory.ts";
import { logWarning } from "../../shared/log-error.ts";

/** Bot accounts in Teams have ids starting with "28:"; people have "29:" (or an AAD object id). */
export function isBotAccount(account: Pick<ChannelAccount, "id" | "role">): boolean {
  return account.id.startsWith("28:") || account.role === "bot";
}

function connectorStatus(error: unknown): number | undefined {
  return (error as { statusCode?: number })?.statusCode;
}

/** Looks a member up by Teams user id or AAD object id; null when Teams doesn't know them here. */
export async function lookupMember(context: TurnContext, userId: string): Promise<TeamsChannelAccount | null> {
  try {
    return await TeamsInfo.getMember(context, userId);
  } catch (error) {
    const status = connectorStatus(error);
    if (status === 404 || status === 400 || status === 403) return null;
    throw error;
  }
}

export function profileOf(activity: Activity, member: TeamsChannelAccount): TeamsProfile {
  return {
    tenantId: member.tenantId ?? tenantIdOf(activity),
    aadObjectId: member.aadObjectId ?? "",
    teamsUserId: member.id,
    name: member.name ?? member.givenName ?? "",
    email: member.email ?? member.userPrincipalName ?? null,
  };
}

/** The person acting in this activity; their zone and (in a personal chat) their DM reference are kept current. */
export async function identifyActor(domain: DomainContext, context: TurnContext): Promise<PersonRecord> {
  const activity = context.activity;
  const member = await lookupMember(context, activity.from.id);
  if (!member)
    throw new AppError(
      "NOT_FOUND",
      "Teams didn't tell me who you are, so I can't do that. Please try again in a moment.",
    );
  const person = await identifyTeamsUser(domain, {
    ...profileOf(activity, { ...member, aadObjectId: member.aadObjectId ?? activity.from.aadObjectId }),
    timeZone: activity.localTimezone ?? null,
    conversationReference: isPersonalChat(activity) ? personalReferenceOf(activity) : undefined,
  });
  // Acting on Teams means this is where they are: DMs go here first.
  await preferPlatform(domain, person.id, "teams");
  return person;
}

/**
 * A mentioned or picked person. `who` names them in error messages. Bots are refused; someone Teams doesn't
 * know here is an unknown recipient.
 */
export async function identifyMember(
  domain: DomainContext,
  context: TurnContext,
  account: { id: string; name?: string; role?: string },
): Promise<PersonRecord> {
  const who = account.name?.trim() || "that person";
  if (isBotAccount({ id: account.id, role: account.role }))
    throw new AppError("VALIDATION", `${who} is a bot: kudos are for people.`);
  const member = await lookupMember(context, account.id);
  if (!member) throw new AppError("NOT_FOUND", `I couldn't find ${who} in this team. Check the name and try again.`);
  if (isBotAccount(member)) throw new AppError("VALIDATION", `${who} is a bot: kudos are for people.`);
  const person = await identifyTeamsUser(domain, profileOf(context.activity, member));
  await reachPersonally(domain, context, member);
  return person;
}

/**
 * A person met in a team has no personal chat with Momentum yet. Where the app is installed for them (it is,
 * once it's in their team), the bot may open the 1:1 conversation itself and store its reference; where it is
 * not (403/404), nothing is stored and the caller reports them as unreachable.
 */
async function reachPersonally(
  domain: DomainContext,
  context: TurnContext,
  member: TeamsChannelAccount,
): Promise<void> {
  const tenantId = member.tenantId ?? tenantIdOf(context.activity);
  const identity = await findTeamsIdentityByUserId(domain, { tenantId, teamsUserId: member.id });
  if (!identity || identity.hasConversation) return;
  try {
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const reference = await openPersonalChat({ sleep }, context, tenantId, {
      teamsUserId: member.id,
      aadObjectId: member.aadObjectId ?? "",
      name: member.name ?? "",
    });
    if (reference) await storePersonalConversation(domain, identity.identityId, reference);
  } catch (error) {
    logWarning(domain.logger, error, "could not open a personal chat with a Teams member");
  }
}
