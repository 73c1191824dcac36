// Daily retention of check-in free text (CHECKIN_TEXT_RETENTION_MONTHS, default 24). It fits the scheduler as a
// JobDefinition that does its work inside due() and queues no deliveries: the scheduler already gives it what it
// needs (a tick on every instance, per-job error isolation and logging, a clean stop), and the work is idempotent
// (only rows not yet redacted, skipping rows another instance holds), so ticks on several instances are harmless.
// It runs during one hour a day (03:00–03:59 in the org's zone, when nobody is checking in); each tick redacts a
// bounded number of rows, so a large first backlog is worked off over that hour (and the next days) in short
// transactions instead of one long one.
import { DateTime } from "luxon";
import { DEFAULT_CHECKIN_TEXT_RETENTION_MONTHS, redactOldCheckIns } from "../../domain/privacy/redact-old-check-ins.ts";
import type { JobDefinition } from "../job.ts";

export const RETENTION_LOCAL_HOUR = 3;

export const checkInRetentionJob: JobDefinition = {
  id: "check-in-retention",
  async due(ctx, now) {
    if (DateTime.fromJSDate(now, { zone: ctx.org.defaultTimeZone }).hour !== RETENTION_LOCAL_HOUR) return [];
    const months = ctx.org.checkInTextRetentionMonths ?? DEFAULT_CHECKIN_TEXT_RETENTION_MONTHS;
    const result = await redactOldCheckIns(ctx, { now, months, batchSize: 500, maxBatches: 20 });
    if (result.redacted > 0) {
      ctx.logger.info(
        {
          job: "check-in-retention",
          redacted: result.redacted,
          cutoff: result.cutoff.toISOString(),
          more: result.more,
        },
        "check-in text past retention removed",
      );
    }
    return [];
  },
};
