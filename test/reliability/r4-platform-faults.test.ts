// R4: the fake Slack answers 20% of calls with a fault (429 + Retry-After, 500, or no answer until the client's
// timeout). Everything queued is delivered exactly once in the end (a failed call delivers nothing, so a retry is
// not a duplicate), nothing crashes, no promise rejection goes unhandled, and memory stays bounded. Time is a
// ManualClock moved between worker runs, so backoff and Retry-After cost no real waiting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueDeliveries, type NewDelivery } from "../../src/domain/notifications/outbox.ts";
import { ManualClock } from "../../src/shared/clock.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startSlackHarness, type SlackHarness } from "../support/slack.ts";
import { report } from "./support/figures.ts";

const MESSAGES = Number(process.env.R4_MESSAGES ?? 1000);
let db: TestDatabase;
let harness: SlackHarness;
const clock = new ManualClock("2026-11-25T10:00:00Z");
let unhandled = 0;
const onUnhandled = () => void unhandled++;

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  db = await createTestDatabase();
  harness = await startSlackHarness({
    db,
    clock,
    // Unlimited fleet rate: this test is about faults, not pacing. A hung call gives up after 3 s (shorter timeouts fire on a loaded machine after the fake did post, which is a real duplicate, not the fault under test).
    env: { DELIVERY_SLACK_RATE_PER_SEC: "0", DELIVERY_CONCURRENCY: "16", DELIVERY_MAX_ATTEMPTS: "50" },
    slack: { requestTimeoutMs: 3000 },
  });
});
afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await harness?.stop();
  await db?.drop();
});

describe("R4 platform faults", () => {
  it("when 20% of Slack calls fail with 429, 500 or a timeout, every message is delivered once in the end without crash or unhandled rejection", async () => {
    await db.prisma.$executeRawUnsafe(`
      INSERT INTO "Person" (id, email, name, "timeZone", "createdAt", "updatedAt")
      SELECT 'p-' || n, 'p' || n || '@example.com', 'Person ' || n, 'UTC', now(), now() FROM generate_series(1, ${MESSAGES}) AS n`);
    await db.prisma.$executeRawUnsafe(`
      INSERT INTO "SlackIdentity" (id, "personId", "teamId", "userId", "dmChannel", "createdAt")
      SELECT 's-' || n, 'p-' || n, 'T0MOMENTUM', 'U' || n, 'DM' || n, now() FROM generate_series(1, ${MESSAGES}) AS n`);
    const deliveries: NewDelivery[] = Array.from({ length: MESSAGES }, (_, index) => ({
      key: `r4:${index + 1}`,
      kind: "notice",
      target: { kind: "person", personId: `p-${index + 1}` },
      message: { type: "notice", title: "R4", text: `message ${index + 1}` },
    }));
    await enqueueDeliveries(db.prisma, deliveries, clock.now());
    const { fake, service } = harness;
    const share = Number(process.env.R4_FAULT_SHARE ?? 0.2) / 3;
    fake.inject({ method: "chat.postMessage", share, fault: { kind: "rate-limit", retryAfterSeconds: 2 } });
    fake.inject({ method: "chat.postMessage", share, fault: { kind: "http-error", status: 500 } });
    fake.inject({ method: "chat.postMessage", share, fault: { kind: "hang" } });

    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    let rounds = 0;
    let heapPeak = heapBefore;
    const pending = () => db.prisma.delivery.count({ where: { status: { not: "sent" } } });
    // Bounded: each round drains what is due, then moves time past every backoff and Retry-After.
    while (rounds < 40 && (await pending()) > 0 && Date.now() - started < 150_000) {
      await service.settle();
      clock.advance(6 * 60_000);
      rounds++;
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }

    const calls = fake.calls("chat.postMessage");
    const delivered = new Map<string, number>();
    for (const call of fake.sent("chat.postMessage"))
      delivered.set(String(call.args.channel), (delivered.get(String(call.args.channel)) ?? 0) + 1);
    const failures = calls.filter((call) => !call.ok);
    const tally = new Map<string, number>();
    for (const call of failures) tally.set(call.failure ?? "?", (tally.get(call.failure ?? "?") ?? 0) + 1);
    const byFailure = [...tally].map(([kind, count]) => `${kind}x${count}`).join(",");
    report("R4", {
      messages: MESSAGES,
      calls: calls.length,
      faultShare: failures.length / calls.length,
      faults: byFailure,
      delivered: delivered.size,
      duplicates: [...delivered.values()].filter((count) => count > 1).length,
      rounds,
      seconds: (Date.now() - started) / 1000,
      heapGrowthMB: (heapPeak - heapBefore) / 1e6,
      unhandledRejections: unhandled,
    });

    expect(await pending()).toBe(0);
    expect(delivered.size).toBe(MESSAGES);
    expect([...delivered.values()].every((count) => count === 1)).toBe(true);
    expect(failures.length / calls.length).toBeGreaterThan(0.1);
    expect(unhandled).toBe(0);
    expect(heapPeak - heapBefore).toBeLessThan(300e6);
  });
});
