// The cycles HR can refer to by name: newest first, with their state and completion.
import type { DomainContext } from "../context.ts";

export interface ReviewCycleSummary {
  id: string;
  name: string;
  status: "draft" | "active" | "closed";
  selfDueDate: string;
  managerDueDate: string;
  reviews: number;
  submitted: number;
  createdAt: Date;
}

/** Operator tooling (CLI) and HR surfaces: names and counts only, never answers. */
export async function listReviewCycles(ctx: DomainContext, limit = 50): Promise<ReviewCycleSummary[]> {
  const cycles = await ctx.prisma.reviewCycle.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, name: true, status: true, selfDueDate: true, managerDueDate: true, createdAt: true },
  });
  const counts = await ctx.prisma.review.groupBy({
    by: ["cycleId", "status"],
    where: { cycleId: { in: cycles.map((cycle) => cycle.id) } },
    _count: { _all: true },
  });
  return cycles.map((cycle) => {
    const rows = counts.filter((row) => row.cycleId === cycle.id);
    return {
      ...cycle,
      reviews: rows.reduce((sum, row) => sum + row._count._all, 0),
      submitted: rows.filter((row) => row.status === "submitted").reduce((sum, row) => sum + row._count._all, 0),
    };
  });
}
