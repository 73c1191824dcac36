// The daily directory sync runs once per platform and local day, whatever the number of instances and ticks;
// a failed run is tried again a little later, and a run whose instance died is taken over after its lease.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DirectoryConnector } from "../../../src/domain/directory/directory-ports.ts";
import { directorySyncJob, directorySyncKey } from "../../../src/jobs/definitions/directory-sync.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { domainContext } from "../../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(() => resetDatabase(db));

function countingDirectory(failTimes = 0): DirectoryConnector & { runs: number } {
  const directory = {
    platform: "slack" as const,
    runs: 0,
    async sync() {
      directory.runs++;
      if (directory.runs <= failTimes) throw new Error("Slack is down");
      return { platform: "slack" as const, members: 0, linked: 0, reachable: 0, unreachable: {} };
    },
  };
  return directory;
}

describe("the daily directory sync", () => {
  it("when two instances tick all morning, Slack is read once that day, from 03:00 in the org's zone, and again the next day", async () => {
    const clock = new ManualClock("2026-12-07T01:59:00Z");
    const ctx = domainContext(db, { clock, org: { defaultTimeZone: "Europe/Berlin" } });
    const directory = countingDirectory();
    const [first, second] = [directorySyncJob([directory]), directorySyncJob([directory])];

    await first.due(ctx, clock.now()); // 02:59 in Berlin
    expect(directory.runs).toBe(0);
    for (const minute of ["02:00", "02:01", "05:30", "22:00"]) {
      clock.set(`2026-12-07T${minute}:00Z`);
      await Promise.all([first.due(ctx, clock.now()), second.due(ctx, clock.now())]);
    }
    expect(directory.runs).toBe(1);

    clock.set("2026-12-08T02:00:00Z");
    await Promise.all([first.due(ctx, clock.now()), second.due(ctx, clock.now())]);
    expect(directory.runs).toBe(2);
  });

  it("when the sync fails, it is tried again 15 minutes later, not on every tick", async () => {
    const clock = new ManualClock("2026-12-07T03:00:00Z");
    const ctx = domainContext(db, { clock });
    const directory = countingDirectory(1);
    const job = directorySyncJob([directory]);

    await job.due(ctx, clock.now());
    clock.set("2026-12-07T03:01:00Z");
    await job.due(ctx, clock.now());
    expect(directory.runs).toBe(1);
    clock.set("2026-12-07T03:16:00Z");
    await job.due(ctx, clock.now());
    expect(directory.runs).toBe(2);
    expect(
      (await db.prisma.directorySyncRun.findUniqueOrThrow({ where: { key: directorySyncKey("slack", "2026-12-07") } }))
        .finishedAt,
    ).not.toBeNull();
  });

  it("when the instance that claimed the day died mid-sync, another takes it over after the lease", async () => {
    const clock = new ManualClock("2026-12-07T03:00:00Z");
    const ctx = domainContext(db, { clock });
    await db.prisma.directorySyncRun.create({
      data: {
        key: directorySyncKey("slack", "2026-12-07"),
        leaseUntil: new Date("2026-12-07T03:30:00Z"),
        createdAt: clock.now(),
      },
    });
    const directory = countingDirectory();
    const job = directorySyncJob([directory]);

    clock.set("2026-12-07T03:10:00Z");
    await job.due(ctx, clock.now());
    expect(directory.runs).toBe(0);
    clock.set("2026-12-07T03:31:00Z");
    await job.due(ctx, clock.now());
    expect(directory.runs).toBe(1);
  });
});
