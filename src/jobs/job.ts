// A scheduled job: decides, from the database and each person's time zone, which deliveries are due at an
// instant. The scheduler inserts them under their unique keys, so evaluating a job twice (two instances, a
// restart, a retried tick) never sends anything twice.
import type { DomainContext } from "../domain/context.ts";
import type { NewDelivery } from "../domain/notifications/outbox.ts";

export interface JobDefinition {
  /** Stable id, used in logs and metrics. */
  id: string;
  /** Deliveries due at `now`. Must be idempotent: the same period yields the same keys. */
  due(ctx: DomainContext, now: Date): Promise<NewDelivery[]>;
}
