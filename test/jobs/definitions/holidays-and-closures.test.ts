// Every schedule on holidays and closure days, through the real job definitions on a real database with the
// injected clock. Expected instants are written out by hand from the zones' rules.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addClosure } from "../../../src/domain/holidays/closures.ts";
import { buildTeamSummaries } from "../../../src/domain/summaries/build-team-summaries.ts";
import {
  checkInPromptsJob,
  checkInRemindersJob,
  oneOnOnePromptsJob,
  teamSummariesJob,
} from "../../../src/jobs/definitions/index.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { jobContext, markSent, reachablePerson, sweep, tick } from "./job-harness.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

const HOUR = 60;

/** The week before has its prompt queued already (as it would in a running service); then the sweep. */
async function sweepWeek(
  ctx: ReturnType<typeof jobContext>,
  job: typeof checkInPromptsJob,
  from: string,
  to: string,
  step: number,
) {
  await tick(ctx, job, from);
  return sweep(ctx, job, new Date(new Date(from).getTime() + step * 60_000).toISOString(), to, step);
}

describe("check-in prompts on Christmas Day 2026 (a Friday)", () => {
  it("in an org whose calendar is DE-BE, with previous, a Berlin person is prompted on Thursday 24 December at 15:00 Berlin and not on the 25th", async () => {
    const ctx = jobContext(db, { holidayCalendar: "DE-BE", checkInOnHoliday: "previous" });
    const anna = await reachablePerson(db, { name: "Anna", timeZone: "Europe/Berlin" });
    await tick(ctx, checkInPromptsJob, "2026-12-18T14:00:00Z"); // the week before, on time

    const found = await sweep(ctx, checkInPromptsJob, "2026-12-24T00:00:00Z", "2026-12-27T00:00:00Z", 15);

    expect(found).toEqual([{ at: "2026-12-24T14:00:00.000Z", key: `checkin-prompt:${anna.id}:2026-W52` }]);
    const prompt = await db.prisma.delivery.findUniqueOrThrow({ where: { key: `checkin-prompt:${anna.id}:2026-W52` } });
    // Open until the next prompt, itself moved off New Year's Day to Thursday 31 December 15:00 Berlin.
    expect(prompt.expiresAt?.toISOString()).toBe("2026-12-31T14:00:00.000Z");
  });

  it("with skip, nobody is prompted that week and the Monday summary lists nobody as missing", async () => {
    const ctx = jobContext(db, { holidayCalendar: "DE-BE", checkInOnHoliday: "skip" });
    const mia = await reachablePerson(db, { name: "Mia", timeZone: "Europe/Berlin", role: "manager" });
    const reports = await Promise.all(
      ["Ana", "Ben", "Cy"].map((name) => reachablePerson(db, { name, timeZone: "Europe/Berlin", managerId: mia.id })),
    );

    expect(await sweepWeek(ctx, checkInPromptsJob, "2026-12-21T00:00:00Z", "2026-12-28T00:00:00Z", HOUR)).toEqual([]);

    ctx.clock.set("2026-12-28T08:00:00Z");
    const [summary] = await buildTeamSummaries(ctx, { now: ctx.clock.now(), managerIds: [mia.id] });
    expect(summary.periodKey).toBe("2026-W52");
    expect(summary.reports.map((report) => report.status)).toEqual(["excused", "excused", "excused"]);
    expect(summary.completion).toMatchObject({ missing: 0, excused: reports.length });
  });

  it("a New York person with the US calendar is not prompted on the 25th (Christmas is a US holiday) but on Thursday the 24th, 15:00 New York", async () => {
    const ctx = jobContext(db, { holidayCalendar: "DE-BE" });
    const nate = await reachablePerson(db, { name: "Nate", timeZone: "America/New_York" }, { holidayCalendar: "US" });

    const found = await sweepWeek(ctx, checkInPromptsJob, "2026-12-24T00:00:00Z", "2026-12-26T06:00:00Z", 30);

    expect(found).toEqual([{ at: "2026-12-24T20:00:00.000Z", key: `checkin-prompt:${nate.id}:2026-W52` }]);
  });

  it("after a moved prompt, the one reminder skips the holiday weekend and comes on Monday 28 December at 10:00 Berlin", async () => {
    const ctx = jobContext(db, { holidayCalendar: "DE-BE" });
    const anna = await reachablePerson(db, { name: "Anna", timeZone: "Europe/Berlin" });
    await tick(ctx, checkInPromptsJob, "2026-12-24T14:00:00Z");
    await markSent(db, `checkin-prompt:${anna.id}:2026-W52`, "2026-12-24T14:00:30Z");

    const found = await sweep(ctx, checkInRemindersJob, "2026-12-24T15:00:00Z", "2026-12-28T12:00:00Z", 30);

    expect(found).toEqual([{ at: "2026-12-28T09:00:00.000Z", key: `checkin-reminder:${anna.id}:2026-W52` }]);
  });
});

describe("closures and whose calendar counts", () => {
  it("a closure for one team moves that team's prompt and leaves another team's untouched", async () => {
    const ctx = jobContext(db);
    const hr = await reachablePerson(db, { name: "Hana", role: "hr" });
    const mia = await reachablePerson(db, { name: "Mia", role: "manager" });
    const max = await reachablePerson(db, { name: "Max", role: "manager" });
    const ana = await reachablePerson(db, { name: "Ana", managerId: mia.id });
    const ben = await reachablePerson(db, { name: "Ben", managerId: max.id });
    ctx.clock.set("2026-11-20T10:00:00Z");
    await addClosure(
      ctx,
      { personId: hr.id },
      { startDate: "2026-11-27", endDate: "2026-11-27", reason: "Team offsite", teamManagerId: mia.id },
    );

    const found = await sweepWeek(ctx, checkInPromptsJob, "2026-11-26T00:00:00Z", "2026-11-28T00:00:00Z", HOUR);

    const at = (personId: string) => found.filter((entry) => entry.key.includes(personId)).map((entry) => entry.at);
    // The team (Ana and their manager Mia) on Thursday; Ben's team and everyone else on Friday as usual.
    expect(at(ana.id)).toEqual(["2026-11-26T15:00:00.000Z"]);
    expect(at(mia.id)).toEqual(["2026-11-26T15:00:00.000Z"]);
    expect(at(ben.id)).toEqual(["2026-11-27T15:00:00.000Z"]);
    expect(at(max.id)).toEqual(["2026-11-27T15:00:00.000Z"]);
  });

  it("a person's own calendar beats their team's: on Good Friday 2027 the DE-BE team moves, the report with US does not", async () => {
    const ctx = jobContext(db);
    const mia = await reachablePerson(db, { name: "Mia", role: "manager" }, { teamHolidayCalendar: "DE-BE" });
    const ana = await reachablePerson(db, { name: "Ana", managerId: mia.id });
    const ulf = await reachablePerson(db, { name: "Ulf", managerId: mia.id }, { holidayCalendar: "US" });

    const found = await sweepWeek(ctx, checkInPromptsJob, "2027-03-25T00:00:00Z", "2027-03-27T00:00:00Z", HOUR);

    expect(found.filter((entry) => entry.key.includes(ana.id)).map((entry) => entry.at)).toEqual([
      "2027-03-25T15:00:00.000Z",
    ]);
    expect(found.filter((entry) => entry.key.includes(ulf.id)).map((entry) => entry.at)).toEqual([
      "2027-03-26T15:00:00.000Z",
    ]);
  });
});

describe("Easter 2027 in England (GB-ENG)", () => {
  it("Good Friday moves the check-in prompt to Thursday and Easter Monday moves the Monday summary to Tuesday 09:00 London", async () => {
    const ctx = jobContext(db, { holidayCalendar: "GB-ENG" });
    const mia = await reachablePerson(db, { name: "Mia", timeZone: "Europe/London", role: "manager" });
    const ana = await reachablePerson(db, { name: "Ana", timeZone: "Europe/London", managerId: mia.id });

    const prompts = await sweepWeek(ctx, checkInPromptsJob, "2027-03-25T00:00:00Z", "2027-03-27T00:00:00Z", HOUR);
    expect(prompts.filter((entry) => entry.key.includes(ana.id))).toEqual([
      { at: "2027-03-25T15:00:00.000Z", key: `checkin-prompt:${ana.id}:2027-W12` },
    ]);

    // Clocks go forward on Sunday 28 March: 09:00 London is 08:00 UTC from then on.
    const summaries = await sweepWeek(ctx, teamSummariesJob, "2027-03-29T00:00:00Z", "2027-03-31T00:00:00Z", 30);
    expect(summaries).toEqual([{ at: "2027-03-30T08:00:00.000Z", key: `team-summary:${mia.id}:2027-W13` }]);
  });
});

describe("1:1 agendas on a day off", () => {
  it("when the 1:1 falls on Christmas Day, the manager is told once that it is skipped, and gets no agenda", async () => {
    const ctx = jobContext(db, { holidayCalendar: "DE-BE" });
    const mia = await reachablePerson(db, { name: "Mia", timeZone: "Europe/Berlin", role: "manager" });
    const ana = await reachablePerson(db, { name: "Ana", timeZone: "Europe/Berlin", managerId: mia.id });
    await db.prisma.oneOnOne.create({
      data: {
        managerId: mia.id,
        reportId: ana.id,
        weekday: 5,
        time: "10:00",
        createdAt: new Date("2026-12-01T00:00:00Z"),
        updatedAt: new Date("2026-12-01T00:00:00Z"),
      },
    });

    const found = await sweep(ctx, oneOnOnePromptsJob, "2026-12-23T12:00:00Z", "2026-12-25T12:00:00Z", 30);

    const key = `one-on-one:${mia.id}:${ana.id}:2026-W52`;
    expect(found.map((entry) => entry.key)).toEqual([key]);
    // Sent on Thursday (the last working moment before the slot), not on the holiday.
    expect(found[0].at.startsWith("2026-12-24")).toBe(true);
    const delivery = await db.prisma.delivery.findUniqueOrThrow({ where: { key } });
    expect(delivery.message).toMatchObject({
      type: "notice",
      title: "1:1 skipped this week",
      text: expect.stringContaining("1. Weihnachtstag"),
    });
  });
});
