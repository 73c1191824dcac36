// A person's effective schedule settings, resolved (person → team → org) and labelled for display by
// `/momentum settings` (Slack) and `settings` (Teams).
import { DateTime } from "luxon";
import { notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { isAwayAt } from "../schedule/away.ts";
import { formatLocalLabel, isIanaTimeZone, weekdayName } from "../schedule/local-time.ts";
import { checkInPeriodAt } from "../schedule/period.ts";
import {
  SCHEDULE_PERSON_SELECT,
  effectiveCheckInSlot,
  holidayShiftOf,
  type SlotSource,
} from "../schedule/schedule-person.ts";
import { workingHoursOf } from "../schedule/working-hours.ts";
import { describeHolidays, type HolidayView } from "../holidays/holiday-view.ts";
import { loadClosures } from "../schedule/days-off.ts";

export interface SettingsView {
  personId: string;
  timeZone: string;
  checkIn: {
    weekday: number;
    weekdayName: string;
    time: string;
    /** "person": their own choice; "team": their manager's team slot; "org": the company default. */
    source: SlotSource;
    /** "Friday at 15:00". */
    label: string;
    /** The next prompt, in their zone: "Friday 4 December, 15:00". */
    nextPromptLabel: string;
    nextPromptAt: Date;
  };
  workday: { start: string; end: string; days: number[]; dayNames: string[]; source: "person" | "org" };
  /** The slot a manager set for their direct reports, when they set one. */
  teamCheckIn: { weekday: number | null; weekdayName: string | null; time: string | null } | null;
  /** Present only while the person is away. */
  away: { until: string; label: string } | null;
  /** Their holiday calendar and the next day off (holiday or closure). */
  holidays: HolidayView;
  /** The calendar a manager's team follows, when HR set one. */
  teamHolidayCalendar: string | null;
}

export async function describeSettings(
  ctx: DomainContext,
  options: { personId: string; now?: Date },
): Promise<SettingsView> {
  const person = await ctx.prisma.person.findUnique({
    where: { id: options.personId },
    select: { ...SCHEDULE_PERSON_SELECT, teamCheckInWeekday: true, teamCheckInTime: true, teamHolidayCalendar: true },
  });
  if (!person) throw notFound("I couldn't find your Momentum profile.");
  const now = options.now ?? ctx.clock.now();
  const zone = isIanaTimeZone(person.timeZone) ? person.timeZone : ctx.org.defaultTimeZone;
  const slot = effectiveCheckInSlot(person, ctx.org);
  const shift = holidayShiftOf(person, ctx.org, await loadClosures(ctx.prisma, now));
  const period = checkInPeriodAt(slot, zone, now, shift);
  const hours = workingHoursOf(person, ctx.org);
  const holidays = await describeHolidays(ctx, person, zone, now);
  const team = person.teamCheckInWeekday != null || person.teamCheckInTime != null;
  const away = person.awayUntil && isAwayAt(person.awayUntil, zone, now) ? person.awayUntil : null;
  return {
    personId: person.id,
    timeZone: zone,
    checkIn: {
      weekday: slot.weekday,
      weekdayName: weekdayName(slot.weekday),
      time: slot.time,
      source: slot.source,
      label: `${weekdayName(slot.weekday)} at ${slot.time}`,
      nextPromptAt: period.deadline,
      nextPromptLabel: formatLocalLabel(period.deadline, zone),
    },
    workday: {
      start: hours.start,
      end: hours.end,
      days: hours.days,
      dayNames: hours.days.map(weekdayName),
      source: hours.source,
    },
    teamCheckIn: team
      ? {
          weekday: person.teamCheckInWeekday,
          weekdayName: person.teamCheckInWeekday != null ? weekdayName(person.teamCheckInWeekday) : null,
          time: person.teamCheckInTime,
        }
      : null,
    away: away ? { until: away, label: DateTime.fromISO(away).setLocale("en-GB").toFormat("cccc d LLLL yyyy") } : null,
    holidays,
    teamHolidayCalendar: person.teamHolidayCalendar,
  };
}
