// The person a check-in use case acts for, with their current period, loaded once per request.
import { AppError, notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { formatLocalLabel } from "../schedule/local-time.ts";
import { checkInPeriodAt, type CheckInPeriod } from "../schedule/period.ts";
import { loadClosures } from "../schedule/days-off.ts";
import {
  SCHEDULE_PERSON_SELECT,
  effectiveCheckInSlot,
  holidayShiftOf,
  type CheckInSlot,
  type SchedulePerson,
} from "../schedule/schedule-person.ts";

export interface PersonPeriod {
  person: SchedulePerson;
  slot: CheckInSlot;
  period: CheckInPeriod;
  /** The deadline in the person's zone, e.g. "Friday 27 November, 15:00". */
  deadlineLabel: string;
}

export async function loadPersonPeriod(ctx: DomainContext, personId: string, now: Date): Promise<PersonPeriod> {
  const person = await ctx.prisma.person.findUnique({ where: { id: personId }, select: SCHEDULE_PERSON_SELECT });
  if (!person) throw notFound("I couldn't find your Momentum profile.");
  if (!person.active)
    throw new AppError("FORBIDDEN", "Your Momentum account is deactivated, so check-ins are switched off for you.");
  const slot = effectiveCheckInSlot(person, ctx.org);
  // The same holiday-aware period the prompt job uses, so an answer to a moved prompt lands in the prompt's week.
  const period = checkInPeriodAt(
    slot,
    person.timeZone,
    now,
    holidayShiftOf(person, ctx.org, await loadClosures(ctx.prisma, now)),
  );
  return { person, slot, period, deadlineLabel: formatLocalLabel(period.deadline, person.timeZone) };
}

/** The claim keys of this period's prompt and reminder: shared by the jobs and by submitCheckIn. */
export const promptDeliveryKey = (personId: string, periodKey: string) => `checkin-prompt:${personId}:${periodKey}`;
export const reminderDeliveryKey = (personId: string, periodKey: string) => `checkin-reminder:${personId}:${periodKey}`;
