// Resolves a person target to the identity Momentum can reach: the platform they used last, else any other.
import type { PrismaClient } from "../db/database.ts";
import type { PlatformName, Recipient } from "../domain/notifications/notifier.ts";
import { closuresCovering, loadClosures, type ClosureRange } from "../domain/schedule/days-off.ts";

export interface ResolvedPerson {
  active: boolean;
  timeZone: string;
  awayUntil: string | null;
  workdayStart: string | null;
  workdayEnd: string | null;
  id: string;
  managerId: string | null;
  holidayCalendar: string | null;
  manager: { teamHolidayCalendar: string | null } | null;
  /** Closure days covering this person: the send window holds messages through them like a weekend. */
  closures: ClosureRange[];
  recipient: Recipient | null;
}

const PERSON_SELECT = {
  id: true,
  active: true,
  timeZone: true,
  awayUntil: true,
  workdayStart: true,
  workdayEnd: true,
  managerId: true,
  holidayCalendar: true,
  manager: { select: { teamHolidayCalendar: true } },
  preferredPlatform: true,
  // A Slack account reported deleted is never messaged (src/domain/directory/link-slack-members.ts).
  slackIdentities: {
    where: { deactivatedAt: null },
    select: { teamId: true, userId: true, dmChannel: true },
    orderBy: { createdAt: "desc" },
    take: 1,
  },
  teamsIdentities: {
    select: { tenantId: true, aadObjectId: true, teamsUserId: true, conversationReference: true },
    orderBy: { updatedAt: "desc" },
  },
} as const;

/** One person, after the directory linked them (the worker's last try before "no chat identity"). */
export async function resolvePerson(
  prisma: PrismaClient,
  personId: string,
  enabled: ReadonlySet<PlatformName>,
  now: Date,
): Promise<ResolvedPerson | null> {
  return (await resolvePeople(prisma, [personId], enabled, now)).get(personId) ?? null;
}

/** Two queries for a whole claimed batch (the people, the closures): the worker resolves every recipient at once. */
export async function resolvePeople(
  prisma: PrismaClient,
  personIds: string[],
  enabled: ReadonlySet<PlatformName>,
  now: Date,
): Promise<Map<string, ResolvedPerson>> {
  const resolved = new Map<string, ResolvedPerson>();
  if (personIds.length === 0) return resolved;
  const [people, closures] = await Promise.all([
    prisma.person.findMany({ where: { id: { in: [...new Set(personIds)] } }, select: PERSON_SELECT }),
    loadClosures(prisma, now),
  ]);
  for (const person of people) {
    const slack = person.slackIdentities[0];
    const teams = person.teamsIdentities.find((identity) => identity.conversationReference);
    const options: Recipient[] = [];
    if (slack && enabled.has("slack")) options.push({ platform: "slack", personId: person.id, ...slack });
    if (teams && enabled.has("teams")) options.push({ platform: "teams", personId: person.id, ...teams });
    options.sort(
      (a, b) => Number(b.platform === person.preferredPlatform) - Number(a.platform === person.preferredPlatform),
    );
    resolved.set(person.id, { ...person, closures: closuresCovering(person, closures), recipient: options[0] ?? null });
  }
  return resolved;
}
