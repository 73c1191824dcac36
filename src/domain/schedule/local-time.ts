// Turning "this local date at HH:mm in that zone" into an instant, with every offset decision left to Luxon.
// Daylight-saving rules: a local time that does not exist (02:30 on a spring-forward night) moves forward by the
// gap, as a wall clock would; a local time that happens twice (01:30 on a fall-back night) is the first one, so a
// prompt never waits an extra hour.
import { DateTime, IANAZone } from "luxon";

export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** "15:00" → { hour: 15, minute: 0 }. The input is validated upstream (env schema, settings schema). */
export function parseClockTime(time: string): { hour: number; minute: number } {
  if (!CLOCK_TIME_PATTERN.test(time)) throw new Error(`not a HH:mm clock time: ${JSON.stringify(time)}`);
  const [hour, minute] = time.split(":").map(Number);
  return { hour, minute };
}

/** ISO weekday 1 (Monday) … 7 (Sunday) → "Monday" … "Sunday". */
export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? "?";
}

/** True for an IANA zone Luxon knows ("Europe/Berlin"); fixed offsets and "local" are refused. */
export function isIanaTimeZone(zone: string): boolean {
  return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(zone) && IANAZone.isValidZone(zone);
}

/** The instant of `time` on the local calendar day of `day` (only its year/month/day are used) in `zone`. */
export function atLocalTime(day: DateTime, time: string, zone: string): DateTime {
  const { hour, minute } = parseClockTime(time);
  const resolved = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone });
  // Luxon resolves an ambiguous wall time to one of its two offsets; take the earlier instant explicitly.
  const candidates = resolved.getPossibleOffsets();
  if (candidates.length < 2) return resolved;
  return candidates.reduce((earliest, candidate) =>
    candidate.toMillis() < earliest.toMillis() ? candidate : earliest,
  );
}

/** The person's local view of an instant. */
export function localDateTime(instant: Date, zone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone });
}

/** "Friday 27 November, 15:00": how deadlines and prompts are shown to people, in their own zone. */
export function formatLocalLabel(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).setLocale("en-GB").toFormat("cccc d LLLL, HH:mm");
}

/** "2026-11-27": the local calendar date of an instant. */
export function localIsoDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}
