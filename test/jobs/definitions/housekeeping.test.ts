import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { housekeepingJob } from "../../../src/jobs/definitions/housekeeping.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { domainContext } from "../../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 24 * 3600_000);

async function seed(now: Date) {
  await db.prisma.processedEvent.createMany({
    data: [
      { key: "slack:T1:Ev-old", createdAt: daysBefore(now, 8) },
      { key: "slack:T1:Ev-recent", createdAt: daysBefore(now, 1) },
    ],
  });
  const row = (key: string, status: "sent" | "pending" | "failed", days: number) => ({
    key,
    kind: "notice",
    status,
    message: { redacted: true },
    notBefore: daysBefore(now, days),
    createdAt: daysBefore(now, days),
    updatedAt: daysBefore(now, days),
  });
  await db.prisma.delivery.createMany({
    data: [
      row("old-sent", "sent", 91),
      row("recent-sent", "sent", 10),
      row("old-pending", "pending", 91),
      row("old-failed", "failed", 120),
    ],
  });
}

describe("daily housekeeping", () => {
  it("at 04:00 in the org's zone, purges de-duplication keys older than a week and finished deliveries older than 90 days", async () => {
    const clock = new ManualClock("2026-11-25T04:10:00Z");
    await seed(clock.now());
    const deliveries = await housekeepingJob.due(domainContext(db, { clock }), clock.now());
    expect(deliveries).toEqual([]);
    expect((await db.prisma.processedEvent.findMany()).map((e) => e.key)).toEqual(["slack:T1:Ev-recent"]);
    expect((await db.prisma.delivery.findMany({ orderBy: { key: "asc" } })).map((d) => d.key)).toEqual([
      "old-pending",
      "recent-sent",
    ]);
  });

  it("does nothing outside its hour, so the other 23 hours' ticks cost nothing", async () => {
    const clock = new ManualClock("2026-11-25T12:00:00Z");
    await seed(clock.now());
    await housekeepingJob.due(domainContext(db, { clock }), clock.now());
    expect(await db.prisma.processedEvent.count()).toBe(2);
    expect(await db.prisma.delivery.count()).toBe(4);
  });
});
