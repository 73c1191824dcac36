// Reads of the Teams identities Momentum knows in a tenant: who can be offered in a people picker, who an AAD
// object id is, and where a person's personal chat is. Writes happen in identify-teams-user and link-teams-members.
import type { DomainContext } from "../context.ts";
import type { PersonRecord, Role } from "../people/person.ts";
import { PERSON_FIELDS } from "../people/provision-person.ts";

export interface KnownTeamsPerson {
  aadObjectId: string;
  personId: string;
  name: string;
  role: Role;
}

type Reader = Pick<DomainContext, "prisma">;

/** Active people with a Teams identity in this tenant, by name, at most `limit`. */
export async function listKnownTeamsPeople(
  ctx: Reader,
  options: { tenantId: string; limit: number },
): Promise<KnownTeamsPerson[]> {
  const identities = await ctx.prisma.teamsIdentity.findMany({
    where: { tenantId: options.tenantId, person: { active: true } },
    select: { aadObjectId: true, personId: true, person: { select: { name: true, role: true } } },
    orderBy: { person: { name: "asc" } },
    take: options.limit,
  });
  return identities.map((identity) => ({
    aadObjectId: identity.aadObjectId,
    personId: identity.personId,
    name: identity.person.name,
    role: identity.person.role as Role,
  }));
}

/** The person behind an AAD object id of this tenant, or null when Momentum has not met them yet. */
export async function findTeamsPerson(
  ctx: Reader,
  options: { tenantId: string; aadObjectId: string },
): Promise<PersonRecord | null> {
  const known = await ctx.prisma.teamsIdentity.findUnique({
    where: { tenantId_aadObjectId: { tenantId: options.tenantId, aadObjectId: options.aadObjectId } },
    select: { person: { select: PERSON_FIELDS } },
  });
  return (known?.person as PersonRecord | undefined) ?? null;
}

/** The stored personal-chat reference of a Teams user (by AAD object id), or null when there is none yet. */
export async function teamsPersonalConversation(
  ctx: Reader,
  options: { tenantId: string; aadObjectId: string },
): Promise<unknown> {
  const identity = await ctx.prisma.teamsIdentity.findUnique({
    where: { tenantId_aadObjectId: { tenantId: options.tenantId, aadObjectId: options.aadObjectId } },
    select: { conversationReference: true },
  });
  return identity?.conversationReference ?? null;
}

/** A Teams identity by its "29:" user id, and whether Momentum already has a personal chat with it. */
export async function findTeamsIdentityByUserId(
  ctx: Reader,
  options: { tenantId: string; teamsUserId: string },
): Promise<{ identityId: string; hasConversation: boolean } | null> {
  const identity = await ctx.prisma.teamsIdentity.findFirst({
    where: { tenantId: options.tenantId, teamsUserId: options.teamsUserId },
    select: { id: true, conversationReference: true },
  });
  return identity ? { identityId: identity.id, hasConversation: identity.conversationReference !== null } : null;
}
