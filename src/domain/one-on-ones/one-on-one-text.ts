// The text after `one-on-one @person` (Slack `/momentum one-on-one @alice friday 10:00`, Teams `one-on-one @Alice
// friday 10:00`): a weekday and a 24-hour time, or `default`. Parsed once here so both platforms say the same.
import { CLOCK_TIME_PATTERN, WEEKDAY_NAMES } from "../schedule/local-time.ts";
import type { ParseResult } from "../people/settings-text.ts";

export interface OneOnOneSlotText {
  weekday: number | null;
  time: string | null;
}

export const ONE_ON_ONE_HELP =
  "Give the person, a day and a time, e.g. `one-on-one @alice friday 10:00` (or `one-on-one @alice default` for Monday 09:00).";

export function parseOneOnOneSlotText(text: string): ParseResult<OneOnOneSlotText> {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 1 && ["default", "reset"].includes(words[0].toLowerCase()))
    return { ok: true, command: { weekday: null, time: null } };
  if (words.length !== 2) return { ok: false, error: ONE_ON_ONE_HELP };
  const weekday = parseWeekday(words[0]);
  if (!weekday) return { ok: false, error: `"${words[0].slice(0, 20)}" isn't a day I know. ${ONE_ON_ONE_HELP}` };
  const padded = /^\d:\d{2}$/.test(words[1]) ? `0${words[1]}` : words[1];
  if (!CLOCK_TIME_PATTERN.test(padded))
    return {
      ok: false,
      error: `"${words[1].slice(0, 20)}" isn't a time I can read: use 24-hour time. ${ONE_ON_ONE_HELP}`,
    };
  return { ok: true, command: { weekday, time: padded } };
}

function parseWeekday(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower.length < 3) return null;
  const index = WEEKDAY_NAMES.findIndex((name) => name.toLowerCase().startsWith(lower));
  return index >= 0 ? index + 1 : null;
}
