import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkInPromptsJob } from "../../../src/jobs/definitions/check-in-prompts.ts";
import { submitCheckIn } from "../../../src/domain/check-ins/submit-check-in.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { createPerson } from "../../support/fixtures.ts";
import { jobContext, reachablePerson, sweep, tick } from "./job-harness.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

const context = () => jobContext(db);
const answers = { mood: 4, progress: "Shipped the importer", plans: "Polish the docs" };
const hoursBefore = (instant: string, hours: number) =>
  new Date(new Date(instant).getTime() - hours * 3_600_000).toISOString();
const minuteBefore = (instant: string) => new Date(new Date(instant).getTime() - 60_000).toISOString();

/**
 * Org default slot: Friday 15:00 local. Expected UTC instants are written out by hand from the zones' rules,
 * not computed with the code under test. Each pair is two consecutive Fridays around a DST change.
 */
const fridays: { zone: string; week: string; localFriday: string; utc: string; nextUtc: string }[] = [
  {
    zone: "America/New_York",
    week: "2026-W10",
    localFriday: "before spring forward (EST)",
    utc: "2026-03-06T20:00:00.000Z",
    nextUtc: "2026-03-13T19:00:00.000Z",
  },
  {
    zone: "America/New_York",
    week: "2026-W11",
    localFriday: "after spring forward (EDT)",
    utc: "2026-03-13T19:00:00.000Z",
    nextUtc: "2026-03-20T19:00:00.000Z",
  },
  {
    zone: "America/New_York",
    week: "2026-W44",
    localFriday: "before fall back (EDT)",
    utc: "2026-10-30T19:00:00.000Z",
    nextUtc: "2026-11-06T20:00:00.000Z",
  },
  {
    zone: "America/New_York",
    week: "2026-W45",
    localFriday: "after fall back (EST)",
    utc: "2026-11-06T20:00:00.000Z",
    nextUtc: "2026-11-13T20:00:00.000Z",
  },
  {
    zone: "Europe/Berlin",
    week: "2026-W13",
    localFriday: "before spring forward (CET)",
    utc: "2026-03-27T14:00:00.000Z",
    nextUtc: "2026-04-03T13:00:00.000Z",
  },
  {
    zone: "Europe/Berlin",
    week: "2026-W14",
    localFriday: "after spring forward (CEST)",
    utc: "2026-04-03T13:00:00.000Z",
    nextUtc: "2026-04-10T13:00:00.000Z",
  },
  {
    zone: "Europe/Berlin",
    week: "2026-W43",
    localFriday: "before fall back (CEST)",
    utc: "2026-10-23T13:00:00.000Z",
    nextUtc: "2026-10-30T14:00:00.000Z",
  },
  {
    zone: "Europe/Berlin",
    week: "2026-W44",
    localFriday: "after fall back (CET)",
    utc: "2026-10-30T14:00:00.000Z",
    nextUtc: "2026-11-06T14:00:00.000Z",
  },
  {
    zone: "Asia/Kolkata",
    week: "2026-W48",
    localFriday: "+05:30 all year",
    utc: "2026-11-27T09:30:00.000Z",
    nextUtc: "2026-12-04T09:30:00.000Z",
  },
  {
    zone: "Australia/Lord_Howe",
    week: "2026-W14",
    localFriday: "before the 30-minute fall back (+11:00)",
    utc: "2026-04-03T04:00:00.000Z",
    nextUtc: "2026-04-10T04:30:00.000Z",
  },
  {
    zone: "Australia/Lord_Howe",
    week: "2026-W15",
    localFriday: "after the 30-minute fall back (+10:30)",
    utc: "2026-04-10T04:30:00.000Z",
    nextUtc: "2026-04-17T04:30:00.000Z",
  },
  {
    zone: "Australia/Lord_Howe",
    week: "2026-W40",
    localFriday: "before the 30-minute spring forward (+10:30)",
    utc: "2026-10-02T04:30:00.000Z",
    nextUtc: "2026-10-09T04:00:00.000Z",
  },
  {
    zone: "Australia/Lord_Howe",
    week: "2026-W41",
    localFriday: "after the 30-minute spring forward (+11:00)",
    utc: "2026-10-09T04:00:00.000Z",
    nextUtc: "2026-10-16T04:00:00.000Z",
  },
  {
    zone: "Pacific/Chatham",
    week: "2026-W14",
    localFriday: "before fall back (+13:45)",
    utc: "2026-04-03T01:15:00.000Z",
    nextUtc: "2026-04-10T02:15:00.000Z",
  },
  {
    zone: "Pacific/Chatham",
    week: "2026-W15",
    localFriday: "after fall back (+12:45)",
    utc: "2026-04-10T02:15:00.000Z",
    nextUtc: "2026-04-17T02:15:00.000Z",
  },
  {
    zone: "Pacific/Chatham",
    week: "2026-W39",
    localFriday: "before spring forward (+12:45)",
    utc: "2026-09-25T02:15:00.000Z",
    nextUtc: "2026-10-02T01:15:00.000Z",
  },
  {
    zone: "Pacific/Chatham",
    week: "2026-W40",
    localFriday: "after spring forward (+13:45)",
    utc: "2026-10-02T01:15:00.000Z",
    nextUtc: "2026-10-09T01:15:00.000Z",
  },
];

describe("check-in prompts at the local check-in time", () => {
  it.each(fridays)(
    "in $zone, $localFriday, the prompt appears at $utc and not a minute earlier",
    async ({ zone, week, utc, nextUtc }) => {
      const ctx = context();
      const person = await reachablePerson(db, { timeZone: zone });
      const key = `checkin-prompt:${person.id}:${week}`;
      // The previous week's prompt went out on time; from then until a minute before, nothing new is due.
      await tick(ctx, checkInPromptsJob, hoursBefore(utc, 24 * 6));
      const early = await sweep(ctx, checkInPromptsJob, hoursBefore(utc, 24), utc, 60);
      expect(early).toEqual([]);
      expect(await tick(ctx, checkInPromptsJob, minuteBefore(utc))).toEqual([]);

      expect(await tick(ctx, checkInPromptsJob, utc)).toEqual([key]);
      const delivery = await db.prisma.delivery.findUniqueOrThrow({ where: { key } });
      expect(delivery).toMatchObject({
        kind: "checkin.prompt",
        personId: person.id,
        respectQuietHours: true,
        status: "pending",
      });
      expect(delivery.expiresAt?.toISOString()).toBe(nextUtc);
      expect(delivery.message).toMatchObject({ type: "checkin.prompt", periodKey: week });
      expect(await tick(ctx, checkInPromptsJob, new Date(new Date(utc).getTime() + 60_000))).toEqual([]);
    },
  );

  it("when the service was down at the prompt time, the prompt goes out on return while its period is open", async () => {
    const ctx = context();
    const person = await reachablePerson(db, { timeZone: "Europe/Berlin" });
    // Down from Friday 26 Nov 13:00Z to Tuesday 1 Dec: W48's period (Fri 27 Nov 15:00 → Fri 4 Dec 15:00) is still open.
    expect(await tick(ctx, checkInPromptsJob, "2026-12-01T08:00:00Z")).toEqual([
      `checkin-prompt:${person.id}:2026-W48`,
    ]);
  });

  it("when the service was down for a whole period, only the current period's prompt goes out, never the missed one", async () => {
    const ctx = context();
    const person = await reachablePerson(db, { timeZone: "Europe/Berlin" });
    await tick(ctx, checkInPromptsJob, "2026-11-20T14:00:00Z");
    // Down from just after the W47 prompt until after the W48 one: nothing for W47 is re-sent, W48's goes out.
    expect(await tick(ctx, checkInPromptsJob, "2026-11-28T10:00:00Z")).toEqual([
      `checkin-prompt:${person.id}:2026-W48`,
    ]);
    const keys = (await db.prisma.delivery.findMany({ select: { key: true } })).map((row) => row.key).sort();
    expect(keys).toEqual([`checkin-prompt:${person.id}:2026-W47`, `checkin-prompt:${person.id}:2026-W48`]);
  });

  it("when the slot is 02:30 on a spring-forward night, the prompt fires once, at 03:30 local", async () => {
    const ctx = context();
    // Sunday 8 March 2026 in New York: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist that night.
    const person = await reachablePerson(
      db,
      { timeZone: "America/New_York" },
      { checkInWeekday: 7, checkInTime: "02:30" },
    );
    await tick(ctx, checkInPromptsJob, "2026-03-05T12:00:00Z"); // claims the previous week's prompt
    const found = await sweep(ctx, checkInPromptsJob, "2026-03-08T05:00:00Z", "2026-03-08T09:30:00Z", 1);
    expect(found).toEqual([{ at: "2026-03-08T07:30:00.000Z", key: `checkin-prompt:${person.id}:2026-W10` }]);
  });

  it("when the slot is 01:30 on a fall-back night, the prompt fires once, at the first 01:30", async () => {
    const ctx = context();
    // Sunday 1 November 2026 in New York: 01:00–02:00 happens twice (EDT, then EST).
    const person = await reachablePerson(
      db,
      { timeZone: "America/New_York" },
      { checkInWeekday: 7, checkInTime: "01:30" },
    );
    await tick(ctx, checkInPromptsJob, "2026-10-29T12:00:00Z");
    const found = await sweep(ctx, checkInPromptsJob, "2026-11-01T04:00:00Z", "2026-11-01T08:00:00Z", 1);
    expect(found).toEqual([{ at: "2026-11-01T05:30:00.000Z", key: `checkin-prompt:${person.id}:2026-W44` }]);
  });
});

describe("who gets a prompt", () => {
  it.each([
    {
      move: "Wednesday, before either Friday 15:00",
      movedAt: "2026-11-25T12:00:00Z",
      firstAt: "2026-11-27T23:00:00.000Z",
    },
    {
      move: "Friday, after Berlin's 15:00 prompt",
      movedAt: "2026-11-27T16:00:00Z",
      firstAt: "2026-11-27T14:00:00.000Z",
    },
  ])(
    "when a person moves from Europe/Berlin to America/Los_Angeles on $move, they get exactly one prompt that week",
    async ({ movedAt, firstAt }) => {
      const ctx = context();
      const person = await reachablePerson(db, { timeZone: "Europe/Berlin" });
      await tick(ctx, checkInPromptsJob, "2026-11-20T14:00:00Z"); // last week's prompt, in Berlin
      const before = await sweep(ctx, checkInPromptsJob, "2026-11-21T00:00:00Z", movedAt, 60);
      await db.prisma.person.update({ where: { id: person.id }, data: { timeZone: "America/Los_Angeles" } });
      const after = await sweep(ctx, checkInPromptsJob, movedAt, "2026-11-29T00:00:00Z", 60);

      expect([...before, ...after]).toEqual([{ at: firstAt, key: `checkin-prompt:${person.id}:2026-W48` }]);
    },
  );

  it("when a person moves their check-in day from Wednesday to Friday after Wednesday's prompt, they get no second prompt that week", async () => {
    const ctx = context();
    const person = await reachablePerson(db, { timeZone: "UTC" }, { checkInWeekday: 3, checkInTime: "10:00" });
    await tick(ctx, checkInPromptsJob, "2026-11-20T12:00:00Z"); // last week's prompt
    expect(await tick(ctx, checkInPromptsJob, "2026-11-25T10:00:00Z")).toEqual([
      `checkin-prompt:${person.id}:2026-W48`,
    ]);
    await db.prisma.person.update({ where: { id: person.id }, data: { checkInWeekday: 5, checkInTime: "15:00" } });
    expect(await sweep(ctx, checkInPromptsJob, "2026-11-26T00:00:00Z", "2026-12-04T15:00:00Z", 60)).toEqual([]);
    expect(await tick(ctx, checkInPromptsJob, "2026-12-04T15:00:00Z")).toEqual([
      `checkin-prompt:${person.id}:2026-W49`,
    ]);
  });

  it("when a person is away through the prompt day, they get no prompt; when back while the period is open, they do", async () => {
    const ctx = context();
    const away = await reachablePerson(db, { timeZone: "Europe/Berlin" }, { awayUntil: "2026-11-29" });
    const present = await reachablePerson(db, { timeZone: "Europe/Berlin" });
    expect(await tick(ctx, checkInPromptsJob, "2026-11-27T14:00:00Z")).toEqual([
      `checkin-prompt:${present.id}:2026-W48`,
    ]);
    expect(await sweep(ctx, checkInPromptsJob, "2026-11-27T14:00:00Z", "2026-11-29T23:00:00Z", 60)).toEqual([]);
    // Monday 30 November 00:00 Berlin (23:00Z on the 29th): back, and W48 is still open until Friday.
    expect(await tick(ctx, checkInPromptsJob, "2026-11-29T23:00:00Z")).toEqual([`checkin-prompt:${away.id}:2026-W48`]);
  });

  it("when a person is inactive or already submitted this period, they get no prompt", async () => {
    const ctx = context();
    await reachablePerson(db, { timeZone: "UTC", active: false });
    const early = await reachablePerson(db, { timeZone: "UTC" });
    ctx.clock.set("2026-11-23T10:00:00Z");
    await submitCheckIn(ctx, { personId: early.id, answers, now: new Date("2026-11-27T10:00:00Z") });
    // Submitted on Friday morning, before the 15:00 prompt: that is W47's period (until 27 Nov 15:00), so W48 still prompts.
    expect(await tick(ctx, checkInPromptsJob, "2026-11-27T15:00:00Z")).toEqual([`checkin-prompt:${early.id}:2026-W48`]);
    await submitCheckIn(ctx, { personId: early.id, answers, now: new Date("2026-11-28T10:00:00Z") });
    expect(await tick(ctx, checkInPromptsJob, "2026-12-04T14:59:00Z")).toEqual([]);
  });

  it("when a person has no chat identity Momentum can reach yet, they get no prompt until they have one", async () => {
    const ctx = context();
    const person = await createPerson(db, { timeZone: "UTC", teamsAadObjectId: "aad-1" }); // Teams user, no conversation yet
    expect(await tick(ctx, checkInPromptsJob, "2026-11-27T15:00:00Z")).toEqual([]);
    await db.prisma.teamsIdentity.updateMany({
      where: { personId: person.id },
      data: { conversationReference: { conversation: { id: "a:1" } } },
    });
    expect(await tick(ctx, checkInPromptsJob, "2026-11-30T09:00:00Z")).toEqual([
      `checkin-prompt:${person.id}:2026-W48`,
    ]);
  });

  it("when a manager sets a team slot it beats the org default, and a person's own slot beats both", async () => {
    const ctx = context();
    const manager = await reachablePerson(db, { role: "manager" }, { teamCheckInWeekday: 3, teamCheckInTime: "11:00" });
    const report = await reachablePerson(db, { timeZone: "UTC", managerId: manager.id });
    const own = await reachablePerson(db, { managerId: manager.id }, { checkInWeekday: 1, checkInTime: "09:30" });
    const found = await sweep(ctx, checkInPromptsJob, "2026-11-30T00:00:00Z", "2026-12-07T00:00:00Z", 30);
    // The first tick claims every current period (the week before); what follows is the new week, one each.
    const newWeek = found.filter((row) => row.key.endsWith("2026-W49"));
    expect(newWeek).toEqual([
      { at: "2026-11-30T09:30:00.000Z", key: `checkin-prompt:${own.id}:2026-W49` },
      { at: "2026-12-02T11:00:00.000Z", key: `checkin-prompt:${report.id}:2026-W49` },
      { at: "2026-12-04T15:00:00.000Z", key: `checkin-prompt:${manager.id}:2026-W49` },
    ]);
  });
});
