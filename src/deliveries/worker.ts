// The outbox worker: claims due deliveries (FOR UPDATE SKIP LOCKED, so instances take disjoint rows), sends
// them through the platform notifiers with bounded concurrency under the fleet-wide rate limit, and records each
// outcome in the delivery log. Rows are claimed a few at a time with a short lease; each row's lease is confirmed
// and renewed right before its send (deliver-row.ts), so a batch slowed down by the rate limit never outlives its
// lease and gets sent twice. A dead instance's rows return to the queue when their lease runs out, or at once when
// it restarts under the same instance id (handBackOwnLeases).
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/database.ts";
import type { ChatNotifier, PlatformName } from "../domain/notifications/notifier.ts";
import type { Clock } from "../shared/clock.ts";
import type { Logger } from "../shared/logger.ts";
import { createClaims, type ClaimedRow } from "./claims.ts";
import { createRowSender, type RowResult } from "./deliver-row.ts";
import { noticeAdminsOfFailures } from "./failure-notice.ts";
import { createRateLimiter, type RateLimiter, type RateSettings } from "./rate-limiter.ts";
import { resolvePeople, resolvePerson, type ResolvedPerson } from "./recipient.ts";
import type { DirectoryConnector } from "../domain/directory/directory-ports.ts";
import type { SendWindowOrg } from "./send-window.ts";
import { logError } from "../shared/log-error.ts";

export interface DeliveryWorkerOptions {
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  notifiers: ChatNotifier[];
  /** Working hours, work days and the fallback zone for quiet hours; the org's zone names the "day" of failure notices. */
  org: SendWindowOrg;
  /** Names this instance's leases; stable across restarts (INSTANCE_ID) so a restart can hand back its own. */
  instanceId?: string;
  /** Sends in flight at once in this instance. */
  concurrency?: number;
  /** Rows claimed per round trip; defaults to twice the concurrency so lanes rarely wait for a claim. */
  batchSize?: number;
  /** Lease of a claimed row that has not started sending yet. */
  claimLeaseMs?: number;
  /** Lease renewed right before a send: must outlast sendTimeoutMs. */
  sendLeaseMs?: number;
  sendTimeoutMs?: number;
  maxAttempts?: number;
  pollMs?: number;
  /** Fleet-wide rates per platform (0 = unlimited). */
  rates?: RateSettings;
  /** Defaults to the RateBucket table; tests may pass their own. */
  rateLimiter?: RateLimiter | null;
  maxInlineWaitMs?: number;
  /** Injected so tests can move a ManualClock instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** Platform directories that can link one person on demand (Slack lookupByEmail), tried in order. */
  directories?: DirectoryConnector[];
}

export interface DrainSummary {
  attempted: number;
  results: Record<RowResult, number>;
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;

/** Tries each enabled platform's on-demand link in turn; the first that links wins, a "busy" defers the row. */
function linkerFor(
  directories: DirectoryConnector[],
  enabled: Set<PlatformName>,
  resolve: (personId: string) => Promise<ResolvedPerson | null>,
) {
  const linkers = directories.filter((directory) => directory.linkPerson && enabled.has(directory.platform));
  if (linkers.length === 0) return undefined;
  return async (personId: string) => {
    const reasons: string[] = [];
    for (const directory of linkers) {
      const link = await directory.linkPerson!(personId);
      if (link.outcome === "linked")
        return { outcome: "linked" as const, person: (await resolve(personId)) ?? undefined };
      if (link.outcome === "busy") return link;
      reasons.push(`${directory.platform}: ${link.reason}`);
    }
    return { outcome: "unreachable" as const, reason: reasons.join("; ") };
  };
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createDeliveryWorker(options: DeliveryWorkerOptions) {
  const { prisma, clock, logger } = options;
  const instanceId = options.instanceId ?? randomUUID();
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const batchSize = Math.max(1, options.batchSize ?? concurrency * 2);
  const sendTimeoutMs = options.sendTimeoutMs ?? 30_000;
  const sendLeaseMs = Math.max(options.sendLeaseMs ?? 2 * sendTimeoutMs, sendTimeoutMs + 5_000);
  // Twice the send lease: a row sent within sendLeaseMs of its claim (the usual case) needs no renewal.
  const claimLeaseMs = Math.max(options.claimLeaseMs ?? 2 * sendLeaseMs, sendLeaseMs);
  const claims = createClaims(prisma, instanceId);
  const notifiers = new Map(options.notifiers.map((notifier) => [notifier.platform, notifier]));
  const enabled = new Set<PlatformName>(notifiers.keys());
  const deliver = createRowSender({
    clock,
    logger,
    claims,
    notifiers,
    org: options.org,
    rateLimiter: options.rateLimiter === null ? undefined : (options.rateLimiter ?? createRateLimiter(prisma, clock)),
    rates: options.rates ?? { slackPerSecond: 20, teamsPerSecond: 40 },
    maxAttempts: options.maxAttempts ?? 6,
    sendLeaseMs,
    sendTimeoutMs,
    maxInlineWaitMs: options.maxInlineWaitMs ?? 5_000,
    sleep: options.sleep ?? realSleep,
    linkPerson: linkerFor(options.directories ?? [], enabled, (personId) =>
      resolvePerson(prisma, personId, enabled, clock.now()),
    ),
  });
  let timer: NodeJS.Timeout | undefined;
  let draining: Promise<DrainSummary> | undefined;
  let again = false;
  let stopped = false;

  /** One pass: lanes pull rows from a shared local queue, refilled by one claim at a time, until nothing is due. */
  async function drainOnce(summary: DrainSummary): Promise<void> {
    const now = clock.now();
    await claims.releaseExpiredLeases(now);
    summary.results.cancelled += await claims.cancelExpired(now);
    const queue: ClaimedRow[] = [];
    const people = new Map<string, ResolvedPerson>();
    let claiming: Promise<boolean> | undefined;
    let exhausted = false;
    const claimMore = async (): Promise<boolean> => {
      const rows = await claims.claim(clock.now(), batchSize, claimLeaseMs);
      const personIds = rows.flatMap((row) => (row.personId ? [row.personId] : []));
      for (const [id, person] of await resolvePeople(prisma, personIds, enabled, clock.now())) people.set(id, person);
      queue.push(...rows);
      if (rows.length === 0) exhausted = true;
      return rows.length > 0;
    };
    const refill = (): Promise<boolean> => (claiming ??= claimMore().finally(() => (claiming = undefined)));

    const lane = async () => {
      for (;;) {
        if (stopped) return;
        if (queue.length === 0) {
          if (exhausted || !(await refill())) return;
          continue;
        }
        const row = queue.shift()!;
        summary.attempted++;
        try {
          summary.results[await deliver(row, row.personId ? people.get(row.personId) : undefined)]++;
        } catch (error) {
          // The database failed mid-row: the row keeps its lease and is taken over when it runs out.
          logError(logger, error, "delivery could not be processed; it will be retried after its lease", {
            deliveryId: row.id,
          });
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: concurrency }, lane));
    } finally {
      // Stopping: rows claimed but not started go straight back to the queue for another instance.
      await claims.release(
        queue.splice(0).map((row) => row.id),
        clock.now(),
      );
    }
  }

  function drain(): Promise<DrainSummary> {
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      const summary: DrainSummary = {
        attempted: 0,
        results: { sent: 0, retry: 0, failed: 0, cancelled: 0, deferred: 0, lost: 0 },
      };
      try {
        do {
          again = false;
          await drainOnce(summary);
        } while (again && !stopped);
        if (summary.results.failed > 0) {
          await noticeAdminsOfFailures({ prisma, now: clock.now(), timeZone: options.org.defaultTimeZone });
        }
      } catch (error) {
        logError(logger, error, "delivery worker run failed; will retry on the next tick");
      } finally {
        draining = undefined;
      }
      if (summary.attempted > 0) logger.debug({ ...summary.results }, "delivery run finished");
      return summary;
    })();
    return draining;
  }

  return {
    instanceId,
    /**
     * Call once at start, before the first drain: rows this instance (the same instanceId) still held from before a
     * crash are due again at once instead of after their lease.
     */
    async handBackOwnLeases(): Promise<number> {
      const handedBack = await claims.handBackOwnLeases(clock.now());
      if (handedBack > 0)
        logger.info({ handedBack, instanceId }, "deliveries held before a restart handed back to the queue");
      return handedBack;
    },
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
