// Daily purge of old de-duplication keys and delivery-log rows (src/domain/privacy/purge-operational-records.ts).
// Like the check-in retention job, it works inside due() and queues nothing; it runs during 04:00–04:59 in the
// org's zone, a bounded batch per tick, and is idempotent, so ticks on several instances are harmless.
import { DateTime } from "luxon";
import { purgeOperationalRecords } from "../../domain/privacy/purge-operational-records.ts";
import type { JobDefinition } from "../job.ts";

export const HOUSEKEEPING_LOCAL_HOUR = 4;

export const housekeepingJob: JobDefinition = {
  id: "housekeeping",
  async due(ctx, now) {
    if (DateTime.fromJSDate(now, { zone: ctx.org.defaultTimeZone }).hour !== HOUSEKEEPING_LOCAL_HOUR) return [];
    const result = await purgeOperationalRecords(ctx, { now });
    if (result.processedEvents + result.deliveries > 0)
      ctx.logger.info({ job: "housekeeping", ...result }, "old bookkeeping rows purged");
    return [];
  },
};
