import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createRateLimiter, limitsFor, platformLimit } from "../../src/deliveries/rate-limiter.ts";
import { ManualClock } from "../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../support/database.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());
beforeEach(async () => resetDatabase(db));

const slack = { key: "slack", perSecond: 10, burst: 2 };

describe("fleet-wide token bucket", () => {
  it("when a quiet bucket is asked for more than its burst, the first takes go at once and later ones are told to wait their turn, 1/rate apart", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const limiter = createRateLimiter(db.prisma, clock);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) waits.push((await limiter.take(slack, 5_000)).waitMs);
    expect(waits).toEqual([0, 0, 100, 200, 300]);
  });

  it("when time passes, the bucket refills at its rate but never beyond its burst", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const limiter = createRateLimiter(db.prisma, clock);
    for (let i = 0; i < 4; i++) await limiter.take(slack, 5_000); // two in debt
    clock.advance(10_000);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) waits.push((await limiter.take(slack, 5_000)).waitMs);
    expect(waits).toEqual([0, 0, 100]);
  });

  it("when an instance reserves several slots in one statement, it gets them spaced 1/rate apart, after what others reserved", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const instanceA = createRateLimiter(db.prisma, clock);
    const instanceB = createRateLimiter(db.prisma, clock);
    expect((await instanceA.take(slack, 5_000, 4)).slotsMs).toEqual([0, 0, 100, 200]);
    expect((await instanceB.take(slack, 5_000, 3)).slotsMs).toEqual([300, 400, 500]);
    expect((await instanceA.take(slack, 550, 2)).granted).toBe(false); // the second would be 700 ms away
  });

  it("when the wait would exceed the caller's limit, nothing is taken and the caller learns when to come back", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const limiter = createRateLimiter(db.prisma, clock);
    for (let i = 0; i < 7; i++) expect((await limiter.take(slack, 500)).granted).toBe(true); // 2 free + 5 in debt = 500 ms
    const refused = await limiter.take(slack, 500);
    expect(refused.granted).toBe(false);
    expect(refused.waitMs).toBe(100);
    const bucket = await db.prisma.rateBucket.findUniqueOrThrow({ where: { key: "slack" } });
    expect(bucket.tokens).toBeCloseTo(-5);
  });

  it("when the platform answers 429 with Retry-After, every instance's next take waits at least that long", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const instanceA = createRateLimiter(db.prisma, clock);
    const instanceB = createRateLimiter(db.prisma, clock);
    await instanceA.penalise(slack, 30_000);
    const refused = await instanceB.take(slack, 5_000);
    expect(refused.granted).toBe(false);
    expect(refused.waitMs).toBeGreaterThanOrEqual(25_000);
    clock.advance(30_000);
    expect(await instanceB.take(slack, 5_000)).toMatchObject({ granted: true, waitMs: 100 });
  });

  it("when many takes race on one bucket, each token is handed out once (no lost updates)", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const limiter = createRateLimiter(db.prisma, clock);
    const grants = await Promise.all(
      Array.from({ length: 40 }, () => limiter.take({ key: "race", perSecond: 10, burst: 1 }, 60_000)),
    );
    const waits = grants.map((grant) => grant.waitMs).sort((a, b) => a - b);
    expect(waits).toEqual(Array.from({ length: 40 }, (_, i) => i * 100));
  });

  it("when a ceiling is configured, the bucket's burst comes out of its rate, so no one-second window can exceed the ceiling", () => {
    for (const ceiling of [2, 20, 40, 400]) {
      const limit = platformLimit("slack", ceiling);
      expect(limit.burst + limit.perSecond).toBeLessThanOrEqual(ceiling);
      expect(limit.perSecond).toBeGreaterThan(0);
    }
    expect(platformLimit("slack", 400)).toEqual({ key: "slack", perSecond: 392, burst: 8 });
  });

  it("when a send goes to a channel, it also takes from that channel's one-per-second bucket; an unlimited platform takes nothing", async () => {
    expect(limitsFor("slack", { slackPerSecond: 20, teamsPerSecond: 40 }, "C1").map((limit) => limit.key)).toEqual([
      "slack:channel:C1",
      "slack",
    ]);
    const limiter = createRateLimiter(db.prisma, new ManualClock("2026-11-27T15:00:00Z"));
    expect(await limiter.take({ key: "teams", perSecond: 0, burst: 1 }, 0)).toMatchObject({ granted: true, waitMs: 0 });
    expect(await db.prisma.rateBucket.count()).toBe(0);
  });
});

describe("a fleet-wide bucket after a clock was stepped back", () => {
  it("when an instance's clock jumps back by more than a minute, the bucket keeps granting instead of stalling until the old time", async () => {
    const clock = new ManualClock("2026-12-01T12:00:00Z");
    const limiter = createRateLimiter(db.prisma, clock);
    const limit = { key: "slack:clock-step", perSecond: 10, burst: 1 };
    expect((await limiter.take(limit, 1000)).granted).toBe(true);
    clock.set("2026-11-24T12:00:00Z"); // a week earlier
    expect((await limiter.take(limit, 1000)).granted).toBe(true);
    clock.advance(1000);
    const later = await limiter.take(limit, 1000);
    expect(later.granted).toBe(true);
    expect(later.waitMs).toBeLessThanOrEqual(100);
  });
});
