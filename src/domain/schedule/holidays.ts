// Public holidays come from the `date-holidays` data set (offline, ~200 countries with their regions), never from
// hand-written lists. A calendar code is a country, optionally with a region: "US", "DE-BE", "GB-ENG". Only public
// holidays count by default (substitute "observed" days are public in the data); the org can add optional ones.
import Holidays from "date-holidays";

export type HolidayTypes = "public" | "public+optional";

export interface HolidayCalendarCode {
  /** Normalised: "DE-BE". */
  code: string;
  country: string;
  region?: string;
  /** "Germany, Berlin". */
  label: string;
}

export type CalendarCheck = { ok: true; calendar: HolidayCalendarCode } | { ok: false; error: string };

const directory = new Holidays();
const countries = directory.getCountries("en") as Record<string, string>;

/** Validates a code such as "de-by" or "GB-ENG" against the data set; the error says what would have worked. */
export function checkHolidayCalendar(raw: string): CalendarCheck {
  const text = raw.trim().toUpperCase().replace(/_/g, "-");
  const [country = "", region, ...extra] = text.split("-");
  if (!/^[A-Z]{2}$/.test(country) || extra.length > 0 || !countries[country]) {
    return {
      ok: false,
      error: `"${raw.trim().slice(0, 20)}" isn't a holiday calendar I know. Use a country code, optionally with a region: US, GB-ENG, DE-BE.`,
    };
  }
  if (region === undefined) return { ok: true, calendar: { code: country, country, label: countries[country] } };
  const regions = (directory.getStates(country, "en") ?? {}) as Record<string, string>;
  if (!regions[region]) {
    const known = Object.keys(regions);
    const hint =
      known.length > 0
        ? `Regions of ${countries[country]}: ${known.slice(0, 20).join(", ")}${known.length > 20 ? ", …" : ""}.`
        : `${countries[country]} has no regions: use ${country}.`;
    return { ok: false, error: `"${raw.trim().slice(0, 20)}" isn't a holiday calendar I know. ${hint}` };
  }
  return {
    ok: true,
    calendar: { code: `${country}-${region}`, country, region, label: `${countries[country]}, ${regions[region]}` },
  };
}

/** The country and region columns of the HR file, combined into a calendar code (both empty = none). */
export function calendarFromCountryAndRegion(
  country: string | undefined,
  region: string | undefined,
): CalendarCheck | null {
  const c = country?.trim() ?? "";
  const r = region?.trim() ?? "";
  if (!c && !r) return null;
  if (!c) return { ok: false, error: `region ${JSON.stringify(r.slice(0, 20))} needs a country` };
  return checkHolidayCalendar(r ? `${c}-${r}` : c);
}

export interface Holiday {
  /** Local "YYYY-MM-DD". */
  date: string;
  name: string;
}

const byYear = new Map<string, Map<string, string>>();
const MAX_CACHED = 2000;

/** The calendar's days off in `year` (date → name), computed once per code, types and year. */
function holidaysIn(code: string, types: HolidayTypes, year: number): Map<string, string> {
  const key = `${code}|${types}|${year}`;
  let days = byYear.get(key);
  if (!days) {
    const [country, region] = code.split("-");
    const data = new Holidays(country, region ?? "", {
      types: types === "public" ? ["public"] : ["public", "optional"],
    });
    days = new Map();
    // `date` is the local calendar date ("2026-12-25 00:00:00"); a holiday starting in the afternoon still names it.
    for (const holiday of data.getHolidays(year) || [])
      if (!days.has(holiday.date.slice(0, 10))) days.set(holiday.date.slice(0, 10), holiday.name);
    if (byYear.size >= MAX_CACHED) byYear.clear();
    byYear.set(key, days);
  }
  return days;
}

/** The holiday's name when the local date `isoDate` is a day off in the calendar, else null. */
export function holidayOn(code: string, types: HolidayTypes, isoDate: string): string | null {
  return holidaysIn(code, types, Number(isoDate.slice(0, 4))).get(isoDate) ?? null;
}

/** Human label of a stored, valid code ("Germany, Berlin"); the code itself if the data set no longer knows it. */
export function calendarLabel(code: string): string {
  const check = checkHolidayCalendar(code);
  return check.ok ? check.calendar.label : code;
}
