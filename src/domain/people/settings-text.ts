// The text forms of `/momentum away …` / `away …` and `/momentum settings …` / `settings …`, parsed once for both
// platforms into typed commands (or a friendly explanation of what was expected).
import { CLOCK_TIME_PATTERN, WEEKDAY_NAMES, isIanaTimeZone } from "../schedule/local-time.ts";
import { DateTime } from "luxon";
import { checkHolidayCalendar } from "../schedule/holidays.ts";

export type ParseResult<T> = { ok: true; command: T } | { ok: false; error: string };

export type AwayCommand = { kind: "away"; until: string | null };

export type SettingsCommand =
  | { kind: "show" }
  | { kind: "check-in"; weekday: number | null; time: string | null }
  | { kind: "team-check-in"; weekday: number | null; time: string | null }
  | { kind: "workday"; start: string | null; end: string | null }
  | { kind: "time-zone"; timeZone: string }
  /** null = follow the team's or the org's calendar again. */
  | { kind: "holidays"; code: string | null }
  /** HR: a team's calendar; `target` is the text naming the manager (a Slack mention; empty on Teams, where mentions come apart). */
  | { kind: "team-holidays"; code: string | null; target: string };

export const AWAY_HELP = "Tell me your last day away, e.g. `away until 2026-12-01`, or `away off` when you're back.";
export const SETTINGS_HELP = [
  "Here's what you can change:",
  "• `checkin friday 15:00`: your weekly check-in day and time (`checkin default` to follow your team again)",
  "• `workday 09:00-17:30`: your working hours; nothing reaches you outside them (`workday default` to reset)",
  "• `timezone Europe/Berlin`: your time zone",
  "• `team checkin thursday 11:00`: for managers, the check-in slot of your direct reports (`team checkin default`)",
  "• `holidays DE-BY`: your public-holiday calendar, a country code with an optional region, e.g. US, GB-ENG, DE-BE (`holidays default` to follow your team's)",
  "• `team holidays @manager GB-ENG`: for HR, the holiday calendar of a manager's team",
].join("\n");

const BACK_WORDS = new Set(["off", "back", "clear", "none", "stop", "cancel", "no"]);
const DEFAULT_WORDS = new Set(["default", "reset", "clear"]);

export function parseAwayText(text: string): ParseResult<AwayCommand> {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 1 && BACK_WORDS.has(words[0])) return { ok: true, command: { kind: "away", until: null } };
  const date = words[0] === "until" ? words.slice(1).join(" ") : words.join(" ");
  if (!date) return { ok: false, error: AWAY_HELP };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid) {
    return { ok: false, error: `"${date.slice(0, 40)}" isn't a date I can read. ${AWAY_HELP}` };
  }
  return { ok: true, command: { kind: "away", until: date } };
}

export function parseSettingsText(text: string): ParseResult<SettingsCommand> {
  const trimmed = text.trim();
  const [first = "", ...rest] = trimmed.split(/\s+/);
  const head = first.toLowerCase().replace(/-/g, "");
  if (!trimmed || head === "show" || head === "help") return { ok: true, command: { kind: "show" } };
  if (head === "checkin") return parseSlot(rest, "check-in");
  if (head === "team" && rest[0]?.toLowerCase().replace(/-/g, "") === "checkin")
    return parseSlot(rest.slice(1), "team-check-in");
  if (head === "workday" || head === "hours") return parseWorkday(rest.join(" "));
  if (head === "holidays" || head === "holiday") return parseHolidays(rest, "holidays");
  if (head === "team" && /^holidays?$/i.test(rest[0] ?? "")) return parseHolidays(rest.slice(1), "team-holidays");
  if (head === "timezone" || head === "tz") {
    const zone = rest.join(" ");
    if (rest.length === 1 && isIanaTimeZone(zone)) return { ok: true, command: { kind: "time-zone", timeZone: zone } };
    return {
      ok: false,
      error: `"${zone.slice(0, 60)}" isn't a time zone I know. Use a name such as Europe/Berlin or America/New_York.`,
    };
  }
  return { ok: false, error: `I didn't understand "${trimmed.slice(0, 60)}".\n${SETTINGS_HELP}` };
}

function parseSlot(words: string[], kind: "check-in" | "team-check-in"): ParseResult<SettingsCommand> {
  const example = kind === "check-in" ? "`checkin friday 15:00`" : "`team checkin thursday 11:00`";
  if (words.length === 1 && DEFAULT_WORDS.has(words[0].toLowerCase()))
    return { ok: true, command: { kind, weekday: null, time: null } };
  const weekday = parseWeekday(words[0] ?? "");
  const time = parseTime(words[1] ?? "");
  if (words.length !== 2 || !weekday) return { ok: false, error: `Give a day and a time, e.g. ${example}.` };
  if (!time)
    return {
      ok: false,
      error: `"${words[1].slice(0, 20)}" isn't a time I can read: use 24-hour time, e.g. ${example}.`,
    };
  return { ok: true, command: { kind, weekday, time } };
}

function parseHolidays(words: string[], kind: "holidays" | "team-holidays"): ParseResult<SettingsCommand> {
  const example = kind === "holidays" ? "`holidays DE-BY`" : "`team holidays @manager GB-ENG`";
  const last = words[words.length - 1] ?? "";
  const target = words.slice(0, -1).join(" ");
  if (!last)
    return { ok: false, error: `Give a holiday calendar: a country code with an optional region, e.g. ${example}.` };
  if (kind === "holidays" && words.length !== 1)
    return { ok: false, error: `Give one holiday calendar, e.g. ${example}.` };
  if (DEFAULT_WORDS.has(last.toLowerCase()) || last.toLowerCase() === "none") {
    return { ok: true, command: kind === "holidays" ? { kind, code: null } : { kind, code: null, target } };
  }
  const check = checkHolidayCalendar(last);
  if (!check.ok) return { ok: false, error: check.error };
  return {
    ok: true,
    command: kind === "holidays" ? { kind, code: check.calendar.code } : { kind, code: check.calendar.code, target },
  };
}

function parseWorkday(text: string): ParseResult<SettingsCommand> {
  if (DEFAULT_WORDS.has(text.toLowerCase())) return { ok: true, command: { kind: "workday", start: null, end: null } };
  const match = /^(\S+)\s*(?:-|–|to)\s*(\S+)$/i.exec(text);
  const start = match ? parseTime(match[1]) : null;
  const end = match ? parseTime(match[2]) : null;
  if (!start || !end)
    return { ok: false, error: "Give your working hours in 24-hour time, e.g. `workday 09:00-17:30`." };
  if (start >= end) return { ok: false, error: `Your workday has to start before it ends (${start}–${end}).` };
  return { ok: true, command: { kind: "workday", start, end } };
}

/** "fri", "Friday" → 5. */
function parseWeekday(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower.length < 3) return null;
  const index = WEEKDAY_NAMES.findIndex((name) => name.toLowerCase().startsWith(lower));
  return index >= 0 ? index + 1 : null;
}

/** "9:00" → "09:00"; anything that is not a 24-hour clock time → null. */
function parseTime(word: string): string | null {
  const padded = /^\d:\d{2}$/.test(word) ? `0${word}` : word;
  return CLOCK_TIME_PATTERN.test(padded) ? padded : null;
}
