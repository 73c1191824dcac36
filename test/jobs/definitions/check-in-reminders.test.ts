import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkInPromptsJob } from "../../../src/jobs/definitions/check-in-prompts.ts";
import { checkInRemindersJob } from "../../../src/jobs/definitions/check-in-reminders.ts";
import { submitCheckIn } from "../../../src/domain/check-ins/submit-check-in.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { jobContext, markSent, reachablePerson, sweep, tick, type JobContext } from "./job-harness.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

const answers = { mood: 3, progress: "Closed the migration", plans: "Start the reports" };
// W48 in UTC with the org default: prompt Friday 27 Nov 15:00, deadline Friday 4 Dec 15:00; the next working
// morning after the prompt is Monday 30 Nov at the reminder time (10:00 by default).
const PROMPT = "2026-11-27T15:00:00Z";

async function prompted(ctx: JobContext, timeZone = "UTC", sentAt = PROMPT) {
  const person = await reachablePerson(db, { timeZone });
  await tick(ctx, checkInPromptsJob, "2026-11-27T14:00:00Z"); // claims last week's prompt
  const [key] = await tick(ctx, checkInPromptsJob, PROMPT);
  await markSent(db, key, sentAt);
  return person;
}

describe("check-in reminders", () => {
  it("when nothing was submitted, one reminder lands on the next working morning at the reminder time, and only one", async () => {
    const ctx = jobContext(db);
    const person = await prompted(ctx);
    expect(await sweep(ctx, checkInRemindersJob, PROMPT, "2026-11-30T10:00:00Z", 60)).toEqual([]);
    expect(await tick(ctx, checkInRemindersJob, "2026-11-30T09:59:00Z")).toEqual([]);
    expect(await tick(ctx, checkInRemindersJob, "2026-11-30T10:00:00Z")).toEqual([
      `checkin-reminder:${person.id}:2026-W48`,
    ]);
    expect(await sweep(ctx, checkInRemindersJob, "2026-11-30T10:01:00Z", "2026-12-04T15:00:00Z", 60)).toEqual([]);

    const reminder = await db.prisma.delivery.findUniqueOrThrow({
      where: { key: `checkin-reminder:${person.id}:2026-W48` },
    });
    expect(reminder).toMatchObject({
      kind: "checkin.reminder",
      respectQuietHours: true,
      message: { type: "checkin.reminder", periodKey: "2026-W48" },
    });
    expect(reminder.expiresAt?.toISOString()).toBe("2026-12-04T15:00:00.000Z");
  });

  it("when the org moves the reminder to 08:30, it lands at 08:30 in the person's zone", async () => {
    const ctx = jobContext(db, { checkInReminderTime: "08:30" });
    const person = await reachablePerson(db, { timeZone: "Europe/Berlin" });
    await tick(ctx, checkInPromptsJob, "2026-11-27T13:00:00Z");
    const [key] = await tick(ctx, checkInPromptsJob, "2026-11-27T14:00:00Z");
    await markSent(db, key, "2026-11-27T14:00:00Z");
    expect(await tick(ctx, checkInRemindersJob, "2026-11-30T07:29:00Z")).toEqual([]);
    expect(await tick(ctx, checkInRemindersJob, "2026-11-30T07:30:00Z")).toEqual([
      `checkin-reminder:${person.id}:2026-W48`,
    ]);
  });

  it("when the person already submitted, they get no reminder", async () => {
    const ctx = jobContext(db);
    const person = await prompted(ctx);
    await submitCheckIn(ctx, { personId: person.id, answers, now: new Date("2026-11-28T09:00:00Z") });
    expect(await sweep(ctx, checkInRemindersJob, PROMPT, "2026-12-04T15:00:00Z", 60)).toEqual([]);
  });

  it("when the person submits after a reminder was queued but before it went out, the queued reminder is cancelled", async () => {
    const ctx = jobContext(db);
    const person = await prompted(ctx);
    await tick(ctx, checkInRemindersJob, "2026-11-30T10:00:00Z");
    await submitCheckIn(ctx, { personId: person.id, answers, now: new Date("2026-11-30T10:00:30Z") });
    const reminder = await db.prisma.delivery.findUniqueOrThrow({
      where: { key: `checkin-reminder:${person.id}:2026-W48` },
    });
    expect(reminder.status).toBe("cancelled");
  });

  it("when the person is away on the reminder morning, they get no reminder, not even once they are back", async () => {
    const ctx = jobContext(db);
    const person = await prompted(ctx);
    await db.prisma.person.update({ where: { id: person.id }, data: { awayUntil: "2026-11-30" } });
    expect(await sweep(ctx, checkInRemindersJob, PROMPT, "2026-12-04T15:00:00Z", 60)).toEqual([]);
  });

  it("when the prompt has not gone out yet (held for quiet hours), no reminder comes first", async () => {
    const ctx = jobContext(db);
    const person = await reachablePerson(db);
    await tick(ctx, checkInPromptsJob, PROMPT);
    expect(await tick(ctx, checkInRemindersJob, "2026-11-30T10:00:00Z")).toEqual([]);
    // Once it is sent on Monday afternoon, the reminder waits for the following working morning.
    await markSent(db, `checkin-prompt:${person.id}:2026-W48`, "2026-11-30T14:00:00Z");
    expect(await tick(ctx, checkInRemindersJob, "2026-11-30T14:05:00Z")).toEqual([]);
    expect(await tick(ctx, checkInRemindersJob, "2026-12-01T09:59:00Z")).toEqual([]);
    expect(await tick(ctx, checkInRemindersJob, "2026-12-01T10:00:00Z")).toEqual([
      `checkin-reminder:${person.id}:2026-W48`,
    ]);
  });

  it("when Friday is the only working day, the reminder comes the next Friday morning, before the 15:00 deadline", async () => {
    const ctx = jobContext(db, { workDays: [5] });
    const person = await prompted(ctx);
    expect(await sweep(ctx, checkInRemindersJob, PROMPT, "2026-12-04T10:00:00Z", 60)).toEqual([]);
    expect(await tick(ctx, checkInRemindersJob, "2026-12-04T10:00:00Z")).toEqual([
      `checkin-reminder:${person.id}:2026-W48`,
    ]);
  });

  it("when the next working morning falls after the deadline, there is no reminder", async () => {
    // Only Fridays are working days and reminders are at 16:00: the next one after the prompt would be Friday
    // 4 December 16:00, an hour after the period closed.
    const ctx = jobContext(db, { workDays: [5], checkInReminderTime: "16:00" });
    await prompted(ctx);
    expect(await sweep(ctx, checkInRemindersJob, PROMPT, "2026-12-04T15:00:00Z", 60)).toEqual([]);
  });
});
