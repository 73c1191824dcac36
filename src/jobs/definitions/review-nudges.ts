// Automatic review nudges: 3 days and 1 day before each due date (moved back to a working day when it falls on a
// weekend, or on a holiday or closure day of the author), in the author's own working hours, to people with something still to write. One DM per person per
// day lists everything they have pending. Keys: `review-nudge:<reviewId>:<dueDate>:<3d|1d>` for the review that
// triggered it, so each milestone is claimed once by any number of schedulers; a per-person-per-day guard (any
// review nudge already queued for that local day) keeps it to one a day when several milestones coincide.
import { DateTime } from "luxon";
import type { DomainContext } from "../../domain/context.ts";
import type { NewDelivery } from "../../domain/notifications/outbox.ts";
import {
  groupByAuthor,
  loadPendingReviews,
  nudgeMessage,
  type PendingReview,
} from "../../domain/reviews/pending-reviews.ts";
import { REVIEW_NUDGE_KIND, reviewKeys, zoneOf } from "../../domain/reviews/review-access.ts";
import { isAwayAt } from "../../domain/schedule/away.ts";
import { daysOffKey } from "../../domain/schedule/days-off.ts";
import {
  isWithinWorkingHours,
  isWorkingDay,
  workingHoursOf,
  type WorkingDays,
} from "../../domain/schedule/working-hours.ts";
import type { JobDefinition } from "../job.ts";
import { Memo } from "./check-in-candidates.ts";

export type NudgeMilestone = "3d" | "1d";
const MILESTONES: [NudgeMilestone, number][] = [
  ["1d", 1],
  ["3d", 3],
];
/** A guard window long enough to cover "today" in every zone. */
const GUARD_WINDOW_MS = 48 * 60 * 60 * 1000;

/** How far back a nudge day may move from its milestone (a long closure): the prefilter looks this far ahead. */
const MAX_MOVE_BACK_DAYS = 31;

/** The local date of a milestone: `days` before the due date, moved back to the nearest working day. */
export function milestoneDate(dueDate: string, days: number, workDays: number[] | WorkingDays): string {
  const working: WorkingDays = Array.isArray(workDays) ? { days: workDays } : workDays;
  let date = DateTime.fromISO(dueDate, { zone: "UTC" }).minus({ days });
  for (let step = 0; step < MAX_MOVE_BACK_DAYS && !isWorkingDay(working, date); step++) date = date.minus({ days: 1 });
  return date.toISODate()!;
}

export const reviewNudgesJob: JobDefinition = {
  id: "review-nudges",
  async due(ctx, now) {
    // Most minutes of the year no cycle has a nudge day anywhere on Earth: one small query answers that.
    const cycleIds = await cyclesWithNudgeDayNear(ctx, now);
    if (cycleIds.length === 0) return [];
    const pending = await loadPendingReviews(ctx, now, cycleIds);
    if (pending.length === 0) return [];
    const today = new Memo<string, string>((zone) => DateTime.fromJSDate(now, { zone }).toISODate()!);
    const daysOffByShape = new Map(pending.map((item) => [daysOffKey(item.authorDaysOff), item.authorDaysOff]));
    const milestones = new Memo<string, [NudgeMilestone, string][]>((key) => {
      const [dueDate, ...shape] = key.split("|");
      const working = { days: ctx.org.workDays, daysOff: daysOffByShape.get(shape.join("|")) };
      return MILESTONES.map(([name, days]) => [name, milestoneDate(dueDate, days, working)]);
    });

    const triggers = new Map<string, { item: PendingReview; milestone: NudgeMilestone }>();
    for (const item of pending) {
      if (triggers.has(item.authorId)) continue;
      const localToday = today.get(item.authorZone);
      const hit = milestones
        .get(`${item.dueDate}|${daysOffKey(item.authorDaysOff)}`)
        .find(([, date]) => date === localToday);
      if (!hit) continue;
      const hours = workingHoursOf(item.authorWorkday, ctx.org, item.authorDaysOff);
      if (
        !isWithinWorkingHours(hours, item.authorZone, now) ||
        isAwayAt(item.authorWorkday.awayUntil, item.authorZone, now)
      )
        continue;
      triggers.set(item.authorId, { item, milestone: hit[0] });
    }
    if (triggers.size === 0) return [];
    const nudgedToday = await loadNudgedToday(ctx, [...triggers.keys()], now, today);

    const byAuthor = groupByAuthor(pending);
    const due: NewDelivery[] = [];
    for (const [authorId, { item, milestone }] of triggers) {
      if (nudgedToday.has(authorId)) continue;
      due.push({
        key: reviewKeys.autoNudge(item.reviewId, item.dueDate, milestone),
        kind: REVIEW_NUDGE_KIND,
        target: { kind: "person", personId: authorId },
        message: nudgeMessage(byAuthor.get(authorId) ?? [item]),
        notBefore: now,
        // Past the end of the due date a reminder about it is stale.
        expiresAt: DateTime.fromISO(item.dueDate, { zone: item.authorZone })
          .plus({ days: 1 })
          .startOf("day")
          .toJSDate(),
        respectQuietHours: true,
      });
    }
    return due;
  },
};

/**
 * Active cycles with a 3-day or 1-day nudge date that may fall within a day of `now`'s UTC date (every zone's
 * today is): from a day before the earliest weekend-moved milestone to the latest a holiday or closure can move it.
 */
async function cyclesWithNudgeDayNear(ctx: DomainContext, now: Date): Promise<string[]> {
  const utc = DateTime.fromJSDate(now, { zone: "UTC" });
  const from = utc.minus({ days: 1 }).toISODate()!;
  const cycles = await ctx.prisma.reviewCycle.findMany({
    where: { status: "active" },
    select: { id: true, selfDueDate: true, managerDueDate: true },
  });
  return cycles
    .filter((cycle) =>
      [cycle.selfDueDate, cycle.managerDueDate].some((due) =>
        MILESTONES.some(([, days]) => {
          const latest = DateTime.fromISO(due, { zone: "UTC" }).minus({ days }).toISODate()!;
          const earliest = DateTime.fromISO(due, { zone: "UTC" })
            .minus({ days: days + MAX_MOVE_BACK_DAYS })
            .toISODate()!;
          return latest >= from && earliest <= utc.plus({ days: 1 }).toISODate()!;
        }),
      ),
    )
    .map((cycle) => cycle.id);
}

/** People who already have an automatic review nudge queued for their local today (one query). */
async function loadNudgedToday(
  ctx: DomainContext,
  personIds: string[],
  now: Date,
  today: Memo<string, string>,
): Promise<Set<string>> {
  const rows = await ctx.prisma.delivery.findMany({
    where: {
      kind: REVIEW_NUDGE_KIND,
      key: { startsWith: "review-nudge:" },
      personId: { in: personIds },
      notBefore: { gte: new Date(now.getTime() - GUARD_WINDOW_MS) },
    },
    select: { personId: true, notBefore: true, person: { select: { timeZone: true } } },
  });
  const nudged = new Set<string>();
  for (const row of rows) {
    if (!row.personId || !row.person) continue;
    const zone = zoneOf(ctx, row.person.timeZone);
    if (DateTime.fromJSDate(row.notBefore, { zone }).toISODate() === today.get(zone)) nudged.add(row.personId);
  }
  return nudged;
}
