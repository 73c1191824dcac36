// The outbox worker: claims due deliveries with a lease (FOR UPDATE SKIP LOCKED, so several instances never
// take the same row), sends them through the platform notifiers with bounded concurrency, and records the
// outcome in the delivery log. A crashed worker's rows are taken over when its lease expires.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/database.ts";
import type { OutboundMessage } from "../domain/notifications/messages.ts";
import { DeliveryError, type ChatNotifier, type DeliveryTarget, type PlatformName } from "../domain/notifications/notifier.ts";
import type { Clock } from "../shared/clock.ts";
import type { Logger } from "../shared/logger.ts";
import { resolvePerson } from "./recipient.ts";
import { backoffMs } from "./backoff.ts";

export interface DeliveryWorkerOptions {
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  notifiers: ChatNotifier[];
  instanceId?: string;
  concurrency?: number;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  pollMs?: number;
}

interface ClaimedRow {
  id: string;
  kind: string;
  personId: string | null;
  target: DeliveryTarget | null;
  message: OutboundMessage;
  attempts: number;
  expiresAt: Date | null;
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;

export function createDeliveryWorker(options: DeliveryWorkerOptions) {
  const { prisma, clock, logger } = options;
  const instanceId = options.instanceId ?? randomUUID();
  const concurrency = options.concurrency ?? 8;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 6;
  const notifiers = new Map(options.notifiers.map((notifier) => [notifier.platform, notifier]));
  const enabled = new Set<PlatformName>(notifiers.keys());
  let timer: NodeJS.Timeout | undefined;
  let draining: Promise<number> | undefined;
  let again = false;
  let stopped = false;

  async function claim(): Promise<ClaimedRow[]> {
    const now = clock.now();
    const leaseUntil = new Date(now.getTime() + leaseMs);
    return prisma.$queryRaw<ClaimedRow[]>`
      UPDATE "Delivery" SET status = 'sending', "leaseOwner" = ${instanceId}, "leaseUntil" = ${leaseUntil},
             attempts = attempts + 1, "updatedAt" = ${now}
      WHERE id IN (
        SELECT id FROM "Delivery"
        WHERE (status = 'pending' AND "notBefore" <= ${now}) OR (status = 'sending' AND "leaseUntil" < ${now})
        ORDER BY "notBefore" LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, "personId", target, message, attempts, "expiresAt"`;
  }

  /** Writes an outcome only while this instance still holds the lease, so a taken-over row is not clobbered. */
  async function finish(id: string, data: Record<string, unknown>): Promise<void> {
    await prisma.delivery.updateMany({ where: { id, leaseOwner: instanceId, status: "sending" }, data: { ...data, leaseOwner: null, leaseUntil: null } });
  }

  async function deliver(row: ClaimedRow): Promise<void> {
    const now = clock.now();
    if (row.expiresAt && row.expiresAt < now) return finish(row.id, { status: "cancelled", lastError: "expired before it could be sent" });
    try {
      const result = await send(row);
      if (result === "cancelled") return;
      await finish(row.id, { status: "sent", sentAt: clock.now(), platformMessageId: result.messageId, lastError: null });
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError(errorText(error), true);
      if (failure.retryable && row.attempts < maxAttempts) {
        const delay = failure.retryAfterMs ?? backoffMs(row.attempts);
        await finish(row.id, { status: "pending", notBefore: new Date(clock.now().getTime() + delay), lastError: failure.message });
      } else {
        logger.warn({ deliveryId: row.id, kind: row.kind, attempts: row.attempts, reason: failure.message }, "delivery failed for good");
        await finish(row.id, { status: "failed", lastError: failure.message });
      }
    }
  }

  async function send(row: ClaimedRow): Promise<{ messageId: string } | "cancelled"> {
    if (row.personId) {
      const person = await resolvePerson(prisma, row.personId, enabled);
      if (!person || !person.active) {
        await finish(row.id, { status: "cancelled", lastError: "recipient is no longer active" });
        return "cancelled";
      }
      if (!person.recipient) throw new DeliveryError("no chat identity Momentum can reach for this person", false);
      return notifierFor(person.recipient.platform).sendToPerson(person.recipient, row.message);
    }
    const target = row.target;
    if (target?.kind === "slack-channel") return notifierFor("slack").sendToChannel(target.channel, row.message);
    if (target?.kind === "teams-channel") return notifierFor("teams").sendToChannel(target.conversationId, row.message);
    throw new DeliveryError("delivery has no target", false);
  }

  function notifierFor(platform: PlatformName): ChatNotifier {
    const notifier = notifiers.get(platform);
    if (!notifier) throw new DeliveryError(`${platform} is not enabled on this server`, false);
    return notifier;
  }

  async function runBatch(rows: ClaimedRow[]): Promise<void> {
    let next = 0;
    const lanes = Array.from({ length: Math.min(concurrency, rows.length) }, async () => {
      while (next < rows.length) await deliver(rows[next++]);
    });
    await Promise.all(lanes);
  }

  /** Sends everything due now; returns how many deliveries were attempted. */
  async function drainOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await claim();
      if (rows.length === 0) return total;
      total += rows.length;
      await runBatch(rows);
      if (stopped) return total;
    }
  }

  function drain(): Promise<number> {
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          total += await drainOnce();
        } while (again && !stopped);
      } catch (error) {
        logger.error({ err: error }, "delivery worker run failed; will retry on the next tick");
      } finally {
        draining = undefined;
      }
      return total;
    })();
    return draining;
  }

  return {
    instanceId,
    /** Start sending soon (after a use case queued something). */
    kick(): void {
      if (!stopped) void drain();
    },
    drain,
    start(): void {
      stopped = false;
      timer = setInterval(() => void drain(), options.pollMs ?? 1000);
      timer.unref();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      await draining;
    },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : "unknown error";
}
