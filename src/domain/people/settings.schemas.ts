// Input rules for away and personal settings, shared by the use cases and the chat text parsers.
import { DateTime } from "luxon";
import { z } from "zod";
import { CLOCK_TIME_PATTERN, isIanaTimeZone } from "../schedule/local-time.ts";

export const clockTime = z.string().trim().regex(CLOCK_TIME_PATTERN, "Use a 24-hour time such as 09:00 or 17:30.");

export const ianaTimeZone = z
  .string()
  .trim()
  .refine(isIanaTimeZone, "That isn't a time zone I know. Use a name such as Europe/Berlin or America/New_York.");

export const isoWeekday = z
  .number()
  .int()
  .min(1, "Pick a day from Monday to Sunday.")
  .max(7, "Pick a day from Monday to Sunday.");

export const localDate = z
  .string()
  .trim()
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid,
    "Use a real date written as YYYY-MM-DD, e.g. 2026-12-01.",
  );

export const SetAwayInput = z.object({
  personId: z.string().min(1),
  /** Inclusive last day away, in the person's zone; null = back now. */
  until: localDate.nullable(),
});
export type SetAwayOptions = z.input<typeof SetAwayInput>;

/** null clears an override, so the team's or the org's value applies again; undefined leaves it alone. */
export const UpdateMySettingsInput = z.object({
  personId: z.string().min(1),
  checkInWeekday: isoWeekday.nullish(),
  checkInTime: clockTime.nullish(),
  workdayStart: clockTime.nullish(),
  workdayEnd: clockTime.nullish(),
  timeZone: ianaTimeZone.optional(),
});
export type UpdateMySettingsOptions = z.input<typeof UpdateMySettingsInput>;

/** Both null: the team goes back to the org default. */
export const SetTeamCheckInSlotInput = z
  .object({ managerId: z.string().min(1), weekday: isoWeekday.nullable(), time: clockTime.nullable() })
  .refine(
    (slot) => (slot.weekday === null) === (slot.time === null),
    "Give both a day and a time, e.g. Thursday 11:00.",
  );
export type SetTeamCheckInSlotOptions = z.input<typeof SetTeamCheckInSlotInput>;
