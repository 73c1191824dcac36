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
  /**
   * For a job that holds leases while it works (the directory sync): at start, hand back the leases this instance
   * held before it stopped, so a crashed run is taken over at once. Returns how many were handed back.
   */
  handBackOwnLeases?(ctx: DomainContext, now: Date): Promise<number>;
}
