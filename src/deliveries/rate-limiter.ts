// Fleet-wide token buckets in the RateBucket table: every instance takes from the same row, so all of them
// together stay under the platform's ceiling. A take is one atomic INSERT … ON CONFLICT DO UPDATE that refills
// the bucket by the elapsed time and reserves tokens; the bucket may go into debt by up to `maxWaitMs` worth of
// tokens, which turns it into a queue: each caller learns how long to wait for its reserved slot, so instances
// interleave fairly instead of retrying in a loop. A 429 pushes the bucket into debt for Retry-After, so the
// whole fleet pauses, not only the instance that was told.
import { Prisma, type PrismaClient } from "../db/database.ts";
import type { Clock } from "../shared/clock.ts";

export interface RateLimit {
  /** Bucket key: "slack", "teams", "slack:channel:C123", … */
  key: string;
  /** Sustained rate; 0 or less means unlimited. */
  perSecond: number;
  /** Tokens a quiet bucket may hold: the largest burst it allows. */
  burst: number;
}

export interface RateGrant {
  granted: boolean;
  /** Granted: wait this long before using the first slot. Refused: try again after this long. */
  waitMs: number;
  /** Granted: when each of the reserved slots may be used, in ms from now, ascending. */
  slotsMs: number[];
}

export interface RateLimiter {
  /** Reserves `count` tokens (default 1) at once, or none when the last would be further off than `maxWaitMs`. */
  take(limit: RateLimit, maxWaitMs: number, count?: number): Promise<RateGrant>;
  /** The platform said "slow down for `ms`": put the bucket into that much debt for every instance. */
  penalise(limit: RateLimit, ms: number): Promise<void>;
}

/**
 * The bucket's clock only moves forward, so instances whose clocks differ by a little never refill it twice. A
 * stored time more than a minute ahead of ours means a clock was stepped back (NTP, a test clock): restart the
 * bucket's clock from now instead of waiting, refill-less, until the future comes round again.
 */
function nextUpdatedAt(now: Date) {
  return Prisma.sql`CASE WHEN "RateBucket"."updatedAt" > ${now}::timestamp(3) + interval '60 seconds' THEN ${now}::timestamp(3)
                         ELSE GREATEST("RateBucket"."updatedAt", ${now}::timestamp(3)) END`;
}

export function createRateLimiter(prisma: PrismaClient, clock: Clock): RateLimiter {
  return {
    async take(limit, maxWaitMs, count = 1) {
      if (limit.perSecond <= 0) return { granted: true, waitMs: 0, slotsMs: Array.from({ length: count }, () => 0) };
      const now = clock.now();
      const rate = limit.perSecond;
      const burst = Math.max(1, limit.burst);
      const floor = -(rate * maxWaitMs) / 1000;
      // The refilled level is spelled out twice (SET and WHERE) because ON CONFLICT offers no local variables;
      // both read the same locked row version, so they agree.
      const rows = await prisma.$queryRaw<{ tokens: number }[]>`
        INSERT INTO "RateBucket" (key, tokens, "updatedAt") VALUES (${limit.key}, ${burst - count}::double precision, ${now}::timestamp(3))
        ON CONFLICT (key) DO UPDATE SET
          tokens = LEAST(${burst}::double precision, "RateBucket".tokens + ${rate}::double precision
                     * GREATEST(0, EXTRACT(EPOCH FROM (${now}::timestamp(3) - "RateBucket"."updatedAt")))) - ${count}::double precision,
          "updatedAt" = ${nextUpdatedAt(now)}
        WHERE LEAST(${burst}::double precision, "RateBucket".tokens + ${rate}::double precision
                     * GREATEST(0, EXTRACT(EPOCH FROM (${now}::timestamp(3) - "RateBucket"."updatedAt")))) - ${count}::double precision
              >= ${floor}::double precision
        RETURNING tokens`;
      if (rows.length === 1) {
        // Token j of the n taken brought the level to (after + n - 1 - j): it may be used once that is repaid.
        const after = rows[0].tokens;
        const slotsMs = Array.from({ length: count }, (_, j) =>
          Math.max(0, Math.ceil((-(after + count - 1 - j) / rate) * 1000)),
        );
        return { granted: true, waitMs: slotsMs[0], slotsMs };
      }
      // Refused: nothing was taken. Read the level (no change, so no atomicity needed) to say when to come back.
      const [bucket] = await prisma.$queryRaw<{ tokens: number; updatedAt: Date }[]>`
        SELECT tokens, "updatedAt" FROM "RateBucket" WHERE key = ${limit.key}`;
      const elapsed = bucket ? Math.max(0, now.getTime() - bucket.updatedAt.getTime()) / 1000 : 0;
      const level = bucket ? Math.min(burst, bucket.tokens + rate * elapsed) : burst;
      return { granted: false, waitMs: Math.max(1, Math.ceil(((floor + count - level) / rate) * 1000)), slotsMs: [] };
    },

    async penalise(limit, ms) {
      if (limit.perSecond <= 0 || ms <= 0) return;
      const now = clock.now();
      const debt = -(limit.perSecond * ms) / 1000;
      // From the refilled level, so several 429s answered for the same moment do not stack into a longer pause.
      await prisma.$executeRaw`
        INSERT INTO "RateBucket" (key, tokens, "updatedAt") VALUES (${limit.key}, ${debt}::double precision, ${now}::timestamp(3))
        ON CONFLICT (key) DO UPDATE SET
          tokens = LEAST(${debt}::double precision, "RateBucket".tokens + ${limit.perSecond}::double precision
                     * GREATEST(0, EXTRACT(EPOCH FROM (${now}::timestamp(3) - "RateBucket"."updatedAt")))),
          "updatedAt" = ${nextUpdatedAt(now)}`;
    },
  };
}

/** The default ceilings, from platform-contracts.md; the platform-wide rates come from the environment. */
export interface RateSettings {
  slackPerSecond: number;
  teamsPerSecond: number;
}

/**
 * A bucket that keeps every one-second window at or under `ceiling`: a token bucket allows burst + rate in any
 * second, so the burst (a fiftieth of the ceiling) comes out of the rate. 0 = unlimited.
 */
export function platformLimit(key: string, ceiling: number): RateLimit {
  if (ceiling <= 0) return { key, perSecond: 0, burst: 1 };
  const burst = Math.max(1, Math.floor(ceiling / 50));
  return { key, perSecond: ceiling > burst ? ceiling - burst : ceiling / 2, burst: ceiling > burst ? burst : 1 };
}

/** Buckets a send must take from: the platform (one Slack workspace per bot token; one Teams app) and, for channel posts, the channel. */
export function limitsFor(platform: "slack" | "teams", settings: RateSettings, channel?: string): RateLimit[] {
  const ceiling = platform === "slack" ? settings.slackPerSecond : settings.teamsPerSecond;
  const limits: RateLimit[] = [platformLimit(platform, ceiling)];
  // Slack: chat.postMessage ≈ 1/s per channel. Teams: 7/1 s and 60/30 s per conversation → 1/s keeps under both.
  if (channel) limits.unshift({ key: `${platform}:channel:${channel}`, perSecond: 1, burst: 2 });
  return limits;
}
