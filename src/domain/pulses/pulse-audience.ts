// Who a pulse asks: every active person Momentum can DM (a Slack identity, or a Teams identity with a stored
// conversation reference), or only those in the chosen managers' whole subtrees (the managers themselves belong to
// their own manager's team). One query for any org size; the subtrees are walked in memory.
import { Prisma } from "../../db/database.ts";
import type { DomainContext } from "../context.ts";
import type { PulseAudience } from "./pulse.schemas.ts";

const REACHABLE_ACTIVE_PERSON = {
  active: true,
  OR: [
    { slackIdentities: { some: {} } },
    { teamsIdentities: { some: { NOT: { conversationReference: { equals: Prisma.DbNull } } } } },
  ],
} satisfies Prisma.PersonWhereInput;

export interface PulseAudiencePerson {
  id: string;
  managerId: string | null;
  timeZone: string;
  awayUntil: string | null;
}

export async function loadPulseAudience(ctx: DomainContext, audience: PulseAudience): Promise<PulseAudiencePerson[]> {
  const people = await ctx.prisma.person.findMany({
    where: REACHABLE_ACTIVE_PERSON,
    select: { id: true, managerId: true, timeZone: true, awayUntil: true },
    orderBy: { id: "asc" },
  });
  if (audience.kind === "everyone") return people;
  const hierarchy = await ctx.prisma.person.findMany({
    where: { managerId: { not: null } },
    select: { id: true, managerId: true },
  });
  const inSubtree = subtreeMembers(hierarchy, audience.managerIds);
  return people.filter((person) => inSubtree.has(person.id));
}

/** Everyone below the given managers, at any depth (cycles in hand-edited data are walked once). */
export function subtreeMembers(edges: { id: string; managerId: string | null }[], managerIds: string[]): Set<string> {
  const reports = new Map<string, string[]>();
  for (const edge of edges) {
    if (!edge.managerId) continue;
    reports.set(edge.managerId, [...(reports.get(edge.managerId) ?? []), edge.id]);
  }
  const members = new Set<string>();
  const queue = [...managerIds];
  const visited = new Set<string>(managerIds);
  while (queue.length > 0) {
    for (const report of reports.get(queue.shift()!) ?? []) {
      if (visited.has(report)) continue;
      visited.add(report);
      members.add(report);
      queue.push(report);
    }
  }
  return members;
}
