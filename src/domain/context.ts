// What every use case receives: the database, the clock, the org's settings and a logger. No platform SDKs.
import type { PrismaClient } from "../db/database.ts";
import type { Clock } from "../shared/clock.ts";
import type { Logger } from "../shared/logger.ts";
import type { HolidayTypes } from "./schedule/holidays.ts";

export const CHECK_IN_ON_HOLIDAY = ["previous", "next", "skip"] as const;
export type CheckInOnHoliday = (typeof CHECK_IN_ON_HOLIDAY)[number];

export interface OrgSettings {
  defaultTimeZone: string;
  kudosValues: string[];
  kudosDailyLimit: number;
  /** ISO weekday 1 (Monday) … 7 (Sunday). */
  checkInWeekday: number;
  checkInTime: string;
  checkInReminderTime: string;
  workdayStart: string;
  workdayEnd: string;
  workDays: number[];
  /** The org's public-holiday calendar ("DE-BE", "GB-ENG", "US"); null/absent = none. */
  holidayCalendar?: string | null;
  /** Which holidays are days off: public ones (substitute days included), or optional ones too. */
  holidayTypes?: HolidayTypes;
  /** When a check-in slot falls on a holiday or closure day: the previous working day, the next one, or no prompt that week. */
  checkInOnHoliday?: CheckInOnHoliday;
  /** Check-in free text older than this is blanked by the retention job (default 24). */
  checkInTextRetentionMonths?: number;
  /** MIN_GROUP_SIZE: the fewest people behind any aggregate (default 5, never below 3); see domain/insights. */
  minGroupSize?: number;
}

export interface DomainContext {
  prisma: PrismaClient;
  clock: Clock;
  org: OrgSettings;
  logger: Logger;
  /** Emails that are admins from the first start (MOMENTUM_ADMIN_EMAILS). */
  adminEmails: string[];
}

/** The part of the context a store-only use case needs: the database and the clock that dates its writes. */
export type DataContext = Pick<DomainContext, "prisma" | "clock">;

/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
