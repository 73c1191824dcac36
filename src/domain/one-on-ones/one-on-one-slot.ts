// When a weekly 1:1 happens and when its agenda is sent. The slot is per manager+report pair (default: Monday 09:00)
// in the MANAGER's zone: it is the manager's calendar the prompt has to fit. The agenda goes out an hour before the
// slot when that hour is inside the manager's working hours; otherwise at the last working moment before it (the
// start of the same working day, or an hour before the end of the previous working day), so it never arrives at
// night and never after the 1:1. The period key is the ISO week of the slot, whatever day the prompt goes out.
import { DateTime, type WeekdayNumbers } from "luxon";
import { atLocalTime, formatLocalLabel } from "../schedule/local-time.ts";
import { periodKeyOf } from "../schedule/period.ts";
import { isWithinWorkingHours, isWorkingDay, type WorkingHours } from "../schedule/working-hours.ts";

export const DEFAULT_ONE_ON_ONE_SLOT = { weekday: 1, time: "09:00" } as const;
export const PROMPT_LEAD_MS = 60 * 60_000;
const SEARCH_DAYS = 14;

export interface OneOnOneSlot {
  weekday: number;
  time: string;
}

export interface OneOnOneOccurrence {
  /** ISO week of the slot, "2026-W49". */
  periodKey: string;
  slotAt: Date;
  promptAt: Date;
  /** "Monday 30 November, 09:00" in the manager's zone. */
  slotLabel: string;
}

/** The slot's instant in the ISO week containing the local day `weekDay`, with its prompt instant. */
export function occurrenceInWeekOf(
  weekDay: DateTime,
  slot: OneOnOneSlot,
  zone: string,
  hours: WorkingHours,
): OneOnOneOccurrence {
  const day = DateTime.fromObject(
    { weekYear: weekDay.weekYear, weekNumber: weekDay.weekNumber, weekday: slot.weekday as WeekdayNumbers },
    { zone },
  );
  const slotAt = atLocalTime(day, slot.time, zone).toJSDate();
  return {
    periodKey: periodKeyOf(day),
    slotAt,
    promptAt: promptInstantBefore(slotAt, hours, zone),
    slotLabel: formatLocalLabel(slotAt, zone),
  };
}

/**
 * The occurrence whose prompt is due at `now` (prompt ≤ now < slot), if any. This week's and next week's slots are
 * both looked at, because a Monday-morning 1:1 is announced on the previous Friday.
 */
export function occurrenceDueAt(
  now: Date,
  slot: OneOnOneSlot,
  zone: string,
  hours: WorkingHours,
): OneOnOneOccurrence | null {
  const local = DateTime.fromJSDate(now, { zone });
  for (const week of [local, local.plus({ weeks: 1 })]) {
    const occurrence = occurrenceInWeekOf(week, slot, zone, hours);
    if (occurrence.promptAt.getTime() <= now.getTime() && now.getTime() < occurrence.slotAt.getTime())
      return occurrence;
  }
  return null;
}

/** An hour before the slot if that is working time, else the latest working moment at least an hour before it. */
export function promptInstantBefore(slotAt: Date, hours: WorkingHours, zone: string): Date {
  const lead = new Date(slotAt.getTime() - PROMPT_LEAD_MS);
  if (isWithinWorkingHours(hours, zone, lead)) return lead;
  const local = DateTime.fromJSDate(slotAt, { zone });
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    const day = local.minus({ days: offset });
    if (!isWorkingDay(hours, day)) continue;
    const start = atLocalTime(day, hours.start, zone).toMillis();
    const end = atLocalTime(day, hours.end, zone).toMillis();
    const candidate = Math.max(start, Math.min(end, slotAt.getTime()) - PROMPT_LEAD_MS);
    if (candidate < slotAt.getTime()) return new Date(candidate);
  }
  // No working time at all in the settings: an hour before, and quiet hours decide.
  return lead;
}

/** The claim key of one pair's agenda for one week: a second scheduler or a restart finds it taken. */
export const oneOnOneDeliveryKey = (managerId: string, reportId: string, periodKey: string) =>
  `one-on-one:${managerId}:${reportId}:${periodKey}`;
