// The words both platforms use for holiday calendars in settings replies (plain text; each platform escapes it).
import type { AppliedSettings } from "../people/apply-settings-command.ts";
import type { SettingsView } from "../people/describe-settings.ts";
import type { HolidayView } from "./holiday-view.ts";

/** What a holiday calendar change did. */
export function holidaysHeadline(settings: SettingsView): string {
  const calendar = settings.holidays.calendar;
  if (!calendar) return "You follow no holiday calendar now.";
  return calendar.source === "person"
    ? `Your holiday calendar is now ${calendar.label} (${calendar.code}).`
    : `You follow ${CALENDAR_SOURCES[calendar.source]} again: ${calendar.label} (${calendar.code}).`;
}

export function teamHolidaysHeadline(applied: AppliedSettings): string | null {
  const team = applied.teamHolidays;
  if (!team) return null;
  const who = `${team.managerName}'s team (${team.reports} direct ${team.reports === 1 ? "report" : "reports"})`;
  const own = team.reportsWithOwnCalendar > 0 ? `; ${team.reportsWithOwnCalendar} with their own calendar keep it` : "";
  return team.code
    ? `${who} now follows the ${team.label} (${team.code}) holiday calendar${own}.`
    : `${who} follows the company's holiday calendar again${own}.`;
}

const CALENDAR_SOURCES = {
  person: "your own calendar",
  team: "your team's calendar",
  org: "the company's calendar",
} as const;

/** "Germany, Berlin (DE-BE), the company's calendar" / "none". */
export function calendarLine(settings: { holidays: HolidayView }): string {
  const calendar = settings.holidays.calendar;
  return calendar ? `${calendar.label} (${calendar.code}), ${CALENDAR_SOURCES[calendar.source]}` : "none";
}

/** "Friday 25 December 2026 (1. Weihnachtstag)" / "none known". */
export function nextDayOffLine(settings: { holidays: HolidayView }): string {
  const next = settings.holidays.nextDayOff;
  return next ? `${next.label} (${next.reason})` : "none known";
}
