// The outbox's row-level protocol. Every statement that changes a claimed row names this instance as the lease
// owner, so an instance that lost its lease (it stalled, another one took the row over) can never write an
// outcome over someone else's, and a row marked sent is terminal: nothing ever claims it again.
import type { PrismaClient } from "../db/database.ts";
import type { OutboundMessage } from "../domain/notifications/messages.ts";
import type { DeliveryTarget } from "../domain/notifications/notifier.ts";

export interface ClaimedRow {
  id: string;
  kind: string;
  personId: string | null;
  target: DeliveryTarget | null;
  message: OutboundMessage;
  attempts: number;
  expiresAt: Date | null;
  respectQuietHours: boolean;
  /** Until when this instance's claim holds the row without renewal. */
  leaseUntil: Date;
}

export interface Outcome {
  status: "sent" | "pending" | "failed" | "cancelled";
  notBefore?: Date;
  sentAt?: Date;
  platformMessageId?: string | null;
  lastError?: string | null;
  /** -1 gives back the attempt counted by the claim when nothing was tried (quiet hours, rate limit, a 429). */
  attemptsDelta?: number;
}

/** What a delivered or cancelled row keeps in place of its message; the `kind` column still says what it was. */
export const REDACTED_MESSAGE = { redacted: true } as const;

export function createClaims(prisma: PrismaClient, instanceId: string) {
  return {
    /**
     * Rows whose lease ran out (their instance died or stalled) go back to the queue at their original due time,
     * so they are first in line. Only a handful of rows are ever in 'sending', so the (status, notBefore) index
     * prefix keeps this cheap.
     */
    async releaseExpiredLeases(now: Date): Promise<number> {
      return prisma.$executeRaw`
        UPDATE "Delivery" SET status = 'pending', "leaseOwner" = NULL, "leaseUntil" = NULL, "updatedAt" = ${now}
        WHERE status = 'sending' AND "leaseUntil" < ${now}`;
    },

    /**
     * At start: rows this instance held when it stopped without handing them back (a crash, a kill after the grace
     * period) go back to the queue at once, as an expired lease would, attempt kept (the send may have happened).
     * Only this instance's own rows: another instance's leases may be live. Needs a stable INSTANCE_ID.
     */
    async handBackOwnLeases(now: Date): Promise<number> {
      return prisma.$executeRaw`
        UPDATE "Delivery" SET status = 'pending', "leaseOwner" = NULL, "leaseUntil" = NULL, "updatedAt" = ${now}
        WHERE status = 'sending' AND "leaseOwner" = ${instanceId}`;
    },

    /** Stale messages are cancelled in one statement instead of being claimed one by one: never sent late. */
    async cancelExpired(now: Date): Promise<number> {
      return prisma.$executeRaw`
        UPDATE "Delivery" SET status = 'cancelled', message = '{"redacted":true}'::jsonb, "lastError" = 'expired before it could be sent', "updatedAt" = ${now}
        WHERE status = 'pending' AND "notBefore" <= ${now} AND "expiresAt" <= ${now}`;
    },

    /**
     * Oldest due first (FIFO on notBefore, served in order by the (status, notBefore) index, so a retry pushed
     * into the future never blocks fresh work). SKIP LOCKED lets instances claim disjoint rows concurrently.
     * The attempt is counted here, so a message that crashes its instance every time still reaches the limit.
     */
    async claim(now: Date, limit: number, leaseMs: number): Promise<ClaimedRow[]> {
      const leaseUntil = new Date(now.getTime() + leaseMs);
      return prisma.$queryRaw<ClaimedRow[]>`
        UPDATE "Delivery" SET status = 'sending', "leaseOwner" = ${instanceId}, "leaseUntil" = ${leaseUntil},
               attempts = attempts + 1, "updatedAt" = ${now}
        WHERE id IN (
          SELECT id FROM "Delivery"
          WHERE status = 'pending' AND "notBefore" <= ${now}
          ORDER BY "notBefore" LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, kind, "personId", target, message, attempts, "expiresAt", "respectQuietHours", "leaseUntil"`;
    },

    /**
     * Before a send that the claim's lease may not cover to the end (the row waited long in this instance): proves
     * this instance still owns the row and extends the lease over one send. False means another instance has
     * taken the row over: do not send.
     */
    async renewLease(id: string, now: Date, sendLeaseMs: number): Promise<Date | null> {
      const leaseUntil = new Date(now.getTime() + sendLeaseMs);
      const count = await prisma.$executeRaw`
        UPDATE "Delivery" SET "leaseUntil" = ${leaseUntil}, "updatedAt" = ${now}
        WHERE id = ${id} AND "leaseOwner" = ${instanceId} AND status = 'sending'`;
      return count === 1 ? leaseUntil : null;
    },

    /**
     * Writes an outcome only while this instance still holds the row; false when the lease was lost. A row that
     * is done (sent or cancelled) keeps its log fields but drops the message body: DMs carry private text
     * (feedback, check-in answers in agendas, private kudos) that must not outlive its delivery in the outbox.
     * Failed rows keep it so an admin can retry them.
     */
    async finish(id: string, now: Date, outcome: Outcome): Promise<boolean> {
      const done = outcome.status === "sent" || outcome.status === "cancelled";
      const count = await prisma.delivery.updateMany({
        where: { id, leaseOwner: instanceId, status: "sending" },
        data: {
          message: done ? REDACTED_MESSAGE : undefined,
          status: outcome.status,
          notBefore: outcome.notBefore,
          sentAt: outcome.sentAt,
          platformMessageId: outcome.platformMessageId,
          lastError: outcome.lastError,
          attempts: outcome.attemptsDelta ? { increment: outcome.attemptsDelta } : undefined,
          leaseOwner: null,
          leaseUntil: null,
          updatedAt: now,
        },
      });
      return count.count === 1;
    },

    /** Hands rows this instance claimed but did not start back to the queue (shutdown), without an attempt. */
    async release(ids: string[], now: Date): Promise<void> {
      if (ids.length === 0) return;
      await prisma.delivery.updateMany({
        where: { id: { in: ids }, leaseOwner: instanceId, status: "sending" },
        data: { status: "pending", attempts: { decrement: 1 }, leaseOwner: null, leaseUntil: null, updatedAt: now },
      });
    },
  };
}

export type Claims = ReturnType<typeof createClaims>;
