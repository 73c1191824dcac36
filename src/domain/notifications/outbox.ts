// Writing to the outbox. Use cases call this inside their own transaction, so a kudos and the DMs announcing it
// are stored together or not at all; the delivery worker (src/deliveries) sends them later.
import { randomUUID } from "node:crypto";
import type { Tx } from "../context.ts";
import type { OutboundMessage } from "./messages.ts";
import type { DeliveryTarget } from "./notifier.ts";

export interface NewDelivery {
  /** Deterministic claim key (kind + recipient + period): a second insert with the same key is a no-op. */
  key: string;
  kind: string;
  target: DeliveryTarget;
  message: OutboundMessage;
  notBefore?: Date;
  /** The end of the message's period: after it, the delivery is cancelled rather than sent late. */
  expiresAt?: Date;
  respectQuietHours?: boolean;
}

/**
 * Inserts the deliveries whose keys are new; returns how many were new. One INSERT … SELECT FROM unnest(arrays)
 * ON CONFLICT DO NOTHING per call: a scheduler tick queues 10,000 prompts in one statement (createMany with
 * skipDuplicates took ~0.5 ms per row through the driver adapters). `now` is the clock of the use case, so a
 * delivery without its own notBefore is due from the instant it was queued, in tests as in production.
 */
export async function enqueueDeliveries(tx: Tx, deliveries: NewDelivery[], now: Date): Promise<number> {
  if (deliveries.length === 0) return 0;
  const iso = (date: Date | undefined) => (date ? date.toISOString() : null);
  const rows = deliveries.map((delivery) => ({
    id: randomUUID(),
    key: delivery.key,
    kind: delivery.kind,
    personId: delivery.target.kind === "person" ? delivery.target.personId : null,
    target: delivery.target.kind === "person" ? null : JSON.stringify(delivery.target),
    message: JSON.stringify(delivery.message),
    notBefore: iso(delivery.notBefore ?? now)!,
    expiresAt: iso(delivery.expiresAt),
    respectQuietHours: delivery.respectQuietHours ?? false,
  }));
  const column = <K extends keyof (typeof rows)[number]>(name: K) => rows.map((row) => row[name]);
  // Timestamps travel as ISO text and are stored as UTC wall time, which is how Prisma stores DateTime.
  return tx.$executeRaw`
    INSERT INTO "Delivery" ("id", "key", "kind", "personId", "target", "message", "notBefore", "expiresAt", "respectQuietHours", "createdAt", "updatedAt")
    SELECT v.id, v.key, v.kind, v.person_id, v.target::jsonb, v.message::jsonb,
           (v.not_before::timestamptz AT TIME ZONE 'UTC'), (v.expires_at::timestamptz AT TIME ZONE 'UTC'), v.quiet,
           (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'), (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
    FROM unnest(
      ${column("id")}::text[], ${column("key")}::text[], ${column("kind")}::text[], ${column("personId")}::text[],
      ${column("target")}::text[], ${column("message")}::text[], ${column("notBefore")}::text[], ${column("expiresAt")}::text[],
      ${column("respectQuietHours")}::boolean[]
    ) AS v(id, key, kind, person_id, target, message, not_before, expires_at, quiet)
    ON CONFLICT ("key") DO NOTHING`;
}
