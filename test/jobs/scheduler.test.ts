import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DomainContext } from "../../src/domain/context.ts";
import type { JobDefinition } from "../../src/jobs/job.ts";
import { createScheduler } from "../../src/jobs/scheduler.ts";
import { loadConfig } from "../../src/config/env.ts";
import { startService } from "../../src/service.ts";
import { ManualClock } from "../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../support/database.ts";
import { org, promptFor, seedPeople, silentLogger } from "../deliveries/engine-support.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());
beforeEach(async () => resetDatabase(db));

function domainAt(clock: ManualClock): DomainContext {
  return {
    prisma: db.prisma,
    clock,
    org: {
      ...org,
      kudosValues: [],
      kudosDailyLimit: 5,
      checkInWeekday: 5,
      checkInTime: "15:00",
      checkInReminderTime: "10:00",
    },
    logger: silentLogger,
    adminEmails: [],
  };
}

function kickCounter() {
  const worker = { kicks: 0, kick: () => void worker.kicks++ };
  return worker;
}

describe("scheduler tick", () => {
  it("when a job has 2,500 people due, one tick queues them all (in chunks) and wakes the worker; a second tick queues nothing new", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const people = await seedPeople(db.prisma, 2500, { slack: false });
    const seen: Date[] = [];
    const job: JobDefinition = {
      id: "prompts",
      due: async (_ctx, now) => (seen.push(now), people.map((id) => promptFor(id))),
    };
    const worker = kickCounter();
    const scheduler = createScheduler({ domain: domainAt(clock), jobs: [job], worker, logger: silentLogger });

    const first = await scheduler.tick();
    const second = await scheduler.tick();

    expect(first.jobs).toEqual([{ id: "prompts", due: 2500, queued: 2500 }]);
    expect(second.jobs).toEqual([{ id: "prompts", due: 2500, queued: 0 }]);
    expect(await db.prisma.delivery.count()).toBe(2500);
    expect(worker.kicks).toBe(1);
    expect(seen[0].toISOString()).toBe("2026-11-27T15:00:00.000Z"); // the injected clock's now
  });

  it("when one job throws, the other jobs in the same tick still queue their deliveries and the failure is reported", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const [alice] = await seedPeople(db.prisma, 1, { slack: false });
    const broken: JobDefinition = { id: "broken", due: async () => Promise.reject(new Error("bad settings")) };
    const healthy: JobDefinition = { id: "healthy", due: async () => [promptFor(alice)] };
    const scheduler = createScheduler({
      domain: domainAt(clock),
      jobs: [broken, healthy],
      worker: kickCounter(),
      logger: silentLogger,
    });

    const result = await scheduler.tick();

    expect(result.jobs).toEqual([
      { id: "broken", due: 0, queued: 0, error: "bad settings" },
      { id: "healthy", due: 1, queued: 1 },
    ]);
    expect(await db.prisma.delivery.count()).toBe(1);
  });

  it("when a tick is still running, the next one is skipped instead of piling up", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    let release: () => void = () => undefined;
    let calls = 0;
    const slow: JobDefinition = {
      id: "slow",
      due: async () => {
        calls++;
        await new Promise<void>((resolve) => (release = resolve));
        return [];
      },
    };
    const scheduler = createScheduler({
      domain: domainAt(clock),
      jobs: [slow],
      worker: kickCounter(),
      logger: silentLogger,
    });

    const first = scheduler.tick();
    const overlapping = await scheduler.tick();
    release();
    await first;
    const after = scheduler.tick();
    release();
    await after;

    expect(overlapping.skipped).toBe(true);
    expect(calls).toBe(2);
  });

  it("when a tick evaluates an explicit instant (after a restart), jobs see that instant", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const seen: string[] = [];
    const job: JobDefinition = { id: "probe", due: async (_ctx, now) => (seen.push(now.toISOString()), []) };
    const scheduler = createScheduler({
      domain: domainAt(clock),
      jobs: [job],
      worker: kickCounter(),
      logger: silentLogger,
    });
    await scheduler.tick(new Date("2026-11-30T08:01:00Z"));
    expect(seen).toEqual(["2026-11-30T08:01:00.000Z"]);
  });

  it("when the cron expression is invalid, the scheduler refuses to start rather than never ticking", () => {
    expect(() =>
      createScheduler({
        domain: domainAt(new ManualClock("2026-11-27T15:00:00Z")),
        jobs: [],
        worker: kickCounter(),
        logger: silentLogger,
        cronExpression: "every minute",
      }),
    ).toThrow(/invalid cron/);
  });

  it("when the service is started with job definitions, its scheduler evaluates them on the service's clock", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const [alice] = await seedPeople(db.prisma, 1, { slack: false });
    const job: JobDefinition = { id: "prompts", due: async (_ctx, now) => [promptFor(alice, { notBefore: now })] };
    const config = loadConfig({
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      SCHEDULER_ENABLED: "false",
    });
    const service = await startService({
      config,
      logger: silentLogger,
      clock,
      database: db,
      pollDeliveries: false,
      jobs: [job],
    });
    try {
      const result = await service.scheduler.tick();
      expect(result.jobs).toEqual([{ id: "prompts", due: 1, queued: 1 }]);
      const row = await db.prisma.delivery.findFirstOrThrow();
      expect(row.notBefore.toISOString()).toBe("2026-11-27T15:00:00.000Z");
    } finally {
      await service.stop();
    }
  });
});
