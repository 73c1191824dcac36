// Which open goals need attention, for the manager's weekly summary and the 1:1 agenda. A goal is at risk when its
// due date passed without it being done, when nobody updated it for three weeks, or when its owner marked it at
// risk or off track. One query for any number of people; the rules are a pure function of the row and `now`.
import type { DomainContext } from "../context.ts";
import { isIanaTimeZone, localIsoDate } from "../schedule/local-time.ts";
import { progressPercent } from "./goal-progress.ts";
import type { GoalLevel, GoalMeasure, GoalStatus } from "./goal.schemas.ts";

/** No update for this long makes a goal stale. */
export const STALE_AFTER_DAYS = 21;
const DAY_MS = 24 * 60 * 60 * 1000;

export type GoalRiskReason = "overdue" | "no_recent_update" | "marked_at_risk" | "marked_off_track";

/** One flagged goal: what a summary or an agenda shows. Titles are work goals, not private text. */
export interface GoalAtRisk {
  goalId: string;
  ownerId: string;
  ownerName: string;
  level: GoalLevel;
  title: string;
  measure: GoalMeasure;
  status: GoalStatus;
  /** 0 … 100. */
  progressPercent: number;
  /** "YYYY-MM-DD", the owner's local day. */
  dueDate: string;
  lastUpdateAt: Date;
  /** Whole days since the last update (or since creation). */
  daysSinceUpdate: number;
  /** Every rule that flagged it, in this order: overdue, no_recent_update, marked_at_risk / marked_off_track. */
  reasons: GoalRiskReason[];
}

export interface GoalRiskRow {
  status: GoalStatus;
  dueDate: string;
  lastUpdateAt: Date;
  /** The owner's zone: a goal due "2026-12-04" is overdue once 4 December has ended where its owner lives. */
  ownerTimeZone: string;
}

/** The rules, pure: [] when the goal is fine (a done goal is always fine). */
export function goalRiskReasons(goal: GoalRiskRow, now: Date): GoalRiskReason[] {
  if (goal.status === "done") return [];
  const reasons: GoalRiskReason[] = [];
  const zone = isIanaTimeZone(goal.ownerTimeZone) ? goal.ownerTimeZone : "UTC";
  // "YYYY-MM-DD" strings compare in calendar order.
  if (goal.dueDate < localIsoDate(now, zone)) reasons.push("overdue");
  if (now.getTime() - goal.lastUpdateAt.getTime() >= STALE_AFTER_DAYS * DAY_MS) reasons.push("no_recent_update");
  if (goal.status === "at_risk") reasons.push("marked_at_risk");
  if (goal.status === "off_track") reasons.push("marked_off_track");
  return reasons;
}

export interface GoalsAtRiskOptions {
  /** The people whose goals to look at (a manager's reports, a whole org); any number, one query. */
  personIds: string[];
  now?: Date;
}

/** Flagged goals owned by `personIds`, soonest due first. */
export async function goalsAtRisk(ctx: DomainContext, options: GoalsAtRiskOptions): Promise<GoalAtRisk[]> {
  const personIds = [...new Set(options.personIds)];
  if (personIds.length === 0) return [];
  const now = options.now ?? ctx.clock.now();
  const rows = await ctx.prisma.goal.findMany({
    where: { ownerId: { in: personIds }, status: { not: "done" } },
    select: {
      id: true,
      ownerId: true,
      level: true,
      title: true,
      measure: true,
      status: true,
      startValue: true,
      targetValue: true,
      currentValue: true,
      dueDate: true,
      lastUpdateAt: true,
      owner: { select: { name: true, timeZone: true } },
    },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
  });
  const flagged: GoalAtRisk[] = [];
  for (const row of rows) {
    const reasons = goalRiskReasons({ ...row, ownerTimeZone: row.owner.timeZone }, now);
    if (reasons.length === 0) continue;
    flagged.push({
      goalId: row.id,
      ownerId: row.ownerId,
      ownerName: row.owner.name,
      level: row.level,
      title: row.title,
      measure: row.measure,
      status: row.status,
      progressPercent: progressPercent(row),
      dueDate: row.dueDate,
      lastUpdateAt: row.lastUpdateAt,
      daysSinceUpdate: Math.floor((now.getTime() - row.lastUpdateAt.getTime()) / DAY_MS),
      reasons,
    });
  }
  return flagged;
}
