import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runDeliveriesCommand } from "../../src/cli/commands/deliveries.ts";
import { createClaims } from "../../src/deliveries/claims.ts";
import { ManualClock } from "../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../support/database.ts";
import {
  countBy,
  drainUntilSettled,
  enqueuePrompts,
  FakeNotifier,
  manualWorker,
  seedPeople,
} from "./engine-support.ts";
import { SEEDED_AT } from "../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());
beforeEach(async () => resetDatabase(db));

// Friday 27 November 2026, 15:00 UTC: inside working hours for UTC people.
const FRIDAY_AFTERNOON = "2026-11-27T15:00:00Z";

describe("outbox worker", () => {
  it("when deliveries are due, each person gets exactly one message and the delivery log records it", async () => {
    const clock = new ManualClock(FRIDAY_AFTERNOON);
    const people = await seedPeople(db.prisma, 30);
    await enqueuePrompts(db.prisma, clock.now(), people);
    const notifier = new FakeNotifier();
    const worker = manualWorker(db.prisma, clock, notifier, { concurrency: 4 });

    const summary = await worker.drain();
    await worker.drain();

    expect(summary.results.sent).toBe(30);
    expect([...countBy(notifier.delivered).values()].every((count) => count === 1)).toBe(true);
    expect(notifier.delivered).toHaveLength(30);
    const rows = await db.prisma.delivery.findMany();
    expect(
      rows.every(
        (row) => row.status === "sent" && row.sentAt && row.platformMessageId && row.attempts === 1 && !row.leaseOwner,
      ),
    ).toBe(true);
  });

  it("when the platform answers 429 with Retry-After, the row waits that long without using up an attempt, then goes out once", async () => {
    const clock = new ManualClock(FRIDAY_AFTERNOON);
    const [alice] = await seedPeople(db.prisma, 1);
    await enqueuePrompts(db.prisma, clock.now(), [alice]);
    const notifier = new FakeNotifier((call) => (call < 3 ? { status: 429, retryAfter: 30 } : "ok"));
    const worker = manualWorker(db.prisma, clock, notifier, { maxAttempts: 2 });

    await worker.drain();
    const waiting = await db.prisma.delivery.findFirstOrThrow();
    expect(waiting.status).toBe("pending");
    expect(waiting.notBefore.toISOString()).toBe("2026-11-27T15:00:30.000Z");
    expect(waiting.attempts).toBe(0);
    clock.advance(10_000);
    await worker.drain();
    expect(notifier.calls).toBe(1); // not before Retry-After

    await drainUntilSettled(db.prisma, clock, [worker.drain]);
    expect(notifier.delivered).toEqual([alice]);
    expect((await db.prisma.delivery.findFirstOrThrow()).status).toBe("sent");
  });

  it("when a share of calls answer 500, 502, 412 or time out, every delivery still goes out exactly once in the end", async () => {
    const clock = new ManualClock(FRIDAY_AFTERNOON);
    const people = await seedPeople(db.prisma, 60);
    await enqueuePrompts(db.prisma, clock.now(), people);
    const faults = [
      { status: 500 },
      { status: 502 },
      { status: 412 },
      "timeout",
      { status: 429, retryAfter: 2 },
    ] as const;
    // Every other call fails, cycling through the faults: deterministic, so the test cannot be flaky.
    const notifier = new FakeNotifier((call) => (call % 2 === 0 ? faults[(call / 2) % faults.length] : "ok"));
    const worker = manualWorker(db.prisma, clock, notifier, { concurrency: 5 });

    await drainUntilSettled(db.prisma, clock, [worker.drain]);

    const counts = countBy(notifier.delivered);
    expect(counts.size).toBe(60);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(await db.prisma.delivery.count({ where: { status: "sent" } })).toBe(60);
    expect(notifier.calls).toBeGreaterThan(60);
  });

  it("when retries run out, the delivery is failed with its last error, listed for admins without its text, and admins get one notice a day", async () => {
    const clock = new ManualClock(FRIDAY_AFTERNOON);
    const [bob] = await seedPeople(db.prisma, 1);
    await db.prisma.person.create({
      data: {
        id: "admin-1",
        email: "admin@example.com",
        name: "Ada",
        timeZone: "UTC",
        role: "admin",
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      },
    });
    await db.prisma.slackIdentity.create({
      data: { personId: "admin-1", teamId: "T1", userId: "UADMIN", createdAt: SEEDED_AT },
    });
    await enqueuePrompts(db.prisma, clock.now(), [bob]);
    const notifier = new FakeNotifier((_call, to) => (to === bob ? { status: 503 } : "ok"));
    const worker = manualWorker(db.prisma, clock, notifier, { maxAttempts: 3 });

    await drainUntilSettled(db.prisma, clock, [worker.drain]);

    const failed = await db.prisma.delivery.findFirstOrThrow({ where: { personId: bob } });
    expect(failed.status).toBe("failed");
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toBe("platform answered 503");
    expect(notifier.delivered).toEqual(["admin-1"]);
    const notice = await db.prisma.delivery.findFirstOrThrow({ where: { personId: "admin-1" } });
    expect(notice.kind).toBe("delivery-failures-notice");
    expect(notice.status).toBe("sent");

    const lines: string[] = [];
    expect(await runDeliveriesCommand(["failed"], { prisma: db.prisma, clock, out: (line) => lines.push(line) })).toBe(
      0,
    );
    const listed = lines.join("\n");
    expect(listed).toContain(failed.id);
    expect(listed).toContain("person0@example.com");
    expect(listed).toContain("checkin.prompt");
    expect(listed).toContain("platform answered 503");
    expect(listed).not.toContain("Friday 4 December"); // the message body stays private

    // A second failure the same day: no second notice.
    await enqueuePrompts(db.prisma, clock.now(), [bob], { key: "second-prompt" });
    await drainUntilSettled(db.prisma, clock, [worker.drain]);
    expect(await db.prisma.delivery.count({ where: { personId: "admin-1" } })).toBe(1);
  });

  it("when an admin retries failed deliveries from the CLI, they go out once the platform recovers", async () => {
    const clock = new ManualClock(FRIDAY_AFTERNOON);
    const people = await seedPeople(db.prisma, 3);
    await enqueuePrompts(db.prisma, clock.now(), people);
    let healthy = false;
    const notifier = new FakeNotifier(() => (healthy ? "ok" : { status: 500 }));
    const worker = manualWorker(db.prisma, clock, notifier, { maxAttempts: 1 });
    await drainUntilSettled(db.prisma, clock, [worker.drain]);
    expect(await db.prisma.delivery.count({ where: { status: "failed" } })).toBe(3);

    healthy = true;
    const one = await db.prisma.delivery.findFirstOrThrow({ where: { personId: people[0] } });
    const lines: string[] = [];
    const out = (line: string) => lines.push(line);
    expect(await runDeliveriesCommand(["retry", one.id], { prisma: db.prisma, clock, out })).toBe(0);
    expect(await runDeliveriesCommand(["retry", "no-such-id"], { prisma: db.prisma, clock, out })).toBe(1);
    // The CLI queues the retry as due at the service's clock, not at some other idea of now.
    await worker.drain();
    expect(notifier.delivered).toEqual([people[0]]);

    expect(await runDeliveriesCommand(["retry", "--all-failed"], { prisma: db.prisma, clock, out })).toBe(0);
    await worker.drain();
    expect(notifier.delivered.sort()).toEqual([...people].sort());
    expect(lines.some((line) => line.startsWith("Queued 2 deliveries"))).toBe(true);
    expect(await runDeliveriesCommand(["bogus"], { prisma: db.prisma, clock, out })).toBe(2);
  });

  it("when a worker dies after claiming, its unsent rows go out once after the lease and the rows it marked sent are not resent", async () => {
    const clock = new ManualClock(FRIDAY_AFTERNOON);
    const people = await seedPeople(db.prisma, 10);
    await enqueuePrompts(db.prisma, clock.now(), people);
    const dead = createClaims(db.prisma, "dead-instance");
    const claimed = await dead.claim(clock.now(), 10, 60_000);
    expect(claimed).toHaveLength(10);
    for (const row of claimed.slice(0, 3)) {
      expect(
        await dead.finish(row.id, clock.now(), { status: "sent", sentAt: clock.now(), platformMessageId: "dead-ts" }),
      ).toBe(true);
    }
    const notifier = new FakeNotifier();
    const survivor = manualWorker(db.prisma, clock, notifier);

    await survivor.drain();
    expect(notifier.delivered).toEqual([]); // the lease still holds

    clock.advance(61_000);
    await survivor.drain();
    const sentByDead = new Set(claimed.slice(0, 3).map((row) => row.personId));
    expect(notifier.delivered).toHaveLength(7);
    expect(notifier.delivered.some((id) => sentByDead.has(id))).toBe(false);
    expect(await db.prisma.delivery.count({ where: { status: "sent" } })).toBe(10);

    // The dead instance wakes up: it may not send or write anything for rows it lost.
    expect(await dead.renewLease(claimed[5].id, clock.now(), 60_000)).toBeNull();
    expect(await dead.finish(claimed[5].id, clock.now(), { status: "failed", lastError: "late" })).toBe(false);
    expect((await db.prisma.delivery.findUniqueOrThrow({ where: { id: claimed[5].id } })).status).toBe("sent");
  });

  it("when a claimed row waits past its lease (a slow, rate-limited batch) and another instance takes it over, the first one does not send it", async () => {
    const clock = new ManualClock(FRIDAY_AFTERNOON);
    const [carol] = await seedPeople(db.prisma, 1);
    await enqueuePrompts(db.prisma, clock.now(), [carol]);
    const slow = createClaims(db.prisma, "slow-instance");
    const [row] = await slow.claim(clock.now(), 1, 60_000);
    clock.advance(61_000);
    const notifier = new FakeNotifier();
    await manualWorker(db.prisma, clock, notifier).drain();

    expect(await slow.renewLease(row.id, clock.now(), 60_000)).toBeNull();
    expect(notifier.delivered).toEqual([carol]);
  });

  it("when a worker's rows wait for the rate limit longer than their lease and another worker takes them over, they are sent once, by the other", async () => {
    const clock = new ManualClock(FRIDAY_AFTERNOON);
    const people = await seedPeople(db.prisma, 4);
    await enqueuePrompts(db.prisma, clock.now(), people);
    const notifier = new FakeNotifier();
    const other = manualWorker(db.prisma, clock, notifier);
    let otherRun: Promise<unknown> = Promise.resolve();
    // The first slot comes only after 10 minutes (a fleet under heavy throttling); meanwhile the other instance runs.
    const slowLimiter = {
      take: async () => ({ granted: true, waitMs: 600_000, slotsMs: [600_000] }),
      penalise: async () => undefined,
    };
    const throttled = manualWorker(db.prisma, clock, notifier, {
      rateLimiter: slowLimiter,
      concurrency: 1,
      batchSize: 4,
      sleep: async (ms) => {
        clock.advance(ms);
        otherRun = other.drain();
        await otherRun;
      },
    });

    const summary = await throttled.drain();
    await otherRun;

    expect(summary.results.lost).toBe(4);
    expect(summary.results.sent).toBe(0);
    expect([...countBy(notifier.delivered).values()]).toEqual([1, 1, 1, 1]);
  });

  it("when the service stops with rows claimed but not started, it hands them back at once instead of holding them for the lease", async () => {
    const clock = new ManualClock(FRIDAY_AFTERNOON);
    const people = await seedPeople(db.prisma, 6);
    await enqueuePrompts(db.prisma, clock.now(), people);
    let stopNow: () => Promise<void> = async () => undefined;
    let stopping: Promise<void> | undefined;
    const notifier = new FakeNotifier((call) => {
      if (call === 0) stopping = stopNow();
      return "ok";
    });
    const worker = manualWorker(db.prisma, clock, notifier, { concurrency: 1, batchSize: 6 });
    stopNow = () => worker.stop();
    await worker.drain();
    await stopping;

    expect(notifier.delivered).toHaveLength(1);
    expect(await db.prisma.delivery.count({ where: { status: "pending", leaseOwner: null } })).toBe(5);
  });
});
