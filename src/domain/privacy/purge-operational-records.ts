// Data minimisation for bookkeeping tables that would otherwise grow forever: de-duplication keys of inbound
// requests (Slack retries within minutes, Teams within hours, so a week is ample) and the delivery log of messages
// that are done (the log answers "was it sent?" for a quarter; bodies were already dropped when they were sent).
// Failed deliveries are kept until an admin retries or they age out with the rest.
import type { DomainContext } from "../context.ts";

export const PROCESSED_EVENT_RETENTION_DAYS = 7;
export const DELIVERY_LOG_RETENTION_DAYS = 90;

export interface PurgeResult {
  processedEvents: number;
  deliveries: number;
  /** True when a batch limit was reached: the next run continues. */
  more: boolean;
}

const DAY_MS = 24 * 3600_000;

export async function purgeOperationalRecords(
  ctx: DomainContext,
  options: { now: Date; batchSize?: number },
): Promise<PurgeResult> {
  const batchSize = options.batchSize ?? 5000;
  const eventCutoff = new Date(options.now.getTime() - PROCESSED_EVENT_RETENTION_DAYS * DAY_MS);
  const deliveryCutoff = new Date(options.now.getTime() - DELIVERY_LOG_RETENTION_DAYS * DAY_MS);
  // Bounded batches keep each statement short on a large first backlog.
  const processedEvents = await ctx.prisma.$executeRaw`
    DELETE FROM "ProcessedEvent" WHERE "key" IN (
      SELECT "key" FROM "ProcessedEvent" WHERE "createdAt" < ${eventCutoff} LIMIT ${batchSize})`;
  const deliveries = await ctx.prisma.$executeRaw`
    DELETE FROM "Delivery" WHERE id IN (
      SELECT id FROM "Delivery" WHERE status IN ('sent', 'cancelled', 'failed') AND "updatedAt" < ${deliveryCutoff} LIMIT ${batchSize})`;
  return { processedEvents, deliveries, more: processedEvents === batchSize || deliveries === batchSize };
}
