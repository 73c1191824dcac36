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

export async function resolvePerson(prisma: PrismaClient, personId: string, enabled: ReadonlySet<PlatformName>): Promise<ResolvedPerson | null> {
  const person = await prisma.person.findUnique({
    where: { id: personId },
    select: {
      active: true,
      timeZone: true,
      awayUntil: true,
      workdayStart: true,
      workdayEnd: true,
      preferredPlatform: true,
      slackIdentities: { select: { teamId: true, userId: true, dmChannel: true }, orderBy: { createdAt: "desc" }, take: 1 },
      teamsIdentities: {
        select: { tenantId: true, aadObjectId: true, teamsUserId: true, conversationReference: true },
        orderBy: { updatedAt: "desc" },
      },
    },
  });
  if (!person) return null;
  const slack = person.slackIdentities[0];
  const teams = person.teamsIdentities.find((identity) => identity.conversationReference);
  const options: Recipient[] = [];
  if (slack && enabled.has("slack")) options.push({ platform: "slack", personId, ...slack });
  if (teams && enabled.has("teams")) options.push({ platform: "teams", personId, ...teams });
  options.sort((a, b) => Number(b.platform === person.preferredPlatform) - Number(a.platform === person.preferredPlatform));
  return { ...person, recipient: options[0] ?? null };
}
