import { describe, expect, it } from "vitest";
import { createSlotReservoir } from "../../src/deliveries/slot-reservoir.ts";
import type { RateLimiter } from "../../src/deliveries/rate-limiter.ts";
import { ManualClock } from "../../src/shared/clock.ts";

// A limiter that grants every request with slots 0, 100, 200 … ms after the reservation.
const evenlySpaced: RateLimiter = {
  take: async (_limit, _maxWaitMs, count = 1) => ({
    granted: true,
    waitMs: 0,
    slotsMs: Array.from({ length: count }, (_, index) => index * 100),
  }),
  penalise: async () => undefined,
};
const limit = { key: "slack", perSecond: 40, burst: 40 };

describe("the per-instance slot reservoir", () => {
  it("hands out the reserved slots in order, at times relative to when they were reserved", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const reservoir = createSlotReservoir(evenlySpaced, clock);
    const start = clock.now().getTime();
    const slots = [await reservoir.next(limit, 5_000), await reservoir.next(limit, 5_000)];
    expect(slots).toEqual([
      { granted: true, atMs: start },
      { granted: true, atMs: start + 100 },
    ]);
  });

  it("when the clock is stepped back an hour, slots reserved before are dropped instead of making sends wait an hour", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const reservoir = createSlotReservoir(evenlySpaced, clock);
    await reservoir.next(limit, 5_000); // reserves four slots, hands out the first
    clock.advance(-3_600_000);
    const slot = await reservoir.next(limit, 5_000);
    expect(slot).toEqual({ granted: true, atMs: clock.now().getTime() });
  });

  it("when a slow limiter grants a slot ten minutes ahead, the slot is kept (the wait is real, not a clock step)", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const slow: RateLimiter = {
      take: async () => ({ granted: true, waitMs: 600_000, slotsMs: [600_000] }),
      penalise: async () => undefined,
    };
    const reservoir = createSlotReservoir(slow, clock);
    expect(await reservoir.next(limit, 5_000)).toEqual({ granted: true, atMs: clock.now().getTime() + 600_000 });
  });
});
