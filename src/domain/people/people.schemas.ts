import { IANAZone } from "luxon";
import { z } from "zod";
import { ROLES } from "./person.ts";
import { calendarFromCountryAndRegion } from "../schedule/holidays.ts";

/** The HR file's columns, in the order `people export` writes them. */
export const PEOPLE_FILE_COLUMNS = ["email", "name", "manager_email", "role", "timezone", "country", "region"] as const;
export type PeopleFileColumn = (typeof PEOPLE_FILE_COLUMNS)[number];
export const REQUIRED_PEOPLE_FILE_COLUMNS: readonly PeopleFileColumn[] = ["email", "name"];

export const PERSON_NAME_MAX = 200;

const knownZones = new Map<string, boolean>();

/**
 * Strictly IANA names ("Europe/Berlin", "UTC"); luxon's setZone would also accept "UTC+2" or "local".
 * Memoised: each check builds an Intl.DateTimeFormat (~0.15 ms), and an HR file repeats a handful of zones.
 */
export function isIanaTimeZone(zone: string): boolean {
  let valid = knownZones.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    // Bounded: a hostile file of unique garbage zones cannot grow the cache without limit.
    if (knownZones.size < 1000) knownZones.set(zone, valid);
  }
  return valid;
}

/** Long cell values are summarised in messages so one bad cell cannot flood the error list. */
function shown(value: unknown): string {
  const text = String(value ?? "");
  return text.length > 60 ? `${JSON.stringify(text.slice(0, 57))}… (${text.length} characters)` : JSON.stringify(text);
}

const emailCell = (column: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(
      z.email({
        error: (issue) =>
          issue.input === "" ? `${column} is empty` : `${column} ${shown(issue.input)} is not a valid email address`,
      }),
    );

/** An empty cell means "not given": new people get the default, existing people keep what they have. */
const blankAsMissing = z
  .string()
  .trim()
  .nullish()
  .transform((value) => (value ? value : undefined));

/**
 * One row of the HR file. `managerEmail` undefined means the file has no manager_email column (managers are left
 * as they are); an empty string means "this person has no manager".
 */
export const PersonImportRowSchema = z
  .object({
    line: z.number().int().positive(),
    email: emailCell("email"),
    name: z
      .string()
      .trim()
      .min(1, "name is empty")
      .max(PERSON_NAME_MAX, `name is longer than ${PERSON_NAME_MAX} characters`),
    managerEmail: z
      .string()
      .trim()
      .optional()
      .pipe(z.union([z.literal(""), emailCell("manager_email")]).optional())
      .transform((value) => (value === undefined ? undefined : value || null)),
    role: blankAsMissing
      .transform((value) => value?.toLowerCase())
      .pipe(
        z.enum(ROLES, { error: (issue) => `role ${shown(issue.input)} is not one of ${ROLES.join(", ")}` }).optional(),
      ),
    timeZone: blankAsMissing.pipe(
      z
        .string()
        .refine(isIanaTimeZone, {
          error: (issue) => `timezone ${shown(issue.input)} is not an IANA time zone (such as Europe/Berlin)`,
        })
        .optional(),
    ),
    /** The person's holiday calendar: country code (US, GB, DE) and optional region (ENG, BE). Empty = keep. */
    country: blankAsMissing,
    region: blankAsMissing,
  })
  .superRefine((row, ctx) => {
    if (row.managerEmail && row.managerEmail === row.email) {
      ctx.addIssue({ code: "custom", path: ["managerEmail"], message: `${row.email} cannot be their own manager` });
    }
    const calendar = calendarFromCountryAndRegion(row.country, row.region);
    if (calendar && !calendar.ok)
      ctx.addIssue({ code: "custom", path: ["country"], message: `country/region: ${calendar.error}` });
  })
  .transform(({ country, region, ...row }) => {
    const calendar = calendarFromCountryAndRegion(country, region);
    return { ...row, holidayCalendar: calendar?.ok ? calendar.calendar.code : undefined };
  });
export type PersonImportRow = z.input<typeof PersonImportRowSchema>;
export type ValidPersonImportRow = z.output<typeof PersonImportRowSchema>;

export const SetRoleInput = z.object({
  /** Who did it, for the audit log: "cli", or the acting person's id when a chat command reuses this. */
  actor: z.string().trim().min(1),
  email: emailCell("email"),
  role: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(ROLES, { error: (issue) => `${shown(issue.input)} is not a role: use one of ${ROLES.join(", ")}` })),
});
export type SetRoleOptions = z.input<typeof SetRoleInput>;
