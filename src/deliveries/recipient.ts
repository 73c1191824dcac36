// Resolves a person target to the identity Momentum can reach: the platform they used last, else any other.
import type { PrismaClient } from "../db/database.ts";
import type { PlatformName, Recipient } from "../domain/notifications/notifier.ts";

export interface ResolvedPerson {
  active: boolean;
  timeZone: string;
  awayUntil: string | null;
  workdayStart: string | null;
  workdayEnd: string | null;
  recipient: Recipient | null;
}

const PERSON_SELECT = {
  id: true,
  active: true,
  timeZone: true,
  awayUntil: true,
  workdayStart: true,
  workdayEnd: true,
  preferredPlatform: true,
  // A Slack account reported deleted is never messaged (src/domain/directory/link-slack-members.ts).
  slackIdentities: { where: { deactivatedAt: null }, select: { teamId: true, userId: true, dmChannel: true }, orderBy: { createdAt: "desc" }, take: 1 },
  teamsIdentities: {
    select: { tenantId: true, aadObjectId: true, teamsUserId: true, conversationReference: true },
    orderBy: { updatedAt: "desc" },
  },
} as const;

export async function resolvePerson(prisma: PrismaClient, personId: string, enabled: ReadonlySet<PlatformName>): Promise<ResolvedPerson | null> {
  return (await resolvePeople(prisma, [personId], enabled)).get(personId) ?? null;
}

/** One query for a whole claimed batch: the worker resolves every recipient of a claim at once. */
export async function resolvePeople(prisma: PrismaClient, personIds: string[], enabled: ReadonlySet<PlatformName>): Promise<Map<string, ResolvedPerson>> {
  const resolved = new Map<string, ResolvedPerson>();
  if (personIds.length === 0) return resolved;
  const people = await prisma.person.findMany({ where: { id: { in: [...new Set(personIds)] } }, select: PERSON_SELECT });
  for (const person of people) {
    const slack = person.slackIdentities[0];
    const teams = person.teamsIdentities.find((identity) => identity.conversationReference);
    const options: Recipient[] = [];
    if (slack && enabled.has("slack")) options.push({ platform: "slack", personId: person.id, ...slack });
    if (teams && enabled.has("teams")) options.push({ platform: "teams", personId: person.id, ...teams });
    options.sort((a, b) => Number(b.platform === person.preferredPlatform) - Number(a.platform === person.preferredPlatform));
    resolved.set(person.id, { ...person, recipient: options[0] ?? null });
  }
  return resolved;
}
