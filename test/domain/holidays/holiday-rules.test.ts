// The holiday rules on their own: calendar codes, which days are off, how a check-in prompt and the Monday summary
// move, and the send window. Expected instants are written out by hand from the zones' rules.
import { describe, expect, it } from "vitest";
import { decideSendWindow } from "../../../src/deliveries/send-window.ts";
import { daysOffOf, type ClosureRange } from "../../../src/domain/schedule/days-off.ts";
import { checkHolidayCalendar, holidayOn } from "../../../src/domain/schedule/holidays.ts";
import { checkInPeriodAt, type HolidayShift } from "../../../src/domain/schedule/period.ts";
import { summaryWeekAt } from "../../../src/domain/summaries/summary-schedule.ts";
import { parseSettingsText } from "../../../src/domain/people/settings-text.ts";
import { parseClosureText } from "../../../src/domain/holidays/closure-text.ts";
import { loadConfig, ConfigError } from "../../../src/config/env.ts";
import { testOrg } from "../../support/fixtures.ts";

const person = (holidayCalendar: string | null = null, managerId: string | null = null) => ({
  id: "p1",
  managerId,
  holidayCalendar,
  manager: null,
});
const shiftFor = (
  calendar: string | null,
  policy: HolidayShift["policy"],
  closures: ClosureRange[] = [],
): HolidayShift => ({
  days: {
    days: [1, 2, 3, 4, 5],
    daysOff: daysOffOf(person(calendar), { holidayCalendar: null, holidayTypes: "public" }, closures),
  },
  policy,
});
const friday15 = { weekday: 5, time: "15:00" };

describe("holiday calendar codes", () => {
  it("accepts a country or a country with its region, in any case, and names them", () => {
    expect(checkHolidayCalendar("de-be")).toMatchObject({
      ok: true,
      calendar: { code: "DE-BE", label: "Germany, Berlin" },
    });
    expect(checkHolidayCalendar("GB-ENG")).toMatchObject({ ok: true, calendar: { code: "GB-ENG" } });
    expect(checkHolidayCalendar("US")).toMatchObject({
      ok: true,
      calendar: { code: "US", label: "United States of America" },
    });
  });

  it("refuses an unknown country or region with a message that says what would work", () => {
    expect(checkHolidayCalendar("XX")).toEqual({
      ok: false,
      error: expect.stringContaining("isn't a holiday calendar I know"),
    });
    const region = checkHolidayCalendar("DE-ZZ");
    expect(region.ok).toBe(false);
    expect(!region.ok && region.error).toContain("Regions of Germany: BB, BE");
    expect(checkHolidayCalendar("Germany").ok).toBe(false);
  });

  it("counts public and observed holidays by default, optional ones only when asked", () => {
    expect(holidayOn("DE-BE", "public", "2026-12-25")).toBe("1. Weihnachtstag");
    // Christmas Eve is a half bank holiday in Germany, not a public one: people work.
    expect(holidayOn("DE-BE", "public", "2026-12-24")).toBeNull();
    expect(holidayOn("US", "public", "2026-12-25")).toBe("Christmas Day");
    expect(holidayOn("US", "public", "2026-12-24")).toBeNull();
    expect(holidayOn("US", "public+optional", "2026-12-24")).toBe("Christmas Eve");
    // Boxing Day 2026 is a Saturday: England observes it on Monday 28 December.
    expect(holidayOn("GB-ENG", "public", "2026-12-28")).toBe("Boxing Day (substitute day)");
  });

  it("when HOLIDAY_CALENDAR or CHECKIN_ON_HOLIDAY is wrong, start-up stops and names the problem", () => {
    expect(loadConfig({ HOLIDAY_CALENDAR: "gb-eng" }).org).toMatchObject({
      holidayCalendar: "GB-ENG",
      checkInOnHoliday: "previous",
      holidayTypes: "public",
    });
    expect(loadConfig({ HOLIDAY_INCLUDE_OPTIONAL: "true" }).org).toMatchObject({
      holidayCalendar: null,
      holidayTypes: "public+optional",
    });
    try {
      loadConfig({ HOLIDAY_CALENDAR: "DE-XX", CHECKIN_ON_HOLIDAY: "later" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join("\n")).toMatch(/HOLIDAY_CALENDAR: .*isn't a holiday calendar I know/);
      expect((error as ConfigError).problems.join("\n")).toMatch(/CHECKIN_ON_HOLIDAY: must be previous, next or skip/);
    }
  });
});

describe("a check-in slot on a holiday", () => {
  it("with previous, Christmas Day 2026 in Berlin opens the week on Thursday 24 December at 15:00 Berlin, same week key", () => {
    const period = checkInPeriodAt(
      friday15,
      "Europe/Berlin",
      new Date("2026-12-24T14:00:00Z"),
      shiftFor("DE-BE", "previous"),
    );
    expect(period).toMatchObject({ key: "2026-W52", promptSkipped: false, movedFrom: "2026-12-25" });
    expect(period.start.toISOString()).toBe("2026-12-24T14:00:00.000Z");
    // New Year's Day is a Friday too: the next prompt is on Thursday 31 December.
    expect(period.deadline.toISOString()).toBe("2026-12-31T14:00:00.000Z");
    // A minute before, it is still the week before.
    expect(
      checkInPeriodAt(friday15, "Europe/Berlin", new Date("2026-12-24T13:59:00Z"), shiftFor("DE-BE", "previous")).key,
    ).toBe("2026-W51");
  });

  it("with next, the prompt opens on the next working day (Monday 28 December in Berlin) and keeps its week's key", () => {
    const shift = shiftFor("DE-BE", "next");
    expect(checkInPeriodAt(friday15, "Europe/Berlin", new Date("2026-12-28T13:59:00Z"), shift).key).toBe("2026-W51");
    const period = checkInPeriodAt(friday15, "Europe/Berlin", new Date("2026-12-28T14:00:00Z"), shift);
    expect(period).toMatchObject({ key: "2026-W52", promptSkipped: false });
    expect(period.start.toISOString()).toBe("2026-12-28T14:00:00.000Z");
  });

  it("with skip, the week is a period without a prompt, at its usual time", () => {
    const period = checkInPeriodAt(
      friday15,
      "Europe/Berlin",
      new Date("2026-12-25T15:00:00Z"),
      shiftFor("DE-BE", "skip"),
    );
    expect(period).toMatchObject({ key: "2026-W52", promptSkipped: true, movedFrom: null });
    expect(period.start.toISOString()).toBe("2026-12-25T14:00:00.000Z");
  });

  it("with a closure covering the whole week before the slot, previous finds no working day and the week is skipped", () => {
    const closure: ClosureRange = {
      id: "c1",
      scope: "org",
      teamManagerId: null,
      startDate: "2026-11-16",
      endDate: "2026-11-27",
      reason: "Move",
    };
    const period = checkInPeriodAt(
      friday15,
      "UTC",
      new Date("2026-11-27T16:00:00Z"),
      shiftFor(null, "previous", [closure]),
    );
    expect(period).toMatchObject({ key: "2026-W48", promptSkipped: true });
  });

  it("without a calendar, a Friday 25 December prompt is where it always was", () => {
    const period = checkInPeriodAt(
      friday15,
      "Europe/Berlin",
      new Date("2026-12-25T14:00:00Z"),
      shiftFor(null, "previous"),
    );
    expect(period.start.toISOString()).toBe("2026-12-25T14:00:00.000Z");
  });
});

describe("the Monday summary and the send window on a day off", () => {
  it("in GB-ENG, Easter Monday 2027 moves the summary to Tuesday 30 March 09:00 London (BST)", () => {
    const days = { days: [1, 2, 3, 4, 5], daysOff: daysOffOf(person("GB-ENG"), { holidayCalendar: null }, []) };
    expect(summaryWeekAt(new Date("2027-03-29T08:00:00Z"), "Europe/London", days)).toBeNull();
    expect(summaryWeekAt(new Date("2027-03-30T07:59:00Z"), "Europe/London", days)).toBeNull();
    expect(summaryWeekAt(new Date("2027-03-30T08:00:00Z"), "Europe/London", days)).toMatchObject({
      periodKey: "2027-W13",
      sendAt: new Date("2027-03-30T08:00:00Z"),
    });
    // Without the calendar it is Monday's as always.
    expect(summaryWeekAt(new Date("2027-03-29T08:00:00Z"), "Europe/London")).toMatchObject({
      sendAt: new Date("2027-03-29T08:00:00Z"),
    });
  });

  it("a message that respects quiet hours is held from a holiday to the next working morning; one that does not goes at once", () => {
    const org = { ...testOrg, holidayCalendar: "DE-BE" };
    const berlin = {
      timeZone: "Europe/Berlin",
      awayUntil: null,
      workdayStart: null,
      workdayEnd: null,
      id: "p1",
      managerId: null,
      holidayCalendar: null,
      manager: null,
      closures: [],
    };
    // Friday 25 December 11:00 Berlin: Christmas; Saturday and Sunday off; Monday 28 December 09:00 Berlin.
    expect(
      decideSendWindow({ expiresAt: null, respectQuietHours: true }, berlin, org, new Date("2026-12-25T10:00:00Z")),
    ).toEqual({ action: "reschedule", notBefore: new Date("2026-12-28T08:00:00Z") });
    expect(
      decideSendWindow({ expiresAt: null, respectQuietHours: false }, berlin, org, new Date("2026-12-25T10:00:00Z")),
    ).toEqual({ action: "send" });
    // The same person with their own US calendar works on Boxing Day... which is a Saturday; on 24 December both work.
    expect(
      decideSendWindow({ expiresAt: null, respectQuietHours: true }, berlin, org, new Date("2026-12-24T10:00:00Z")),
    ).toEqual({ action: "send" });
  });
});

describe("the chat forms", () => {
  it("reads settings holidays and team holidays, and refuses a code it does not know", () => {
    expect(parseSettingsText("holidays de-by")).toEqual({ ok: true, command: { kind: "holidays", code: "DE-BY" } });
    expect(parseSettingsText("holidays default")).toEqual({ ok: true, command: { kind: "holidays", code: null } });
    expect(parseSettingsText("team holidays <@U1|bob> GB-ENG")).toEqual({
      ok: true,
      command: { kind: "team-holidays", code: "GB-ENG", target: "<@U1|bob>" },
    });
    expect(parseSettingsText("holidays Narnia")).toEqual({
      ok: false,
      error: expect.stringContaining('"Narnia" isn\'t a holiday calendar I know'),
    });
  });

  it("reads closure add, remove and list, a one-day closure included", () => {
    expect(parseClosureText("add 2026-12-24 2027-01-01 Winter break")).toEqual({
      ok: true,
      command: { kind: "add", startDate: "2026-12-24", endDate: "2027-01-01", reason: "Winter break", target: "" },
    });
    expect(parseClosureText("add <@U1> 2026-11-27 Offsite")).toEqual({
      ok: true,
      command: { kind: "add", startDate: "2026-11-27", endDate: "2026-11-27", reason: "Offsite", target: "<@U1>" },
    });
    expect(parseClosureText("remove 2026-12-24 2027-01-01")).toEqual({
      ok: true,
      command: { kind: "remove", startDate: "2026-12-24", endDate: "2027-01-01", target: "" },
    });
    expect(parseClosureText("list")).toEqual({ ok: true, command: { kind: "list" } });
    expect(parseClosureText("add tomorrow Party")).toMatchObject({ ok: false });
    expect(parseClosureText("add 2026-12-24 2027-01-01")).toMatchObject({
      ok: false,
      error: expect.stringContaining("Say what the closure is for"),
    });
  });
});
