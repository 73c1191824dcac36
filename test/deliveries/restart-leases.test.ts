// A restarted instance (same instance id) takes up at once what it held when it crashed: its outbox rows and its
// unfinished directory-sync claim are handed back at start, without moving the clock past their leases, while
// another instance's leases (it may be running) are left alone.
import { describe, expect } from "vitest";
import { createClaims } from "../../src/deliveries/claims.ts";
import { claimDailyRun } from "../../src/domain/directory/daily-run.ts";
import type { DirectoryConnector } from "../../src/domain/directory/directory-ports.ts";
import { directorySyncJob, directorySyncKey } from "../../src/jobs/definitions/directory-sync.ts";
import { createScheduler } from "../../src/jobs/scheduler.ts";
import { ManualClock } from "../../src/shared/clock.ts";
import type { TestDatabase } from "../support/database.ts";
import { domainContext } from "../support/fixtures.ts";
import { databaseTest as it } from "../support/service-fixture.ts";
import { startSlackHarness } from "../support/slack.ts";
import { enqueuePrompts, FakeNotifier, manualWorker, seedPeople, silentLogger } from "./engine-support.ts";

let db: TestDatabase;
it.beforeEach(({ db: testDb }) => {
  db = testDb;
});

// Friday 27 November 2026, 15:00 UTC: inside working hours for UTC people.
const FRIDAY_AFTERNOON = "2026-11-27T15:00:00Z";

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let round = 0; round < 500; round++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("condition not met");
}

describe("a restarted instance and its own leases", () => {
  it("when an instance crashes holding deliveries and starts again under the same id, they go out at once; another instance's stay leased", async () => {
    const clock = new ManualClock(FRIDAY_AFTERNOON);
    const people = await seedPeople(db.prisma, 8);
    await enqueuePrompts(db.prisma, clock.now(), people.slice(0, 6));
    // The crash: every send hangs, so the worker holds its claimed rows and never finishes or hands them back.
    const crashed = manualWorker(db.prisma, clock, new FakeNotifier(() => "hang"), {
      instanceId: "host-a:3000",
      concurrency: 2,
      batchSize: 6,
    });
    void crashed.drain();
    await waitFor(
      async () => (await db.prisma.delivery.count({ where: { status: "sending", leaseOwner: "host-a:3000" } })) === 6,
    );
    // Meanwhile another instance, alive, holds two rows of its own.
    await enqueuePrompts(db.prisma, clock.now(), people.slice(6));
    const other = createClaims(db.prisma, "host-b:3000");
    const othersRows = await other.claim(clock.now(), 10, 60_000);
    expect(othersRows).toHaveLength(2);

    const notifier = new FakeNotifier();
    const restarted = manualWorker(db.prisma, clock, notifier, { instanceId: "host-a:3000" });
    expect(await restarted.handBackOwnLeases()).toBe(6);
    await restarted.drain();

    expect(notifier.delivered.sort()).toEqual(people.slice(0, 6).sort());
    expect(await db.prisma.delivery.count({ where: { status: "sent" } })).toBe(6);
    const stillLeased = await db.prisma.delivery.findMany({ where: { status: "sending" } });
    expect(stillLeased.map((row) => row.leaseOwner)).toEqual(["host-b:3000", "host-b:3000"]);
    expect(await other.renewLease(othersRows[0].id, clock.now(), 60_000)).not.toBeNull();
  });

  it("when an instance starts under a new id, rows a crashed instance held wait for their lease as before", async () => {
    const clock = new ManualClock(FRIDAY_AFTERNOON);
    const people = await seedPeople(db.prisma, 3);
    await enqueuePrompts(db.prisma, clock.now(), people);
    await createClaims(db.prisma, "host-a:3000").claim(clock.now(), 10, 60_000);

    const notifier = new FakeNotifier();
    const stranger = manualWorker(db.prisma, clock, notifier, { instanceId: "host-c:3000" });
    expect(await stranger.handBackOwnLeases()).toBe(0);
    await stranger.drain();
    expect(notifier.delivered).toEqual([]);

    clock.advance(61_000);
    await stranger.drain();
    expect(notifier.delivered).toHaveLength(3);
  });

  it("when an instance crashes mid directory sync and starts again under the same id, the next tick runs the sync at once; another instance's claim is kept", async () => {
    const clock = new ManualClock("2026-12-07T03:00:00Z");
    const ctx = domainContext(db, { clock });
    const runs: string[] = [];
    const directory = (platform: "slack" | "teams"): DirectoryConnector => ({
      platform,
      async sync() {
        runs.push(platform);
        return { platform, members: 0, linked: 0, reachable: 0, unreachable: {} };
      },
    });
    // Before the crash, host-a claimed today's Slack sync and host-b (alive, still syncing) today's Teams sync.
    expect(
      await claimDailyRun(ctx, directorySyncKey("slack", "2026-12-07"), clock.now(), 30 * 60_000, "host-a:3000"),
    ).toBe(true);
    expect(
      await claimDailyRun(ctx, directorySyncKey("teams", "2026-12-07"), clock.now(), 30 * 60_000, "host-b:3000"),
    ).toBe(true);

    clock.set("2026-12-07T03:01:00Z");
    const scheduler = createScheduler({
      domain: ctx,
      jobs: [directorySyncJob([directory("slack"), directory("teams")], "host-a:3000")],
      worker: { kick: () => undefined },
      logger: silentLogger,
    });
    expect(await scheduler.handBackOwnLeases()).toBe(1);
    await scheduler.tick();

    expect(runs).toEqual(["slack"]);
    const slackRun = await db.prisma.directorySyncRun.findUniqueOrThrow({
      where: { key: directorySyncKey("slack", "2026-12-07") },
    });
    expect(slackRun.finishedAt).not.toBeNull();
    const teamsRun = await db.prisma.directorySyncRun.findUniqueOrThrow({
      where: { key: directorySyncKey("teams", "2026-12-07") },
    });
    expect(teamsRun).toMatchObject({ leaseOwner: "host-b:3000", finishedAt: null });
  });

  it("when the service restarts under the INSTANCE_ID that held deliveries before a crash, Slack gets them as soon as it is up", async () => {
    const clock = new ManualClock(FRIDAY_AFTERNOON);
    const people = await seedPeople(db.prisma, 3);
    await enqueuePrompts(db.prisma, clock.now(), people);
    await createClaims(db.prisma, "momentum-1").claim(clock.now(), 10, 600_000);

    const harness = await startSlackHarness({ db, clock, env: { INSTANCE_ID: "momentum-1" } });
    try {
      for (let index = 0; index < people.length; index++)
        harness.fake.addUser({ id: `U${index}`, name: `Person ${index}` });
      await harness.service.settle();
      expect(
        harness.fake
          .sent("chat.postMessage")
          .map((call) => call.args.channel)
          .sort(),
      ).toEqual(["DM0", "DM1", "DM2"]);
    } finally {
      await harness.stop();
    }
  });
});
