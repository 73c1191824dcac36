// What a person's home (Slack App Home, Teams home card) shows: their own open goals, this period's check-in,
// the reviews they owe, the kudos they received (public and private: they are theirs), and for managers their
// team at a glance as counts only. Never anyone else's private words.
import { DateTime } from "luxon";
import { loadPendingReviews } from "../reviews/pending-reviews.ts";
import type { DomainContext } from "../context.ts";
import { getCheckInForm } from "../check-ins/get-check-in-form.ts";
import { goalRiskReasons } from "../goals/goals-at-risk.ts";
import { progressPercent } from "../goals/goal-progress.ts";
import { isIanaTimeZone } from "../schedule/local-time.ts";
import { countUnreachableActive } from "../directory/list-reachability.ts";
import { hasRole } from "../people/person.ts";
import { buildTeamSummaries } from "./build-team-summaries.ts";
import { describeHolidays, type HolidayView } from "../holidays/holiday-view.ts";
import { DAYS_OFF_PERSON_SELECT } from "../schedule/days-off.ts";

export const HOME_GOALS = 10;
export const HOME_KUDOS = 5;
export const HOME_KUDOS_DAYS = 30;

export interface HomeData {
  name: string;
  checkIn: { periodKey: string; deadlineLabel: string; submitted: boolean } | null;
  openGoals: { id: string; title: string; status: string; progressPercent: number; dueDate: string; atRisk: boolean }[];
  moreOpenGoals: number;
  pendingReviews: { cycleName: string; subjectName: string; kind: "self" | "manager"; dueDate: string }[];
  recentKudos: {
    giverName: string;
    message: string;
    value: string | null;
    visibility: "public" | "private";
    dateLabel: string;
  }[];
  team: {
    reports: number;
    submitted: number;
    expected: number;
    blockers: number;
    goalsAtRisk: number;
    weekLabel: string;
  } | null;
  /** The person's holiday calendar and the next day off Momentum knows (holiday or closure). */
  holidays: HolidayView;
  /** HR and admins: active people Momentum can't message on any platform yet (counts only; `people reach` lists them). */
  reach: { unreachable: number; active: number } | null;
}

export async function getHome(ctx: DomainContext, options: { personId: string }): Promise<HomeData> {
  const now = ctx.clock.now();
  const person = await ctx.prisma.person.findUniqueOrThrow({
    where: { id: options.personId },
    select: { ...DAYS_OFF_PERSON_SELECT, id: true, name: true, timeZone: true, active: true, role: true },
  });
  const zone = isIanaTimeZone(person.timeZone) ? person.timeZone : ctx.org.defaultTimeZone;
  const since = new Date(now.getTime() - HOME_KUDOS_DAYS * 24 * 60 * 60 * 1000);
  const [form, goals, reviews, kudos, teams, holidays, reach] = await Promise.all([
    person.active ? getCheckInForm(ctx, { personId: person.id, now }).catch(() => null) : Promise.resolve(null),
    ctx.prisma.goal.findMany({
      where: { ownerId: person.id, status: { not: "done" } },
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        title: true,
        status: true,
        dueDate: true,
        lastUpdateAt: true,
        startValue: true,
        targetValue: true,
        currentValue: true,
      },
    }),
    loadPendingReviews(ctx, now, undefined, { authorIds: [person.id] }),
    ctx.prisma.kudos.findMany({
      where: { recipientId: person.id, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      take: HOME_KUDOS,
      select: { message: true, value: true, visibility: true, createdAt: true, giver: { select: { name: true } } },
    }),
    buildTeamSummaries(ctx, { now, managerIds: [person.id] }),
    describeHolidays(ctx, person, zone, now),
    hasRole(person, "hr") ? countUnreachableActive(ctx) : Promise.resolve(null),
  ]);
  const team = teams[0];
  return {
    name: person.name,
    checkIn: form
      ? { periodKey: form.periodKey, deadlineLabel: form.deadlineLabel, submitted: form.answers !== null }
      : null,
    openGoals: goals.slice(0, HOME_GOALS).map((goal) => ({
      id: goal.id,
      title: goal.title,
      status: goal.status,
      progressPercent: progressPercent(goal),
      dueDate: goal.dueDate,
      atRisk: goalRiskReasons({ ...goal, ownerTimeZone: zone }, now).length > 0,
    })),
    moreOpenGoals: Math.max(0, goals.length - HOME_GOALS),
    pendingReviews: reviews.map((review) => ({
      cycleName: review.cycleName,
      subjectName: review.subjectName,
      kind: review.kind,
      dueDate: review.dueDate,
    })),
    recentKudos: kudos.map((row) => ({
      giverName: row.giver?.name ?? "A former colleague",
      message: row.message,
      value: row.value,
      visibility: row.visibility,
      dateLabel: DateTime.fromJSDate(row.createdAt, { zone }).setLocale("en-GB").toFormat("d LLL"),
    })),
    team: team
      ? {
          reports: team.reports.length,
          submitted: team.completion.submitted,
          expected: team.completion.expected,
          blockers: team.blockersCount,
          goalsAtRisk: team.goalsAtRiskCount,
          weekLabel: team.weekLabel,
        }
      : null,
    holidays,
    reach,
  };
}
