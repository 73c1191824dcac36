// Per-instance reservoir of rate-limit slots: instead of one bucket statement per message, an instance reserves a
// few slots at once (at most a tenth of a second of the bucket's rate, so little is wasted when they go unused) and
// hands them to its lanes in order. Slots are absolute times on the injected clock.
import type { Clock } from "../shared/clock.ts";
import type { RateLimit, RateLimiter } from "./rate-limiter.ts";

export type Slot = { granted: true; atMs: number } | { granted: false; waitMs: number };

interface Pool {
  slots: number[];
  /** Clock time of the latest reservation: a clock now earlier than this was stepped back. */
  reservedAtMs: number;
  refilling?: Promise<Slot | null>;
}

/** Upper bound of slots reserved per statement. */
const MAX_RESERVATION = 8;

export function createSlotReservoir(limiter: RateLimiter, clock: Clock) {
  const pools = new Map<string, Pool>();

  function poolOf(key: string): Pool {
    let pool = pools.get(key);
    if (!pool) pools.set(key, (pool = { slots: [], reservedAtMs: 0 }));
    return pool;
  }

  /** Reserves a handful of slots; null when they were added to the pool, a refusal otherwise. */
  async function reserve(limit: RateLimit, maxWaitMs: number, pool: Pool): Promise<Slot | null> {
    const count = Math.max(1, Math.min(MAX_RESERVATION, Math.floor(limit.perSecond / 10)));
    const startedAt = clock.now().getTime();
    const grant = await limiter.take(limit, maxWaitMs, count);
    if (!grant.granted) return { granted: false, waitMs: grant.waitMs };
    pool.reservedAtMs = startedAt;
    pool.slots.push(...grant.slotsMs.map((ms) => startedAt + ms));
    return null;
  }

  return {
    /** The next slot for this bucket (unlimited buckets: now), or how long to come back after. */
    async next(limit: RateLimit, maxWaitMs: number): Promise<Slot> {
      if (limit.perSecond <= 0) return { granted: true, atMs: clock.now().getTime() };
      const pool = poolOf(limit.key);
      // A clock stepped back by more than a second since the slots were reserved (NTP, a test clock) voids them,
      // as the bucket itself restarts its clock in that case; otherwise they would sit hours in the future.
      if (clock.now().getTime() < pool.reservedAtMs - 1000) pool.slots.length = 0;
      // Bounded: each round either yields a slot, a refusal, or waits for another lane's reservation.
      for (let round = 0; round < 10; round++) {
        const slot = pool.slots.shift();
        if (slot !== undefined) return { granted: true, atMs: slot };
        pool.refilling ??= reserve(limit, maxWaitMs, pool).finally(() => (pool.refilling = undefined));
        const refused = await pool.refilling;
        if (refused) return refused;
      }
      return { granted: false, waitMs: 100 };
    },
    /** After a 429: slots reserved before the platform said "slow down" are void. */
    forget(key: string): void {
      poolOf(key).slots.length = 0;
    },
  };
}

export type SlotReservoir = ReturnType<typeof createSlotReservoir>;
