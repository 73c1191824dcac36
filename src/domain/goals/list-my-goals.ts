// A person's own goals (any level they own), each with the goal it aligns to and its progress: `/goal list`, the
// update form's choices and the App Home. Open goals first, soonest due first; done goals last.
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import type { GoalParentSummary } from "./create-goal.ts";
import { progressPercent } from "./goal-progress.ts";
import { PersonIdSchema, type GoalLevel, type GoalMeasure, type GoalStatus } from "./goal.schemas.ts";
import { goalRiskReasons, type GoalRiskReason } from "./goals-at-risk.ts";

/** More than a chat list can show; a person with more sees the first ones. */
export const MY_GOALS_LIMIT = 50;

export interface MyGoal {
  id: string;
  level: GoalLevel;
  title: string;
  measure: GoalMeasure;
  startValue: number;
  targetValue: number;
  currentValue: number;
  /** 0 … 100. */
  progressPercent: number;
  status: GoalStatus;
  dueDate: string;
  lastUpdateAt: Date;
  parent: GoalParentSummary | null;
  /** Why it needs attention ([] when it doesn't). */
  risks: GoalRiskReason[];
}

export async function listMyGoals(ctx: DomainContext, options: { personId: string; now?: Date }): Promise<MyGoal[]> {
  const personId = parseInput(PersonIdSchema, options.personId);
  const now = options.now ?? ctx.clock.now();
  const rows = await ctx.prisma.goal.findMany({
    where: { ownerId: personId },
    select: {
      id: true,
      level: true,
      title: true,
      measure: true,
      startValue: true,
      targetValue: true,
      currentValue: true,
      status: true,
      dueDate: true,
      lastUpdateAt: true,
      createdAt: true,
      parent: { select: { id: true, title: true, level: true } },
      owner: { select: { timeZone: true } },
    },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
  });
  const goals = rows.map(({ owner, createdAt: _created, ...row }) => ({
    ...row,
    progressPercent: progressPercent(row),
    risks: goalRiskReasons({ ...row, ownerTimeZone: owner.timeZone }, now),
  }));
  // Stable sort: the database order (due date) is kept within open and within done.
  return goals.sort((a, b) => Number(a.status === "done") - Number(b.status === "done")).slice(0, MY_GOALS_LIMIT);
}
