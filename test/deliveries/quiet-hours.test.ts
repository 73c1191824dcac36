import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../support/database.ts";
import { enqueuePrompts, FakeNotifier, manualWorker, seedPeople } from "./engine-support.ts";
import { SEEDED_AT } from "../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());
beforeEach(async () => resetDatabase(db));

async function statusOf(personId: string) {
  return db.prisma.delivery.findFirstOrThrow({ where: { personId } });
}

describe("quiet hours, away and expiry at send time", () => {
  it("when a delivery that respects quiet hours falls on a Saturday in Berlin, it waits for Monday 09:00 Berlin time and then goes out", async () => {
    const clock = new ManualClock("2026-11-28T12:00:00Z"); // Saturday
    const [person] = await seedPeople(db.prisma, 1, { timeZone: "Europe/Berlin" });
    await enqueuePrompts(db.prisma, clock.now(), [person], {
      respectQuietHours: true,
      expiresAt: new Date("2026-12-04T14:00:00Z"),
    });
    const notifier = new FakeNotifier();
    const worker = manualWorker(db.prisma, clock, notifier);

    await worker.drain();
    const waiting = await statusOf(person);
    expect(waiting.status).toBe("pending");
    expect(waiting.notBefore.toISOString()).toBe("2026-11-30T08:00:00.000Z"); // 09:00 CET
    expect(waiting.attempts).toBe(0);
    expect(notifier.delivered).toEqual([]);

    clock.set("2026-11-30T08:00:00Z");
    await worker.drain();
    expect(notifier.delivered).toEqual([person]);
  });

  it("when it is night in New York, a quiet-hours delivery waits for the person's own workday start, not the org's", async () => {
    const clock = new ManualClock("2026-11-25T03:00:00Z"); // Tuesday 22:00 in New York
    const [person] = await seedPeople(db.prisma, 1, {
      timeZone: "America/New_York",
      workdayStart: "10:30",
      workdayEnd: "19:00",
    });
    await enqueuePrompts(db.prisma, clock.now(), [person], { respectQuietHours: true });
    const worker = manualWorker(db.prisma, clock, new FakeNotifier());

    await worker.drain();
    expect((await statusOf(person)).notBefore.toISOString()).toBe("2026-11-25T15:30:00.000Z"); // Wednesday 10:30 EST
  });

  it("when the next allowed time is after the end of the message's period, it is cancelled rather than sent late", async () => {
    const clock = new ManualClock("2026-11-27T20:00:00Z"); // Friday 21:00 in Berlin
    const [person] = await seedPeople(db.prisma, 1, { timeZone: "Europe/Berlin" });
    await enqueuePrompts(db.prisma, clock.now(), [person], {
      respectQuietHours: true,
      expiresAt: new Date("2026-11-29T00:00:00Z"),
    });
    const notifier = new FakeNotifier();

    await manualWorker(db.prisma, clock, notifier).drain();
    const row = await statusOf(person);
    expect(row.status).toBe("cancelled");
    expect(row.lastError).toMatch(/quiet hours/);
    expect(notifier.calls).toBe(0);
  });

  it("when someone is away through today (their local date), quiet-hours deliveries are cancelled with the reason away, but kudos still reach them", async () => {
    // 09:30 on Tuesday 1 December in Berlin: a working hour, but the last day away.
    const clock = new ManualClock("2026-12-01T08:30:00Z");
    const [away] = await seedPeople(db.prisma, 1, { timeZone: "Europe/Berlin", awayUntil: "2026-12-01" });
    await enqueuePrompts(db.prisma, clock.now(), [away], { respectQuietHours: true });
    await enqueuePrompts(db.prisma, clock.now(), [away], {
      key: "kudos:1",
      kind: "kudos.received",
      respectQuietHours: false,
    });
    const notifier = new FakeNotifier();

    await manualWorker(db.prisma, clock, notifier).drain();
    const prompt = await db.prisma.delivery.findFirstOrThrow({ where: { kind: "checkin.prompt" } });
    expect(prompt.status).toBe("cancelled");
    expect(prompt.lastError).toBe("away");
    expect(notifier.delivered).toEqual([away]); // the kudos
  });

  it("when someone's away date is over (back today in their zone), their prompt goes out", async () => {
    const clock = new ManualClock("2026-12-02T08:30:00Z"); // Wednesday 09:30 in Berlin
    const [back] = await seedPeople(db.prisma, 1, { timeZone: "Europe/Berlin", awayUntil: "2026-12-01" });
    await enqueuePrompts(db.prisma, clock.now(), [back], { respectQuietHours: true });
    const notifier = new FakeNotifier();

    await manualWorker(db.prisma, clock, notifier).drain();
    expect(notifier.delivered).toEqual([back]);
  });

  it("when the service comes back after downtime, rows past their period are cancelled and rows still in their period go out", async () => {
    const clock = new ManualClock("2026-12-07T10:00:00Z"); // Monday, a week after the outage began
    const [stale, current] = await seedPeople(db.prisma, 2);
    await enqueuePrompts(db.prisma, clock.now(), [stale], {
      notBefore: new Date("2026-11-27T15:00:00Z"),
      expiresAt: new Date("2026-12-04T15:00:00Z"),
    });
    await enqueuePrompts(db.prisma, clock.now(), [current], {
      notBefore: new Date("2026-12-04T15:00:00Z"),
      expiresAt: new Date("2026-12-11T15:00:00Z"),
    });
    const notifier = new FakeNotifier();

    const summary = await manualWorker(db.prisma, clock, notifier).drain();
    expect(notifier.delivered).toEqual([current]);
    expect((await statusOf(stale)).status).toBe("cancelled");
    expect((await statusOf(stale)).lastError).toMatch(/expired/);
    expect(summary.results.cancelled).toBe(1);
  });

  it("when a delivery does not respect quiet hours (a kudos), it goes out at night too", async () => {
    const clock = new ManualClock("2026-11-28T02:00:00Z"); // Saturday night
    const [person] = await seedPeople(db.prisma, 1, { timeZone: "Europe/Berlin" });
    await enqueuePrompts(db.prisma, clock.now(), [person], { kind: "kudos.received" });
    const notifier = new FakeNotifier();

    await manualWorker(db.prisma, clock, notifier).drain();
    expect(notifier.delivered).toEqual([person]);
  });

  it("when a person was deactivated after the delivery was queued, it is cancelled, and a person without any chat identity fails visibly", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const [gone] = await seedPeople(db.prisma, 1);
    await db.prisma.person.update({ where: { id: gone }, data: { active: false } });
    await db.prisma.person.create({
      data: {
        id: "no-chat",
        email: "nochat@example.com",
        name: "No Chat",
        timeZone: "UTC",
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      },
    });
    await enqueuePrompts(db.prisma, clock.now(), [gone, "no-chat"]);

    await manualWorker(db.prisma, clock, new FakeNotifier()).drain();
    expect((await statusOf(gone)).status).toBe("cancelled");
    const unreachable = await statusOf("no-chat");
    expect(unreachable.status).toBe("failed");
    expect(unreachable.lastError).toMatch(/no chat identity/);
  });
});
