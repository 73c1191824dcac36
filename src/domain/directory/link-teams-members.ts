// Links Teams roster members to people: by the AAD object id of an identity already known, else by email, else by
// UPN (normalised), and only members of the team's own tenant (a guest from another organisation is never
// linked). The platform then opens a personal chat with each linked person who has none and stores its
// reference here; a refusal is stored as the reason. Never by display name.
import { randomUUID } from "node:crypto";
import { Prisma } from "../../db/database.ts";
import type { DomainContext } from "../context.ts";
import { normaliseEmail } from "../people/person.ts";
import { recordReachability } from "./record-reachability.ts";
import type { ReachFinding } from "./reach.ts";

export interface TeamsRosterMember {
  /** The "29:…" id, per bot: the one createConversation takes. */
  teamsUserId: string;
  aadObjectId: string | null;
  email: string | null;
  userPrincipalName: string | null;
  tenantId: string | null;
  name: string;
}

export interface LinkedTeamsMember {
  identityId: string;
  personId: string;
  teamsUserId: string;
  aadObjectId: string;
  name: string;
  /** False: Momentum has no personal chat with them yet; the platform should open one. */
  hasConversation: boolean;
}

export interface LinkTeamsMembersResult {
  linked: LinkedTeamsMember[];
  /** Identities created by this call. */
  created: number;
  /** Members skipped because they belong to another tenant. */
  foreign: number;
}

export async function linkTeamsMembers(
  ctx: DomainContext,
  options: { tenantId: string; members: TeamsRosterMember[] },
): Promise<LinkTeamsMembersResult> {
  const now = ctx.clock.now();
  const own = options.members.filter(
    (member) => member.aadObjectId && (!member.tenantId || member.tenantId === options.tenantId),
  );
  const foreign = options.members.length - own.length;
  if (own.length === 0) return { linked: [], created: 0, foreign };

  return ctx.prisma.$transaction(
    async (tx) => {
      const known = await tx.teamsIdentity.findMany({
        where: { tenantId: options.tenantId, aadObjectId: { in: own.map((member) => member.aadObjectId!) } },
        select: {
          id: true,
          personId: true,
          aadObjectId: true,
          teamsUserId: true,
          conversationReference: true,
          person: { select: { active: true } },
        },
      });
      const byAad = new Map(known.map((identity) => [identity.aadObjectId, identity]));
      const addresses = own.flatMap((member) =>
        [member.email, member.userPrincipalName].flatMap((value) => (value ? [normaliseEmail(value)] : [])),
      );
      const people = await tx.person.findMany({
        where: { active: true, email: { in: [...new Set(addresses)] } },
        select: { id: true, email: true },
      });
      const personByEmail = new Map(people.map((person) => [person.email, person.id]));
      const withIdentity = new Set(
        (
          await tx.teamsIdentity.findMany({
            where: { tenantId: options.tenantId, personId: { in: people.map((person) => person.id) } },
            select: { personId: true },
          })
        ).map((identity) => identity.personId),
      );

      const linked: LinkedTeamsMember[] = [];
      const creates: Prisma.TeamsIdentityCreateManyInput[] = [];
      for (const member of own) {
        const identity = byAad.get(member.aadObjectId!);
        if (identity) {
          if (!identity.person.active) continue;
          if (identity.teamsUserId !== member.teamsUserId)
            await tx.teamsIdentity.update({
              where: { id: identity.id },
              data: { teamsUserId: member.teamsUserId, updatedAt: now },
            });
          linked.push({
            identityId: identity.id,
            personId: identity.personId,
            teamsUserId: member.teamsUserId,
            aadObjectId: identity.aadObjectId,
            name: member.name,
            hasConversation: identity.conversationReference !== null,
          });
          continue;
        }
        const email = member.email ? normaliseEmail(member.email) : null;
        const upn = member.userPrincipalName ? normaliseEmail(member.userPrincipalName) : null;
        const personId = (email && personByEmail.get(email)) || (upn && personByEmail.get(upn)) || null;
        // Someone with another Teams account in this tenant already (a second account, a re-created one) keeps it.
        if (!personId || withIdentity.has(personId)) continue;
        withIdentity.add(personId);
        const id = randomUUID();
        creates.push({
          id,
          personId,
          tenantId: options.tenantId,
          aadObjectId: member.aadObjectId!,
          teamsUserId: member.teamsUserId,
          createdAt: now,
          updatedAt: now,
        });
        linked.push({
          identityId: id,
          personId,
          teamsUserId: member.teamsUserId,
          aadObjectId: member.aadObjectId!,
          name: member.name,
          hasConversation: false,
        });
      }
      if (creates.length > 0) await tx.teamsIdentity.createMany({ data: creates, skipDuplicates: true });
      return { linked, created: creates.length, foreign };
    },
    { timeout: 120_000 },
  );
}

/** Stores the personal chat the platform opened, so every proactive message can reach the person. */
export async function storePersonalConversation(
  ctx: DomainContext,
  identityId: string,
  reference: object,
): Promise<void> {
  await ctx.prisma.teamsIdentity.updateMany({
    where: { id: identityId, conversationReference: { equals: Prisma.DbNull } },
    data: { conversationReference: reference, updatedAt: ctx.clock.now() },
  });
}

/**
 * Records Teams reach after rosters were read. `complete`: every team Momentum is in was read, so an active person
 * seen in none shares no team with Momentum. Refused chats keep their own reason.
 */
export async function recordTeamsReach(
  ctx: DomainContext,
  options: { reachable: string[]; refused: string[]; complete: boolean },
): Promise<ReachFinding[]> {
  const now = ctx.clock.now();
  const findings: ReachFinding[] = [
    ...options.reachable.map((personId): ReachFinding => ({
      personId,
      platform: "teams",
      reachable: true,
      reason: null,
    })),
    ...options.refused.map((personId): ReachFinding => ({
      personId,
      platform: "teams",
      reachable: false,
      reason: "teams_chat_refused",
    })),
  ];
  if (options.complete) {
    const seen = new Set([...options.reachable, ...options.refused]);
    const others = await ctx.prisma.person.findMany({
      where: { active: true, teamsIdentities: { none: { NOT: { conversationReference: { equals: Prisma.DbNull } } } } },
      select: { id: true },
    });
    for (const person of others)
      if (!seen.has(person.id))
        findings.push({ personId: person.id, platform: "teams", reachable: false, reason: "teams_no_shared_team" });
  }
  await ctx.prisma.$transaction((tx) => recordReachability(tx, findings, now));
  return findings;
}

/** The team Momentum was added to, kept for the daily roster read. */
export async function rememberTeamsTeam(
  ctx: DomainContext,
  team: { tenantId: string; teamId: string; name: string; reference: object },
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.prisma.teamsTeam.upsert({
    where: { teamId: team.teamId },
    create: {
      tenantId: team.tenantId,
      teamId: team.teamId,
      name: team.name,
      conversationReference: team.reference,
      createdAt: now,
      updatedAt: now,
    },
    update: { name: team.name, conversationReference: team.reference, removedAt: null, updatedAt: now },
  });
}

export async function listTeamsTeams(
  ctx: DomainContext,
): Promise<{ teamId: string; tenantId: string; reference: unknown }[]> {
  const teams = await ctx.prisma.teamsTeam.findMany({
    where: { removedAt: null },
    select: { teamId: true, tenantId: true, conversationReference: true },
    orderBy: { createdAt: "asc" },
  });
  return teams.map((team) => ({ teamId: team.teamId, tenantId: team.tenantId, reference: team.conversationReference }));
}

/** The Bot Connector answered 403 for the roster: Momentum was removed from the team. */
export async function markTeamsTeamRemoved(ctx: DomainContext, teamId: string): Promise<void> {
  await ctx.prisma.teamsTeam.updateMany({ where: { teamId }, data: { removedAt: ctx.clock.now() } });
}
