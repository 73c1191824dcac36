// Builds the weekly summaries of many managers at once with a constant number of queries, whatever the org's size:
// the roster, the check-ins of the last weeks, the flagged goals, the week's kudos and the pending reviews are each
// loaded in bulk, then grouped in memory. The P3 benchmark (bench/p3-summaries.ts) holds it to that.
import type { DomainContext } from "../context.ts";
import { loadPendingReviews } from "../reviews/pending-reviews.ts";
import { teamPulseByManager } from "../pulses/team-pulse.ts";
import { isExcusedFromCheckIn } from "../check-ins/excused.ts";
import { periodLabel } from "../check-ins/list-check-in-history.ts";
import { goalRiskReasons, STALE_AFTER_DAYS, type GoalRiskReason } from "../goals/goals-at-risk.ts";
import { progressPercent } from "../goals/goal-progress.ts";
import { moodSparkline } from "./sparkline.ts";
import { loadRoster, type RosterPerson } from "./team-roster.ts";
import type { ReportCheckInStatus, TeamMood, TeamSummary, TeamSummaryReport } from "./team-summary.types.ts";

/** Below this many people an average would let a manager work out one person's mood. */
export const MIN_GROUP_FOR_MOOD = 3;
export const MOOD_WEEKS = 8;
export const SUMMARY_GOALS_LISTED = 10;
const BLOCKERS_MAX = 300;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export const GOAL_REASON_LABELS: Record<GoalRiskReason, string> = {
  overdue: "past its due date",
  no_recent_update: "no update in 3 weeks",
  marked_at_risk: "marked at risk",
  marked_off_track: "marked off track",
};

export interface BuildTeamSummariesOptions {
  now?: Date;
  /** Only these managers; every manager of the org when absent. */
  managerIds?: string[];
}

export async function buildTeamSummaries(
  ctx: DomainContext,
  options: BuildTeamSummariesOptions = {},
): Promise<TeamSummary[]> {
  const now = options.now ?? ctx.clock.now();
  const roster = await loadRoster(ctx, { now, managerIds: options.managerIds, weeks: MOOD_WEEKS });
  if (roster.teams.size === 0) return [];
  const reports = [...roster.teams.values()].flat();
  const reportIds = reports.map((person) => person.id);
  const scoped = options.managerIds !== undefined;
  const weekKeys = [...new Set(reports.flatMap((person) => person.weekKeys))];
  const weekAgo = new Date(now.getTime() - WEEK_MS);

  const pulses = await teamPulseByManager(ctx, now);
  const [checkIns, openGoals, kudos, reviews] = await Promise.all([
    ctx.prisma.checkIn.findMany({
      where: { periodKey: { in: weekKeys }, ...(scoped ? { personId: { in: reportIds } } : {}) },
      select: { personId: true, periodKey: true, mood: true, blockers: true },
    }),
    // Open goals of the people in scope; owners' names and zones come from the roster (no relation query).
    ctx.prisma.goal.findMany({
      where: { status: { not: "done" }, ...(scoped ? { ownerId: { in: reportIds } } : {}) },
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
      select: {
        ownerId: true,
        title: true,
        status: true,
        dueDate: true,
        lastUpdateAt: true,
        startValue: true,
        targetValue: true,
        currentValue: true,
      },
    }),
    ctx.prisma.kudos.findMany({
      where: {
        createdAt: { gte: weekAgo, lte: now },
        ...(scoped ? { OR: [{ giverId: { in: reportIds } }, { recipientId: { in: reportIds } }] } : {}),
      },
      select: { giverId: true, recipientId: true },
    }),
    loadPendingReviews(ctx, now, undefined, scoped ? { subjectIds: reportIds } : {}),
  ]);

  const checkInOf = new Map(checkIns.map((row) => [`${row.personId}|${row.periodKey}`, row]));
  const goalsByOwner = groupBy(flagGoals(openGoals, roster.byId, now), (goal) => goal.ownerId);
  const given = countBy(kudos, (row) => row.giverId);
  const received = countBy(kudos, (row) => row.recipientId);
  const reviewsBySubject = countBy(reviews, (row) => row.subjectId);

  const summaries: TeamSummary[] = [];
  for (const [managerId, team] of roster.teams) {
    const manager = roster.byId.get(managerId)!;
    const rows: TeamSummaryReport[] = team.map((person) => {
      const current = checkInOf.get(`${person.id}|${person.weekKeys[0]}`);
      const status: ReportCheckInStatus = current
        ? "submitted"
        : isExcusedFromCheckIn(person, person.period)
          ? "excused"
          : "missing";
      const blockers = current?.blockers?.trim() ? truncate(current.blockers.trim(), BLOCKERS_MAX) : null;
      return { personId: person.id, name: person.name, status, blockers };
    });
    rows.sort(byBlockersFirst);
    const goals = team.flatMap((person) => goalsByOwner.get(person.id) ?? []);
    const reviewPeople = team
      .filter((person) => reviewsBySubject.get(person.id))
      .map((person) => ({ name: person.name, count: reviewsBySubject.get(person.id)! }));
    const excused = rows.filter((row) => row.status === "excused").length;
    const submitted = rows.filter((row) => row.status === "submitted").length;
    summaries.push({
      managerId,
      managerName: manager.name,
      periodKey: mostCommon(team.map((person) => person.weekKeys[0])),
      weekLabel: periodLabel(mostCommon(team.map((person) => person.weekKeys[0]))),
      completion: {
        submitted,
        expected: rows.length - excused,
        excused,
        missing: rows.filter((row) => row.status === "missing").length,
      },
      reports: rows,
      blockersCount: rows.filter((row) => row.blockers).length,
      mood: teamMood(team, (person, back) => checkInOf.get(`${person.id}|${person.weekKeys[back]}`)?.mood),
      goalsAtRisk: goals.slice(0, SUMMARY_GOALS_LISTED).map((goal) => ({
        ownerName: goal.ownerName,
        title: truncate(goal.title, 150),
        progressPercent: goal.progressPercent,
        dueDate: goal.dueDate,
        reasons: goal.reasons.map((reason) => GOAL_REASON_LABELS[reason]),
      })),
      moreGoalsAtRisk: Math.max(0, goals.length - SUMMARY_GOALS_LISTED),
      goalsAtRiskCount: goals.length,
      kudos: {
        given: sum(team, (person) => given.get(person.id) ?? 0),
        received: sum(team, (person) => received.get(person.id) ?? 0),
      },
      reviewsPending: { count: sum(reviewPeople, (entry) => entry.count), people: reviewPeople },
      ...(pulses.has(managerId) ? { pulse: pulses.get(managerId)! } : {}),
    });
  }
  return summaries;
}

type OpenGoal = {
  ownerId: string;
  title: string;
  status: "on_track" | "at_risk" | "off_track" | "done";
  dueDate: string;
  lastUpdateAt: Date;
  startValue: number;
  targetValue: number;
  currentValue: number;
};
type FlaggedGoal = {
  ownerId: string;
  ownerName: string;
  title: string;
  dueDate: string;
  progressPercent: number;
  reasons: GoalRiskReason[];
};

/**
 * The goals rules' own function (goals/goals-at-risk.ts), evaluated once per distinct (zone, due date, status,
 * stale) rather than per goal: its date arithmetic per row was most of a 10,000-person build.
 */
function flagGoals(goals: OpenGoal[], people: Map<string, RosterPerson>, now: Date): FlaggedGoal[] {
  const staleBefore = now.getTime() - STALE_AFTER_DAYS * 24 * 60 * 60 * 1000;
  const memo = new Map<string, GoalRiskReason[]>();
  const flagged: FlaggedGoal[] = [];
  for (const goal of goals) {
    const owner = people.get(goal.ownerId);
    if (!owner) continue;
    const stale = goal.lastUpdateAt.getTime() <= staleBefore;
    const key = `${owner.zone}|${goal.dueDate}|${goal.status}|${stale}`;
    if (!memo.has(key))
      memo.set(
        key,
        goalRiskReasons(
          {
            status: goal.status,
            dueDate: goal.dueDate,
            lastUpdateAt: stale ? new Date(staleBefore) : now,
            ownerTimeZone: owner.zone,
          },
          now,
        ),
      );
    const reasons = memo.get(key)!;
    if (reasons.length > 0)
      flagged.push({
        ownerId: goal.ownerId,
        ownerName: owner.name,
        title: goal.title,
        dueDate: goal.dueDate,
        progressPercent: progressPercent(goal),
        reasons,
      });
  }
  return flagged;
}

/** The team's average mood per week; a week with fewer than three answers is a gap, a team under three shows none. */
function teamMood(
  team: RosterPerson[],
  moodOf: (person: RosterPerson, weeksBack: number) => number | undefined,
): TeamMood {
  if (team.length < MIN_GROUP_FOR_MOOD) {
    return {
      shown: false,
      reason: `Mood is only shown for teams of ${MIN_GROUP_FOR_MOOD} or more, so nobody's answer can be singled out.`,
    };
  }
  const averages: (number | null)[] = [];
  for (let back = MOOD_WEEKS - 1; back >= 0; back--) {
    const moods = team.map((person) => moodOf(person, back)).filter((mood): mood is number => mood !== undefined);
    averages.push(
      moods.length >= MIN_GROUP_FOR_MOOD ? Math.round((sum(moods, (mood) => mood) / moods.length) * 10) / 10 : null,
    );
  }
  const latest = averages[averages.length - 1];
  const previous = averages[averages.length - 2];
  return {
    shown: true,
    sparkline: moodSparkline(averages),
    weeks: MOOD_WEEKS,
    latest,
    change:
      latest !== null && previous !== null && previous !== undefined ? Math.round((latest - previous) * 10) / 10 : null,
  };
}

const STATUS_ORDER: Record<ReportCheckInStatus, number> = { missing: 0, submitted: 1, excused: 2 };
function byBlockersFirst(a: TeamSummaryReport, b: TeamSummaryReport): number {
  if (Boolean(a.blockers) !== Boolean(b.blockers)) return a.blockers ? -1 : 1;
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.name.localeCompare(b.name);
}

export function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function countBy<T>(items: T[], keyOf: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function sum<T>(items: T[], valueOf: (item: T) => number): number {
  return items.reduce((total, item) => total + valueOf(item), 0);
}

function mostCommon(values: string[]): string {
  const counts = countBy(values, (value) => value);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
