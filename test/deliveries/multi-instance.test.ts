// Several instances of the service on one database: each worker has its own Prisma client (its own pool on
// PostgreSQL), as separate processes would.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/database.ts";
import { createDeliveryWorker } from "../../src/deliveries/worker.ts";
import { ManualClock, systemClock } from "../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, testDatabaseKind, type TestDatabase } from "../support/database.ts";
import { enqueueDeliveries } from "../../src/domain/notifications/outbox.ts";
import { checkInPromptsJob } from "../../src/jobs/definitions/index.ts";
import { domainContext } from "../support/fixtures.ts";
import {
  countBy,
  drainUntilSettled,
  enqueuePrompts,
  FakeNotifier,
  manualWorker,
  org,
  seedPeople,
  silentLogger,
} from "./engine-support.ts";

let db: TestDatabase;
let instances: Database[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
  // On PostgreSQL each "instance" gets its own client and pool; the embedded database allows one process only.
  instances =
    testDatabaseKind === "postgres"
      ? await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: db.url, dataDir: "unused", poolSize: 5 })))
      : [db, db, db];
});
afterAll(async () => {
  if (testDatabaseKind === "postgres") await Promise.all(instances.map((instance) => instance.close()));
  await db?.drop();
});
beforeEach(async () => resetDatabase(db));

describe.runIf(testDatabaseKind === "postgres")("three instances on one PostgreSQL", () => {
  it("when three workers race over 1,000 due prompts, each person gets exactly one", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const people = await seedPeople(db.prisma, 1000);
    await enqueuePrompts(db.prisma, clock.now(), people);
    const notifier = new FakeNotifier();
    const workers = instances.map((instance) => manualWorker(instance.prisma, clock, notifier, { concurrency: 8 }));

    const summaries = await Promise.all(workers.map((worker) => worker.drain()));

    const counts = countBy(notifier.delivered);
    expect(counts.size).toBe(1000);
    expect([...counts.values()].filter((count) => count > 1)).toEqual([]);
    expect(summaries.every((summary) => summary.results.sent > 0)).toBe(true); // all three took part
    expect(await db.prisma.delivery.count({ where: { status: "sent" } })).toBe(1000);
  });

  it("when the platform answers 429, 500 and timeouts for a share of calls, three racing workers still deliver each prompt exactly once", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const people = await seedPeople(db.prisma, 300);
    await enqueuePrompts(db.prisma, clock.now(), people);
    const faults = [{ status: 429, retryAfter: 1 }, { status: 500 }, "timeout", { status: 504 }] as const;
    const notifier = new FakeNotifier((call) => (call % 3 === 0 ? faults[(call / 3) % faults.length] : "ok"));
    const workers = instances.map((instance) => manualWorker(instance.prisma, clock, notifier, { concurrency: 6 }));

    await drainUntilSettled(
      db.prisma,
      clock,
      workers.map((worker) => worker.drain),
    );

    const counts = countBy(notifier.delivered);
    expect(counts.size).toBe(300);
    expect([...counts.values()].filter((count) => count > 1)).toEqual([]);
    expect(await db.prisma.delivery.count({ where: { status: "sent" } })).toBe(300);
  });

  it("when one instance claims a batch and dies, the other two deliver the rest once after the lease", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const people = await seedPeople(db.prisma, 200);
    await enqueuePrompts(db.prisma, clock.now(), people);
    // The dying instance sends 20 messages, then its process is gone: its notifier never answers again.
    const dyingNotifier = new FakeNotifier((call) => (call < 20 ? "ok" : "hang"));
    const dying = manualWorker(instances[0].prisma, clock, dyingNotifier, {
      concurrency: 4,
      batchSize: 50,
      sendTimeoutMs: 600_000,
    });
    void dying.drain();
    await waitUntil(async () => dyingNotifier.calls >= 24); // 20 sent and 4 lanes stuck
    await waitUntil(async () => (await db.prisma.delivery.count({ where: { status: "sent" } })) === 20);

    const notifier = new FakeNotifier();
    const survivors = instances.slice(1).map((instance) => manualWorker(instance.prisma, clock, notifier));
    await Promise.all(survivors.map((worker) => worker.drain()));
    const beforeLease = notifier.delivered.length;
    clock.advance(2 * 1_200_000 + 1); // past every lease the dead instance held (claim lease = 2 × send lease)
    await drainUntilSettled(
      db.prisma,
      clock,
      survivors.map((worker) => worker.drain),
    );

    const all = [...dyingNotifier.delivered, ...notifier.delivered];
    const counts = countBy(all);
    expect(beforeLease).toBeLessThan(180); // its claimed rows waited for the lease
    expect(counts.size).toBe(200);
    expect([...counts.values()].filter((count) => count > 1)).toEqual([]);
  });
});

describe.runIf(testDatabaseKind === "postgres")("a prompt moved off a holiday, on three instances", () => {
  it("when three schedulers and three workers run through Christmas 2026 in Berlin, each person's moved prompt goes out exactly once, on Thursday", async () => {
    const people = await seedPeople(db.prisma, 200, { timeZone: "Europe/Berlin" });
    await db.prisma.person.updateMany({ data: { holidayCalendar: "DE-BE" } });
    const clock = new ManualClock("2026-12-24T14:00:00Z");
    const schedulers = instances.map((instance) => ({ ...domainContext(instance, { clock }), logger: silentLogger }));
    const notifier = new FakeNotifier();
    const workers = instances.map((instance) => manualWorker(instance.prisma, clock, notifier, { concurrency: 6 }));

    // Thursday 24 December 15:00 Berlin, then every 30 minutes through Christmas Day: all three evaluate each tick.
    for (let tick = 0; tick < 60; tick++) {
      const now = clock.now();
      await Promise.all(
        schedulers.map(async (ctx) => enqueueDeliveries(ctx.prisma, await checkInPromptsJob.due(ctx, now), now)),
      );
      await Promise.all(workers.map((worker) => worker.drain()));
      clock.advance(30 * 60_000);
    }

    const counts = countBy(notifier.delivered);
    expect(counts.size).toBe(people.length);
    expect([...counts.values()].filter((count) => count > 1)).toEqual([]);
    const sent = await db.prisma.delivery.findMany({
      where: { kind: "checkin.prompt" },
      select: { key: true, sentAt: true },
    });
    expect(sent).toHaveLength(people.length);
    expect(
      sent.every((row) => row.key.endsWith(":2026-W52") && row.sentAt?.toISOString() === "2026-12-24T14:00:00.000Z"),
    ).toBe(true);
  });
});

describe("fleet-wide rate ceiling", () => {
  it("when three workers share a 20-per-second Slack ceiling, no one-second window at the platform sees more than the ceiling", async () => {
    const people = await seedPeople(db.prisma, 50);
    await enqueuePrompts(db.prisma, systemClock.now(), people);
    const arrivals: number[] = [];
    const notifier = new FakeNotifier(() => (arrivals.push(Date.now()), "ok"));
    // Real time here: the ceiling is about real seconds at the platform. Only an upper bound is asserted, so a slow
    // machine cannot make it fail; a limiter that let the three instances each use the full rate would.
    const workers = instances.map((instance) =>
      createDeliveryWorker({
        prisma: instance.prisma,
        clock: systemClock,
        logger: silentLogger,
        notifiers: [notifier],
        org,
        concurrency: 4,
        rates: { slackPerSecond: 20, teamsPerSecond: 20 },
      }),
    );
    await Promise.all(workers.map((worker) => worker.drain()));

    expect(countBy(notifier.delivered).size).toBe(50);
    const busiestSecond = Math.max(
      ...arrivals.map((start) => arrivals.filter((at) => at >= start && at < start + 1000).length),
    );
    expect(busiestSecond).toBeLessThanOrEqual(20 + 1); // the ceiling (burst included) + one for timer jitter
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
