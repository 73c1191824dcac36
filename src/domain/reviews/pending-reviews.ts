// The one definition of "pending", used by /review status, nudges (manual and scheduled), the home views and the
// team summaries: a review its author still has to write now. That is, in an active cycle, by an active author,
// not submitted, and, for a manager review, open for the manager (the report's self-review is in, or the manager
// due date has come in the manager's zone). Three queries whatever the size of the org.
import type { DomainContext } from "../context.ts";
import type { OutboundMessage } from "../notifications/messages.ts";
import { daysOffOf, loadClosures, type DaysOff } from "../schedule/days-off.ts";
import { dueDateLabel, localDateReached, zoneOf } from "./review-access.ts";

export interface PendingReview {
  reviewId: string;
  kind: "self" | "manager";
  cycleId: string;
  cycleName: string;
  dueDate: string;
  authorId: string;
  authorName: string;
  /** The author's zone (or the org's when theirs is unusable), for local due dates and working hours. */
  authorZone: string;
  authorWorkday: { workdayStart: string | null; workdayEnd: string | null; awayUntil: string | null };
  /** The author's holidays and closures: nudges are not sent on them (the nudge day moves back instead). */
  authorDaysOff: DaysOff;
  subjectId: string;
  subjectName: string;
}

/** Narrows the search: whose reviews (authors), about whom (subjects, or the reports of one manager). */
export interface PendingReviewScope {
  authorIds?: string[];
  subjectIds?: string[];
  subjectManagerId?: string;
}

/** `cycleIds` limits the search (all active cycles when absent); `scope` narrows it further. */
export async function loadPendingReviews(
  ctx: DomainContext,
  now: Date,
  cycleIds?: string[],
  scope: PendingReviewScope = {},
): Promise<PendingReview[]> {
  const closures = await loadClosures(ctx.prisma, now);
  const rows = await ctx.prisma.review.findMany({
    where: {
      status: { in: ["pending", "draft"] },
      cycle: { status: "active", ...(cycleIds ? { id: { in: cycleIds } } : {}) },
      author: { active: true },
      ...(scope.authorIds ? { authorId: { in: scope.authorIds } } : {}),
      ...(scope.subjectIds ? { subjectId: { in: scope.subjectIds } } : {}),
      ...(scope.subjectManagerId ? { subject: { managerId: scope.subjectManagerId } } : {}),
    },
    select: {
      id: true,
      kind: true,
      cycleId: true,
      subjectId: true,
      cycle: { select: { name: true, selfDueDate: true, managerDueDate: true } },
      author: {
        select: {
          id: true,
          name: true,
          timeZone: true,
          workdayStart: true,
          workdayEnd: true,
          awayUntil: true,
          managerId: true,
          holidayCalendar: true,
          manager: { select: { teamHolidayCalendar: true } },
        },
      },
      subject: { select: { name: true } },
    },
    orderBy: [{ authorId: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const managerRows = rows.filter((row) => row.kind === "manager");
  const selfSubmitted = new Set<string>();
  if (managerRows.length > 0) {
    const submitted = await ctx.prisma.review.findMany({
      where: {
        kind: "self",
        status: "submitted",
        cycleId: { in: [...new Set(managerRows.map((row) => row.cycleId))] },
      },
      select: { cycleId: true, subjectId: true },
    });
    for (const row of submitted) selfSubmitted.add(`${row.cycleId}:${row.subjectId}`);
  }
  const pending: PendingReview[] = [];
  for (const row of rows) {
    const zone = zoneOf(ctx, row.author.timeZone);
    const dueDate = row.kind === "self" ? row.cycle.selfDueDate : row.cycle.managerDueDate;
    if (
      row.kind === "manager" &&
      !selfSubmitted.has(`${row.cycleId}:${row.subjectId}`) &&
      !localDateReached(dueDate, zone, now)
    )
      continue;
    pending.push({
      reviewId: row.id,
      kind: row.kind,
      cycleId: row.cycleId,
      cycleName: row.cycle.name,
      dueDate,
      authorId: row.author.id,
      authorName: row.author.name,
      authorZone: zone,
      authorWorkday: {
        workdayStart: row.author.workdayStart,
        workdayEnd: row.author.workdayEnd,
        awayUntil: row.author.awayUntil,
      },
      authorDaysOff: daysOffOf(row.author, ctx.org, closures),
      subjectId: row.subjectId,
      subjectName: row.subject.name,
    });
  }
  return pending;
}

/** The most reviews one nudge lists with their own button; the rest are counted. */
export const NUDGE_ITEMS_MAX = 10;

/** One DM per person listing everything they still have to write. */
export function nudgeMessage(items: PendingReview[]): Extract<OutboundMessage, { type: "review.nudge" }> {
  return {
    type: "review.nudge",
    items: items.slice(0, NUDGE_ITEMS_MAX).map((item) => ({
      reviewId: item.reviewId,
      kind: item.kind,
      cycleName: item.cycleName,
      subjectName: item.subjectName,
      dueLabel: dueDateLabel(item.dueDate),
    })),
    more: Math.max(0, items.length - NUDGE_ITEMS_MAX),
  };
}

export function groupByAuthor(items: PendingReview[]): Map<string, PendingReview[]> {
  const byAuthor = new Map<string, PendingReview[]>();
  for (const item of items) byAuthor.set(item.authorId, [...(byAuthor.get(item.authorId) ?? []), item]);
  return byAuthor;
}
