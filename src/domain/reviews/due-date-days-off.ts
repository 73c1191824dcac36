// Warns HR at creation when a review cycle's due date is a day off (public holiday of their calendar, or a closure)
// for many of the people who must write by then: participants for the self-review date, their managers for the
// manager-review date. Two queries (the people with their calendars, the closures).
import { DateTime } from "luxon";
import type { DomainContext } from "../context.ts";
import { dayOffReason, daysOffOf, loadClosures, DAYS_OFF_PERSON_SELECT } from "../schedule/days-off.ts";
import type { Participant } from "./participants.ts";

/** "Many": at least this share of the writers, and at least one person. */
export const DAY_OFF_WARNING_SHARE = 0.25;

export async function dueDateDayOffWarnings(
  ctx: DomainContext,
  participants: Participant[],
  dates: { selfDueDate: string; managerDueDate: string },
): Promise<string[]> {
  const managerIds = [...new Set(participants.flatMap((person) => (person.managerId ? [person.managerId] : [])))];
  const ids = [...new Set([...participants.map((person) => person.id), ...managerIds])];
  const [people, closures] = await Promise.all([
    ctx.prisma.person.findMany({ where: { id: { in: ids } }, select: DAYS_OFF_PERSON_SELECT }),
    loadClosures(ctx.prisma, ctx.clock.now()),
  ]);
  const daysOff = new Map(people.map((person) => [person.id, daysOffOf(person, ctx.org, closures)]));
  const warnings: string[] = [];
  const check = (label: string, date: string, writers: string[]) => {
    const reasons = writers
      .map((id) => dayOffReason(daysOff.get(id), date))
      .filter((reason): reason is string => reason !== null);
    if (reasons.length === 0 || reasons.length < writers.length * DAY_OFF_WARNING_SHARE) return;
    const named = [...new Set(reasons)].slice(0, 3).join(", ");
    const day = DateTime.fromISO(date).setLocale("en-GB").toFormat("cccc d LLLL yyyy");
    warnings.push(
      `The ${label} due date, ${day}, is a day off (${named}) for ${reasons.length} of the ${writers.length} people who write by then. Consider another date.`,
    );
  };
  check(
    "self-review",
    dates.selfDueDate,
    participants.map((person) => person.id),
  );
  check("manager-review", dates.managerDueDate, managerIds);
  return warnings;
}
