import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addOneOnOneNote } from "../../../src/domain/one-on-ones/add-one-on-one-note.ts";
import { markOneOnOneDone } from "../../../src/domain/one-on-ones/mark-one-on-one-done.ts";
import { occurrenceDueAt, promptInstantBefore } from "../../../src/domain/one-on-ones/one-on-one-slot.ts";
import { parseOneOnOneSlotText } from "../../../src/domain/one-on-ones/one-on-one-text.ts";
import { setOneOnOneSlot } from "../../../src/domain/one-on-ones/set-one-on-one-slot.ts";
import { workingHoursOf } from "../../../src/domain/schedule/working-hours.ts";
import { AppError } from "../../../src/shared/errors.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { domainContext, testOrg } from "../../support/fixtures.ts";
import { MONDAY, NOTE_TEXT, seedOrg } from "../summaries/manager-week-fixtures.ts";

let db: TestDatabase;
let org: Awaited<ReturnType<typeof seedOrg>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(async () => {
  await resetDatabase(db);
  org = await seedOrg(db);
});
const ctx = (at = MONDAY) => domainContext(db, { clock: new ManualClock(at) });
const hours = workingHoursOf({ workdayStart: null, workdayEnd: null }, testOrg);

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => expect.fail("expected a refusal"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("when the 1:1 agenda goes out", () => {
  it("an hour before the slot when that is working time, in the manager's zone", () => {
    const slotAt = new Date("2026-12-04T09:00:00Z"); // Friday 10:00 in Berlin
    expect(promptInstantBefore(slotAt, hours, "Europe/Berlin").toISOString()).toBe("2026-12-04T08:00:00.000Z");
  });

  it("for the default Monday 09:00, at 17:00 on the Friday before (the last working hour before it)", () => {
    const slotAt = new Date("2026-11-30T08:00:00Z"); // Monday 09:00 in Berlin
    expect(promptInstantBefore(slotAt, hours, "Europe/Berlin").toISOString()).toBe("2026-11-27T16:00:00.000Z");
    const due = occurrenceDueAt(
      new Date("2026-11-27T16:00:00Z"),
      { weekday: 1, time: "09:00" },
      "Europe/Berlin",
      hours,
    );
    expect(due).toMatchObject({ periodKey: "2026-W49", slotLabel: "Monday 30 November, 09:00" });
    expect(
      occurrenceDueAt(new Date("2026-11-27T15:59:00Z"), { weekday: 1, time: "09:00" }, "Europe/Berlin", hours),
    ).toBeNull();
  });

  it("reads `friday 10:00`, `fri 9:30` and `default`, and explains anything else", () => {
    expect(parseOneOnOneSlotText("friday 10:00")).toEqual({ ok: true, command: { weekday: 5, time: "10:00" } });
    expect(parseOneOnOneSlotText("fri 9:30")).toEqual({ ok: true, command: { weekday: 5, time: "09:30" } });
    expect(parseOneOnOneSlotText("default")).toEqual({ ok: true, command: { weekday: null, time: null } });
    expect(parseOneOnOneSlotText("someday 25:00")).toMatchObject({
      ok: false,
      error: expect.stringContaining("isn't a day"),
    });
  });
});

describe("setting a 1:1 slot", () => {
  it("the report's manager sets it; HR may set any pair's; another manager or an employee gets a role message", async () => {
    const set = await setOneOnOneSlot(ctx(), { actorId: org.mia.id, reportId: org.ana.id, weekday: 5, time: "10:00" });
    expect(set).toMatchObject({
      reportName: "Ana",
      weekdayName: "Friday",
      time: "10:00",
      nextSlotLabel: "Friday 4 December, 10:00",
      nextAgendaLabel: "Friday 4 December, 09:00",
    });
    await setOneOnOneSlot(ctx(), { actorId: org.hal.id, reportId: org.ben.id, weekday: 3, time: "14:00" });
    const stored = await db.prisma.oneOnOne.findMany({
      orderBy: { weekday: "asc" },
      select: { managerId: true, reportId: true, weekday: true, time: true },
    });
    expect(stored).toEqual([
      { managerId: org.mia.id, reportId: org.ben.id, weekday: 3, time: "14:00" },
      { managerId: org.mia.id, reportId: org.ana.id, weekday: 5, time: "10:00" },
    ]);
    expect(
      (await refusal(setOneOnOneSlot(ctx(), { actorId: org.otto.id, reportId: org.ana.id, weekday: 5, time: "10:00" })))
        .userMessage,
    ).toBe("Only Ana's manager (or HR) can set their 1:1 time.");
    expect(
      (await refusal(setOneOnOneSlot(ctx(), { actorId: org.ben.id, reportId: org.ana.id, weekday: 5, time: "10:00" })))
        .code,
    ).toBe("FORBIDDEN");
    expect(await db.prisma.oneOnOne.count()).toBe(2);
  });
});

describe("private notes and marking a 1:1 done", () => {
  it("only the report's current manager can add a note or mark the 1:1 done; HR and others are refused and nothing is stored", async () => {
    for (const intruder of [org.otto, org.hal, org.ana]) {
      expect(
        (await refusal(addOneOnOneNote(ctx(), { managerId: intruder.id, reportId: org.ben.id, text: "Snooping" })))
          .code,
      ).toBe("FORBIDDEN");
      expect(
        (
          await refusal(
            markOneOnOneDone(ctx(), {
              managerId: intruder.id,
              reportId: org.ana.id,
              periodKey: "2026-W49",
              shownAt: MONDAY,
            }),
          )
        ).code,
      ).toBe("FORBIDDEN");
    }
    expect(await db.prisma.oneOnOneNote.count({ where: { text: "Snooping" } })).toBe(0);
    expect(await db.prisma.oneOnOneDone.count()).toBe(0);
    expect(await db.prisma.oneOnOneNote.count({ where: { closedAt: { not: null } } })).toBe(0);
  });

  it("marking done twice records one 1:1 and closes the notes the agenda showed, not the ones written after it", async () => {
    const later = await addOneOnOneNote(ctx("2026-11-30T10:00:00Z"), {
      managerId: org.mia.id,
      reportId: org.ana.id,
      text: "Written after the agenda",
    });
    expect(later).toMatchObject({ reportName: "Ana", openNotes: 2 });
    const first = await markOneOnOneDone(ctx("2026-11-30T11:00:00Z"), {
      managerId: org.mia.id,
      reportId: org.ana.id,
      periodKey: "2026-W49",
      shownAt: MONDAY,
    });
    expect(first).toMatchObject({ newlyDone: true, closedNotes: 1, weekLabel: "Week 49, 2026" });
    const again = await markOneOnOneDone(ctx("2026-11-30T11:01:00Z"), {
      managerId: org.mia.id,
      reportId: org.ana.id,
      periodKey: "2026-W49",
      shownAt: MONDAY,
    });
    expect(again).toMatchObject({ newlyDone: false, closedNotes: 0 });
    expect(await db.prisma.oneOnOneDone.count()).toBe(1);
    const open = await db.prisma.oneOnOneNote.findMany({ where: { closedAt: null }, select: { text: true } });
    expect(open).toEqual([{ text: "Written after the agenda" }]);
    expect(await db.prisma.oneOnOneNote.count({ where: { text: NOTE_TEXT, closedAt: { not: null } } })).toBe(1);
  });

  it("refuses an empty note with a friendly message", async () => {
    expect(
      (await refusal(addOneOnOneNote(ctx(), { managerId: org.mia.id, reportId: org.ana.id, text: "   " }))).userMessage,
    ).toBe("Write your note first.");
  });
});
