// Retention of check-in free text: answers older than the window lose their words (progress and plans become
// empty, blockers and the note for the manager null, redactedAt set) but keep mood and dates, so trends still
// work. Bounded: one call redacts at most `maxBatches × batchSize` rows, each batch its own short transaction
// that skips rows another instance is redacting (FOR UPDATE SKIP LOCKED), so a big backlog is worked off over
// several runs without long locks.
import { DateTime } from "luxon";
import type { DomainContext } from "../context.ts";

export const DEFAULT_CHECKIN_TEXT_RETENTION_MONTHS = 24;

export interface RedactOptions {
  now: Date;
  months: number;
  batchSize?: number;
  maxBatches?: number;
}

export interface RedactResult {
  cutoff: Date;
  redacted: number;
  /** True when the bound was reached with rows possibly left: the next run continues. */
  more: boolean;
}

export function retentionCutoff(now: Date, months: number): Date {
  return DateTime.fromJSDate(now, { zone: "utc" }).minus({ months }).toJSDate();
}

export async function redactOldCheckIns(
  ctx: Pick<DomainContext, "prisma">,
  options: RedactOptions,
): Promise<RedactResult> {
  const batchSize = options.batchSize ?? 500;
  const maxBatches = options.maxBatches ?? 20;
  const cutoff = retentionCutoff(options.now, options.months);
  let redacted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = await ctx.prisma.$executeRaw`
      UPDATE "CheckIn" SET progress = '', plans = '', blockers = NULL, "forManager" = NULL, "redactedAt" = ${options.now}
      WHERE id IN (
        SELECT id FROM "CheckIn" WHERE "redactedAt" IS NULL AND "submittedAt" < ${cutoff}
        LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)`;
    redacted += count;
    if (count < batchSize) return { cutoff, redacted, more: false };
  }
  return { cutoff, redacted, more: true };
}
