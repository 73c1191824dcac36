import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applySettingsCommand } from "../../../src/domain/people/apply-settings-command.ts";
import { describeSettings } from "../../../src/domain/people/describe-settings.ts";
import { setAway } from "../../../src/domain/people/set-away.ts";
import { setTeamCheckInSlot, updateMySettings } from "../../../src/domain/people/update-settings.ts";
import { enqueueDeliveries } from "../../../src/domain/notifications/outbox.ts";
import { AppError } from "../../../src/shared/errors.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { createPerson, domainContext } from "../../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

// Wednesday 25 November 2026, 23:30 UTC: already Thursday 26 in Auckland, still Wednesday 25 in New York.
const ctx = () => domainContext(db, { clock: new ManualClock("2026-11-25T23:30:00Z") });

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => expect.fail("expected the use case to refuse"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("setting yourself away", () => {
  it("when the date is a real day from today up to a year ahead in the person's zone, it is saved", async () => {
    const person = await createPerson(db, { timeZone: "America/New_York" });
    expect(await setAway(ctx(), { personId: person.id, until: "2026-11-25" })).toMatchObject({
      awayUntil: "2026-11-25",
      untilLabel: "Wednesday 25 November 2026",
    });
    await setAway(ctx(), { personId: person.id, until: "2027-11-25" });
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).awayUntil).toBe("2027-11-25");
  });

  it.each([
    { until: "2026-02-30", message: "Use a real date written as YYYY-MM-DD, e.g. 2026-12-01." },
    { until: "1 December", message: "Use a real date written as YYYY-MM-DD, e.g. 2026-12-01." },
    { until: "2027-11-27", message: "You can set yourself away for at most a year at a time." },
  ])("when the date is $until, it is refused: $message", async ({ until, message }) => {
    const person = await createPerson(db, { timeZone: "Pacific/Auckland" });
    expect((await refusal(setAway(ctx(), { personId: person.id, until }))).userMessage).toBe(message);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).awayUntil).toBeNull();
  });

  it("when the date is yesterday in the person's zone (though today in UTC's), it is refused as past", async () => {
    const person = await createPerson(db, { timeZone: "Pacific/Auckland" });
    const error = await refusal(setAway(ctx(), { personId: person.id, until: "2026-11-25" }));
    expect(error.userMessage).toMatch(/^2026-11-25 is already in the past/);
  });

  it("cancels queued messages that wait for working hours and would arrive while away, and nothing else", async () => {
    const person = await createPerson(db, { timeZone: "America/New_York" });
    const other = await createPerson(db);
    const message = { type: "checkin.prompt" as const, periodKey: "2026-W48", deadlineLabel: "x" };
    const queued = (key: string, personId: string, notBefore: string, respectQuietHours = true) => ({
      key,
      kind: "checkin.prompt",
      target: { kind: "person" as const, personId },
      message,
      notBefore: new Date(notBefore),
      respectQuietHours,
    });
    await enqueueDeliveries(
      db.prisma,
      [
        queued("during", person.id, "2026-11-27T20:00:00Z"),
        queued("last-minute", person.id, "2026-12-02T04:59:00Z"), // 23:59 on 1 Dec in New York
        queued("after-return", person.id, "2026-12-02T05:00:00Z"), // 00:00 on 2 Dec
        queued("urgent", person.id, "2026-11-27T20:00:00Z", false),
        queued("someone-else", other.id, "2026-11-27T20:00:00Z"),
      ],
      ctx().clock.now(),
    );
    const result = await setAway(ctx(), { personId: person.id, until: "2026-12-01" });
    expect(result.cancelledDeliveries).toBe(2);
    const rows = await db.prisma.delivery.findMany({ orderBy: { key: "asc" }, select: { key: true, status: true } });
    expect(rows).toEqual([
      { key: "after-return", status: "pending" },
      { key: "during", status: "cancelled" },
      { key: "last-minute", status: "cancelled" },
      { key: "someone-else", status: "pending" },
      { key: "urgent", status: "pending" },
    ]);
  });

  it("when set back with null, the person is no longer away", async () => {
    const person = await createPerson(db);
    await setAway(ctx(), { personId: person.id, until: "2026-12-01" });
    expect((await describeSettings(ctx(), { personId: person.id })).away).toEqual({
      until: "2026-12-01",
      label: "Tuesday 1 December 2026",
    });
    await setAway(ctx(), { personId: person.id, until: null });
    expect((await describeSettings(ctx(), { personId: person.id })).away).toBeNull();
  });
});

describe("personal settings", () => {
  it("when a person sets their own check-in slot, zone and hours, the settings show them as their own", async () => {
    const person = await createPerson(db);
    const view = await updateMySettings(ctx(), {
      personId: person.id,
      checkInWeekday: 1,
      checkInTime: "09:30",
      workdayStart: "08:00",
      workdayEnd: "16:30",
      timeZone: "Europe/Berlin",
    });
    expect(view).toMatchObject({
      timeZone: "Europe/Berlin",
      checkIn: {
        weekday: 1,
        weekdayName: "Monday",
        time: "09:30",
        source: "person",
        label: "Monday at 09:30",
        nextPromptLabel: "Monday 30 November, 09:30",
      },
      workday: {
        start: "08:00",
        end: "16:30",
        source: "person",
        dayNames: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
      },
    });
  });

  it.each([
    {
      change: { timeZone: "Mars/Olympus" },
      message: "That isn't a time zone I know. Use a name such as Europe/Berlin or America/New_York.",
    },
    { change: { checkInTime: "25:00" }, message: "Use a 24-hour time such as 09:00 or 17:30." },
    { change: { checkInWeekday: 8 }, message: "Pick a day from Monday to Sunday." },
    {
      change: { workdayStart: "18:30" },
      message: "Your workday has to start before it ends (you'd have 18:30–18:00).",
    },
    {
      change: { workdayStart: "10:00", workdayEnd: "10:00" },
      message: "Your workday has to start before it ends (you'd have 10:00–10:00).",
    },
  ])("when the change is $change, it is refused and nothing changes", async ({ change, message }) => {
    const person = await createPerson(db);
    const error = await refusal(updateMySettings(ctx(), { personId: person.id, ...change }));
    expect(error.userMessage).toBe(message);
    const stored = await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } });
    expect([
      stored.timeZone,
      stored.checkInTime,
      stored.checkInWeekday,
      stored.workdayStart,
      stored.workdayEnd,
    ]).toEqual(["UTC", null, null, null, null]);
  });

  it("when a manager sets a team slot, their reports follow it unless they chose their own; default resets it", async () => {
    const manager = await createPerson(db, { role: "manager" });
    const report = await createPerson(db, { managerId: manager.id });
    const independent = await createPerson(db, { managerId: manager.id });
    await updateMySettings(ctx(), { personId: independent.id, checkInWeekday: 2 });

    const result = await setTeamCheckInSlot(ctx(), { managerId: manager.id, weekday: 4, time: "11:00" });
    expect(result).toEqual({ weekday: 4, time: "11:00", reports: 2, reportsWithOwnSlot: 1 });
    expect((await describeSettings(ctx(), { personId: report.id })).checkIn).toMatchObject({
      weekday: 4,
      time: "11:00",
      source: "team",
    });
    // Each half resolves on its own: their own day, the team's time.
    expect((await describeSettings(ctx(), { personId: independent.id })).checkIn).toMatchObject({
      weekday: 2,
      time: "11:00",
      source: "person",
    });

    await setTeamCheckInSlot(ctx(), { managerId: manager.id, weekday: null, time: null });
    expect((await describeSettings(ctx(), { personId: report.id })).checkIn).toMatchObject({
      weekday: 5,
      time: "15:00",
      source: "org",
    });
  });

  it("when an employee tries to set a team slot, it is refused", async () => {
    const employee = await createPerson(db);
    const error = await refusal(setTeamCheckInSlot(ctx(), { managerId: employee.id, weekday: 4, time: "11:00" }));
    expect(error).toMatchObject({
      code: "FORBIDDEN",
      userMessage: "Sorry, only managers can set a check-in time for a team.",
    });
  });

  it("when a parsed chat command is applied, the person's settings change and come back for display", async () => {
    const person = await createPerson(db);
    const applied = await applySettingsCommand(ctx(), person.id, { kind: "workday", start: "07:00", end: "15:00" });
    expect(applied.settings.workday).toMatchObject({ start: "07:00", end: "15:00", source: "person" });
    const reset = await applySettingsCommand(ctx(), person.id, { kind: "workday", start: null, end: null });
    expect(reset.settings.workday).toMatchObject({ start: "09:00", end: "18:00", source: "org" });
  });
});
