// What every use case receives: the database, the clock, the org's settings and a logger. No platform SDKs.
import type { PrismaClient } from "../db/database.ts";
import type { Clock } from "../shared/clock.ts";
import type { Logger } from "../shared/logger.ts";

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

/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
