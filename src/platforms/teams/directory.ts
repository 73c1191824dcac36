// The Teams side of reach. When Momentum is added to a team, and daily for every team it is in, the team's roster
// is read page by page (TeamsInfo.getPagedTeamMembers), members are linked to people (same tenant; AAD object id,
// email or UPN), and a personal chat is opened (createConversation with the tenant and the member's id) with each
// linked person who has none, its reference stored for the outbox. Roster reads run through a proactive turn
// from the team's stored reference, so they work outside any incoming request.
import {
  TeamsInfo,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  type TeamsChannelAccount,
  type TurnContext,
} from "botbuilder";
import type { ConnectorClient } from "botframework-connector";
import { platformLimit, type RateLimit, type RateLimiter } from "../../deliveries/rate-limiter.ts";
import type { DomainContext } from "../../domain/context.ts";
import type { DirectoryConnector, DirectorySyncSummary } from "../../domain/directory/directory-ports.ts";
import {
  linkTeamsMembers,
  listTeamsTeams,
  markTeamsTeamRemoved,
  recordTeamsReach,
  rememberTeamsTeam,
  storePersonalConversation,
  type LinkedTeamsMember,
  type TeamsRosterMember,
} from "../../domain/directory/link-teams-members.ts";
import { summarise } from "../../domain/directory/sync-slack-directory.ts";
import type { Logger } from "../../shared/logger.ts";
import { tenantIdOf } from "./activity.ts";
import { logWarning } from "../../shared/log-error.ts";

/** Roster page size; Microsoft allows up to 500. */
export const ROSTER_PAGE = 500;
/**
 * createConversation shares the per-app, per-tenant ceiling (30 requests/s in Microsoft's repo copy) with the
 * outbox's sends: opening chats takes at most a third of it.
 */
export const CREATE_CONVERSATION_LIMIT = platformLimit("teams:create-conversation", 10);

export interface TeamsDirectoryDeps {
  domain: DomainContext;
  logger: Logger;
  adapter: CloudAdapter;
  appId: string;
  rateLimiter?: RateLimiter;
  /** The bucket chats are opened under (default CREATE_CONVERSATION_LIMIT; the bench scales it with time). */
  createConversationLimit?: RateLimit;
  sleep(ms: number): Promise<void>;
}

export interface TeamReach {
  members: number;
  /** People linked to Teams by this read (they had no Teams identity before). */
  linked: number;
  reachable: string[];
  refused: string[];
}

const statusOf = (error: unknown) =>
  (error as { statusCode?: number })?.statusCode ?? (error as { response?: { status?: number } })?.response?.status;

/** Every member of the team, following continuation tokens. */
export async function readRoster(context: TurnContext, teamId: string): Promise<TeamsRosterMember[]> {
  const members: TeamsRosterMember[] = [];
  let token: string | undefined;
  do {
    const page = await TeamsInfo.getPagedTeamMembers(context, teamId, ROSTER_PAGE, token);
    members.push(...page.members.filter((member) => !member.id.startsWith("28:")).map(rosterMemberOf));
    token = page.continuationToken || undefined;
  } while (token);
  return members;
}

export function rosterMemberOf(member: TeamsChannelAccount): TeamsRosterMember {
  return {
    teamsUserId: member.id,
    aadObjectId: member.aadObjectId ?? null,
    email: member.email ?? null,
    userPrincipalName: member.userPrincipalName ?? null,
    tenantId: member.tenantId ?? null,
    name: member.name ?? "",
  };
}

/**
 * Opens the 1:1 chat with a member and returns the reference to store, or null when Teams refuses (403/404: the
 * app isn't available to them). 429s are waited out under the shared bucket.
 */
export async function openPersonalChat(
  deps: Pick<TeamsDirectoryDeps, "rateLimiter" | "createConversationLimit" | "sleep">,
  context: TurnContext,
  tenantId: string,
  member: Pick<LinkedTeamsMember, "teamsUserId" | "aadObjectId" | "name">,
): Promise<Partial<ConversationReference> | null> {
  const connector = context.turnState.get<ConnectorClient | undefined>(context.adapter.ConnectorClientKey);
  if (!connector) return null;
  const activity = context.activity;
  const limit = deps.createConversationLimit ?? CREATE_CONVERSATION_LIMIT;
  for (let attempt = 0; ; attempt++) {
    if (deps.rateLimiter) {
      const grant = await deps.rateLimiter.take(limit, 60_000);
      if (grant.waitMs > 0) await deps.sleep(grant.waitMs);
    }
    try {
      const created = await connector.conversations.createConversation({
        isGroup: false,
        bot: activity.recipient,
        members: [{ id: member.teamsUserId, name: member.name }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      } as ConversationParameters);
      return {
        channelId: activity.channelId,
        serviceUrl: activity.serviceUrl,
        bot: activity.recipient,
        user: { id: member.teamsUserId, name: member.name, aadObjectId: member.aadObjectId },
        conversation: { id: created.id, conversationType: "personal", tenantId, isGroup: false, name: "" },
        locale: activity.locale,
      };
    } catch (error) {
      const status = statusOf(error);
      if (status === 403 || status === 404) return null;
      if (status !== 429 || attempt >= 5) throw error;
      const seconds = Number(
        (error as { response?: { headers?: { get?(name: string): string | null } } })?.response?.headers?.get?.(
          "retry-after",
        ) ?? 1,
      );
      const waitMs = Math.max(1, Number.isFinite(seconds) ? seconds : 1) * 1000;
      await deps.rateLimiter?.penalise(limit, waitMs);
      await deps.sleep(waitMs);
    }
  }
}

/**
 * Chats opened at once. One createConversation takes a round trip to Microsoft (often longer than the gap the
 * bucket leaves between two), so a few in flight keep the bucket, not the latency, the limit; the bucket still
 * hands out every slot.
 */
export const CHAT_OPENERS = 4;

/** Links these members and opens a personal chat with each linked person who has none. */
export async function reachMembers(
  deps: TeamsDirectoryDeps,
  context: TurnContext,
  tenantId: string,
  members: TeamsRosterMember[],
): Promise<TeamReach> {
  const { linked, created, foreign } = await linkTeamsMembers(deps.domain, { tenantId, members });
  if (foreign > 0) deps.logger.info({ foreign }, "Teams members of another tenant were not linked");
  const reachable: string[] = [];
  const refused: string[] = [];
  const toOpen: LinkedTeamsMember[] = [];
  for (const member of linked) {
    if (member.hasConversation) reachable.push(member.personId);
    else toOpen.push(member);
  }
  let next = 0;
  let failure: { error: unknown } | undefined;
  const opener = async () => {
    while (!failure && next < toOpen.length) {
      const member = toOpen[next++];
      try {
        const reference = await openPersonalChat(deps, context, tenantId, member);
        if (!reference) {
          refused.push(member.personId);
          continue;
        }
        await storePersonalConversation(deps.domain, member.identityId, reference);
        reachable.push(member.personId);
      } catch (error) {
        // The first failure stops every opener; chats opened so far stay stored.
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHAT_OPENERS, toOpen.length) }, opener));
  if (failure) throw failure.error;
  return { members: members.length, linked: created, reachable, refused };
}

/** Reads one team's roster in a proactive turn from its stored reference. "removed": the bot is no longer in it. */
export async function reachTeam(
  deps: TeamsDirectoryDeps,
  team: { teamId: string; tenantId: string; reference: unknown },
): Promise<TeamReach | "removed"> {
  let result: TeamReach | "removed" | undefined;
  let failure: unknown;
  try {
    await deps.adapter.continueConversationAsync(
      deps.appId,
      team.reference as Partial<ConversationReference>,
      async (context) => {
        try {
          result = await reachMembers(deps, context, team.tenantId, await readRoster(context, team.teamId));
        } catch (error) {
          if (statusOf(error) === 403) result = "removed";
          else failure = error;
        }
      },
    );
  } catch (error) {
    failure ??= error;
  }
  if (failure) throw failure;
  if (result === "removed") await markTeamsTeamRemoved(deps.domain, team.teamId);
  return result ?? "removed";
}

/** Momentum was added to a team: remember it, then read its roster in the background (the request answers now). */
export async function onAddedToTeam(
  deps: TeamsDirectoryDeps & { track<T>(work: Promise<T>): Promise<T> },
  context: TurnContext,
  team: { teamId: string; name: string; reference: Partial<ConversationReference> },
): Promise<void> {
  const tenantId = tenantIdOf(context.activity);
  await rememberTeamsTeam(deps.domain, { tenantId, teamId: team.teamId, name: team.name, reference: team.reference });
  void deps
    .track(
      reachTeam(deps, { teamId: team.teamId, tenantId, reference: team.reference }).then(async (reach) => {
        if (reach !== "removed")
          await recordTeamsReach(deps.domain, { reachable: reach.reachable, refused: reach.refused, complete: false });
      }),
    )
    .catch((error: unknown) =>
      logWarning(deps.logger, error, "could not read the roster of a team Momentum was added to"),
    );
}

/** Members who joined a team Momentum is in: linked and given a personal chat now, within the turn. */
export async function onMembersJoined(
  deps: TeamsDirectoryDeps,
  context: TurnContext,
  accounts: { id: string }[],
): Promise<void> {
  const members: TeamsRosterMember[] = [];
  for (const account of accounts) {
    if (account.id.startsWith("28:")) continue;
    try {
      members.push(rosterMemberOf(await TeamsInfo.getMember(context, account.id)));
    } catch (error) {
      logWarning(deps.logger, error, "could not read a Teams member who joined a team");
    }
  }
  if (members.length === 0) return;
  const reach = await reachMembers(deps, context, tenantIdOf(context.activity), members);
  await recordTeamsReach(deps.domain, { reachable: reach.reachable, refused: reach.refused, complete: false });
}

/** The daily sync: every team's roster; people in none of them share no team with Momentum. */
export function createTeamsDirectoryConnector(deps: TeamsDirectoryDeps): DirectoryConnector {
  return {
    platform: "teams",
    async sync(): Promise<DirectorySyncSummary> {
      const reachable = new Set<string>();
      const refused = new Set<string>();
      let members = 0;
      let linked = 0;
      let complete = true;
      for (const team of await listTeamsTeams(deps.domain)) {
        try {
          const reach = await reachTeam(deps, team);
          if (reach === "removed") continue;
          members += reach.members;
          linked += reach.linked;
          reach.reachable.forEach((id) => reachable.add(id));
          reach.refused.forEach((id) => refused.add(id));
        } catch (error) {
          complete = false;
          logWarning(deps.logger, error, "could not read a Teams roster; its members keep their last known reach");
        }
      }
      const findings = await recordTeamsReach(deps.domain, {
        reachable: [...reachable],
        refused: [...refused].filter((id) => !reachable.has(id)),
        complete,
      });
      const summary = summarise("teams", members, linked, findings);
      deps.logger.info({ platform: "teams", members, linked, reachable: summary.reachable }, "Teams rosters synced");
      return summary;
    },
  };
}
