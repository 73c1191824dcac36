// Input rules for holiday calendars and closures, shared by the use cases, the chat parsers and the CLI.
import { DateTime } from "luxon";
import { z } from "zod";
import { checkHolidayCalendar } from "../schedule/holidays.ts";

/** "de-by" → "DE-BY"; an unknown country or region is refused with the codes that would work. */
export const holidayCalendarCode = z.string().transform((raw, context) => {
  const check = checkHolidayCalendar(raw);
  if (check.ok) return check.calendar.code;
  context.addIssue({ code: "custom", message: check.error });
  return z.NEVER;
});

const isoDate = z
  .string()
  .trim()
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid,
    "Write dates as YYYY-MM-DD, e.g. 2026-12-24.",
  );

/** A closure is at most a year long: a longer one is almost certainly a typo in the year. */
export const CLOSURE_MAX_DAYS = 366;
export const CLOSURE_REASON_MAX = 120;

export const ClosureDates = z
  .object({ startDate: isoDate, endDate: isoDate })
  .refine((range) => range.startDate <= range.endDate, "The closure has to end on or after the day it starts.")
  .refine(
    (range) => DateTime.fromISO(range.endDate).diff(DateTime.fromISO(range.startDate), "days").days < CLOSURE_MAX_DAYS,
    `A closure can be at most ${CLOSURE_MAX_DAYS} days long.`,
  );

export const AddClosureInput = z.object({
  startDate: isoDate,
  endDate: isoDate,
  reason: z
    .string()
    .trim()
    .min(1, "Say what the closure is for, e.g. Winter break.")
    .max(CLOSURE_REASON_MAX, `Keep the reason under ${CLOSURE_REASON_MAX} characters.`),
  /** The manager whose team it covers; absent = everyone. */
  teamManagerId: z.string().min(1).nullish(),
});
export type AddClosureOptions = z.input<typeof AddClosureInput>;
