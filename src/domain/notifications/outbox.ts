// Writing to the outbox. Use cases call this inside their own transaction, so a kudos and the DMs announcing it
// are stored together or not at all; the delivery worker (src/deliveries) sends them later.
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

/** Inserts the deliveries whose keys are new; returns how many were new. */
export async function enqueueDeliveries(tx: Tx, deliveries: NewDelivery[]): Promise<number> {
  if (deliveries.length === 0) return 0;
  const result = await tx.delivery.createMany({
    data: deliveries.map((delivery) => ({
      key: delivery.key,
      kind: delivery.kind,
      personId: delivery.target.kind === "person" ? delivery.target.personId : null,
      target: delivery.target.kind === "person" ? undefined : delivery.target,
      message: delivery.message,
      notBefore: delivery.notBefore,
      expiresAt: delivery.expiresAt,
      respectQuietHours: delivery.respectQuietHours ?? false,
    })),
    skipDuplicates: true,
  });
  return result.count;
}
