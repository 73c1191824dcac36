import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DomainContext } from "../../../src/domain/context.ts";
import { checkInPromptsJob } from "../../../src/jobs/definitions/check-in-prompts.ts";
import { checkInRemindersJob } from "../../../src/jobs/definitions/check-in-reminders.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { jobContext } from "./job-harness.ts";
import { SEEDED_AT } from "../../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"];

async function seedPeople(count: number): Promise<void> {
  const managers = Array.from({ length: Math.ceil(count / 50) }, (_, i) => ({
    id: `manager-${i}`,
    name: `Manager ${i}`,
    email: `manager-${i}@example.com`,
    timeZone: ZONES[i % ZONES.length],
    role: "manager" as const,
    teamCheckInWeekday: i % 2 === 0 ? 4 : null,
    teamCheckInTime: i % 2 === 0 ? "11:00" : null,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  }));
  await db.prisma.person.createMany({ data: managers });
  const reports = Array.from({ length: count - managers.length }, (_, i) => ({
    name: `Person ${i}`,
    email: `person-${i}@example.com`,
    timeZone: ZONES[i % ZONES.length],
    managerId: managers[i % managers.length].id,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  }));
  for (let i = 0; i < reports.length; i += 2000)
    await db.prisma.person.createMany({ data: reports.slice(i, i + 2000) });
  const everyone = await db.prisma.person.findMany({ select: { id: true } });
  await db.prisma.slackIdentity.createMany({
    data: everyone.map((person, i) => ({ personId: person.id, teamId: "T1", userId: `U${i}`, createdAt: SEEDED_AT })),
  });
}

/** Counts every database call the job makes through Prisma (model operations and raw queries). */
function countingContext(ctx: DomainContext): { ctx: DomainContext; calls: () => number } {
  let calls = 0;
  const prisma = ctx.prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        calls++;
        return query(args);
      },
    },
  }) as unknown as DomainContext["prisma"];
  return { ctx: { ...ctx, prisma }, calls: () => calls };
}

describe("check-in jobs at scale", () => {
  it("when the org grows from 12 to 3,000 people, one tick makes the same small number of database calls", async () => {
    const callsFor = async (people: number) => {
      await resetDatabase(db);
      await seedPeople(people);
      const { ctx, calls } = countingContext(jobContext(db));
      const prompts = await checkInPromptsJob.due(ctx, new Date("2026-11-27T15:00:00Z"));
      const promptCalls = calls();
      await checkInRemindersJob.due(ctx, new Date("2026-11-30T10:00:00Z"));
      return { prompts: prompts.length, promptCalls, reminderCalls: calls() - promptCalls };
    };
    const small = await callsFor(12);
    const large = await callsFor(3000);
    expect(small.prompts).toBe(12);
    expect(large.prompts).toBe(3000);
    expect(large.promptCalls).toBe(small.promptCalls);
    expect(large.reminderCalls).toBe(small.reminderCalls);
    // people, closures, check-ins, claimed keys
    expect(large.promptCalls).toBeLessThanOrEqual(4);
  });
});
