import { DateTime } from "luxon";
import type { DomainContext } from "../context.ts";

export interface LeaderboardEntry {
  personId: string;
  name: string;
  count: number;
}

/** This month's top receivers in the viewer's time zone. Private kudos never count toward a public board. */
export async function kudosLeaderboard(
  ctx: DomainContext,
  options: { timeZone: string; limit?: number },
): Promise<{ monthLabel: string; entries: LeaderboardEntry[] }> {
  const monthStart = DateTime.fromJSDate(ctx.clock.now()).setZone(options.timeZone).startOf("month");
  const grouped = await ctx.prisma.kudos.groupBy({
    by: ["recipientId"],
    where: { visibility: "public", createdAt: { gte: monthStart.toJSDate() }, recipient: { active: true } },
    _count: { _all: true },
    orderBy: [{ _count: { recipientId: "desc" } }],
    take: options.limit ?? 10,
  });
  const names = new Map(
    (
      await ctx.prisma.person.findMany({
        where: { id: { in: grouped.map((row) => row.recipientId) } },
        select: { id: true, name: true },
      })
    ).map((p) => [p.id, p.name]),
  );
  const entries = grouped
    .map((row) => ({
      personId: row.recipientId,
      name: names.get(row.recipientId) ?? "someone",
      count: row._count._all,
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { monthLabel: monthStart.toFormat("LLLL yyyy"), entries };
}
