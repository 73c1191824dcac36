import { describe, expect, it } from "vitest";
import { isExcusedFromCheckIn } from "../../../src/domain/check-ins/excused.ts";
import { isAwayAt } from "../../../src/domain/schedule/away.ts";
import { atLocalTime, formatLocalLabel } from "../../../src/domain/schedule/local-time.ts";
import { checkInPeriodAt } from "../../../src/domain/schedule/period.ts";
import { effectiveCheckInSlot } from "../../../src/domain/schedule/schedule-person.ts";
import {
  isWithinWorkingHours,
  nextWorkingInstant,
  nextWorkingMorning,
  workingHoursOf,
} from "../../../src/domain/schedule/working-hours.ts";
import { DateTime } from "luxon";
import { testOrg } from "../../support/fixtures.ts";

const friday = { weekday: 5, time: "15:00" };
const iso = (date: Date | null) => date?.toISOString() ?? null;

describe("check-in periods", () => {
  it("start at the latest prompt at or before now and end at the next one, across a DST change (167 hours long)", () => {
    const period = checkInPeriodAt(friday, "Europe/Berlin", new Date("2026-03-30T08:00:00Z"));
    expect([period.key, iso(period.start), iso(period.deadline)]).toEqual([
      "2026-W13",
      "2026-03-27T14:00:00.000Z",
      "2026-04-03T13:00:00.000Z",
    ]);
  });

  it("at the exact prompt instant, the new period has begun; a millisecond before, the old one is still open", () => {
    expect(checkInPeriodAt(friday, "UTC", new Date("2026-11-27T15:00:00.000Z")).key).toBe("2026-W48");
    expect(checkInPeriodAt(friday, "UTC", new Date("2026-11-27T14:59:59.999Z")).key).toBe("2026-W47");
  });

  it("keep the turn of the year in one ISO week (2026-W53)", () => {
    const period = checkInPeriodAt(friday, "UTC", new Date("2027-01-02T10:00:00Z"));
    expect([period.key, iso(period.start)]).toEqual(["2026-W53", "2027-01-01T15:00:00.000Z"]);
  });

  it("with a Sunday slot, the period key is the week of that Sunday", () => {
    const period = checkInPeriodAt({ weekday: 7, time: "20:00" }, "Asia/Kolkata", new Date("2026-11-30T10:00:00Z"));
    expect([period.key, iso(period.start)]).toEqual(["2026-W48", "2026-11-29T14:30:00.000Z"]);
  });
});

describe("local times on DST nights", () => {
  it("a wall time that does not exist moves forward by the gap; one that happens twice is the first", () => {
    const day = (date: string, zone: string) => DateTime.fromISO(date, { zone });
    expect(iso(atLocalTime(day("2026-03-29", "Europe/Berlin"), "02:30", "Europe/Berlin").toJSDate())).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    expect(iso(atLocalTime(day("2026-10-25", "Europe/Berlin"), "02:30", "Europe/Berlin").toJSDate())).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(iso(atLocalTime(day("2026-10-04", "Australia/Lord_Howe"), "02:15", "Australia/Lord_Howe").toJSDate())).toBe(
      "2026-10-03T15:45:00.000Z",
    );
    expect(iso(atLocalTime(day("2026-04-05", "Australia/Lord_Howe"), "01:45", "Australia/Lord_Howe").toJSDate())).toBe(
      "2026-04-04T14:45:00.000Z",
    );
  });

  it("labels show the person's local wall time", () => {
    expect(formatLocalLabel(new Date("2026-12-04T01:15:00Z"), "Pacific/Chatham")).toBe("Friday 4 December, 15:00");
  });
});

describe("effective check-in slot", () => {
  const noManager = { checkInWeekday: null, checkInTime: null, manager: null };
  it("is the org default, then the manager's team slot, then the person's own", () => {
    expect(effectiveCheckInSlot(noManager, testOrg)).toEqual({ weekday: 5, time: "15:00", source: "org" });
    const team = { ...noManager, manager: { teamCheckInWeekday: 3, teamCheckInTime: "11:00" } };
    expect(effectiveCheckInSlot(team, testOrg)).toEqual({ weekday: 3, time: "11:00", source: "team" });
    expect(effectiveCheckInSlot({ ...team, checkInWeekday: 1, checkInTime: "09:00" }, testOrg)).toEqual({
      weekday: 1,
      time: "09:00",
      source: "person",
    });
  });
});

describe("working hours and quiet hours", () => {
  const hours = workingHoursOf({ workdayStart: null, workdayEnd: null }, testOrg);
  it("are the org's 09:00–18:00 on weekdays in the person's zone", () => {
    expect(isWithinWorkingHours(hours, "America/New_York", new Date("2026-11-27T14:00:00Z"))).toBe(true); // Fri 09:00
    expect(isWithinWorkingHours(hours, "America/New_York", new Date("2026-11-27T13:59:00Z"))).toBe(false); // Fri 08:59
    expect(isWithinWorkingHours(hours, "America/New_York", new Date("2026-11-27T23:00:00Z"))).toBe(false); // Fri 18:00
    expect(isWithinWorkingHours(hours, "America/New_York", new Date("2026-11-28T15:00:00Z"))).toBe(false); // Saturday
  });

  it("after Friday evening, the next working instant is Monday at the person's own start", () => {
    const own = workingHoursOf({ workdayStart: "07:30", workdayEnd: "16:00" }, testOrg);
    expect(iso(nextWorkingInstant(own, "Europe/Berlin", new Date("2026-11-27T17:00:00Z")))).toBe(
      "2026-11-30T06:30:00.000Z",
    );
    expect(iso(nextWorkingInstant(own, "Europe/Berlin", new Date("2026-11-27T10:00:00Z")))).toBe(
      "2026-11-27T10:00:00.000Z",
    );
  });

  it("the next working morning after a Friday prompt is Monday at the reminder time, and never the same day", () => {
    expect(
      iso(nextWorkingMorning({ days: [1, 2, 3, 4, 5] }, "10:00", "Asia/Kolkata", new Date("2026-11-27T09:30:00Z"))),
    ).toBe("2026-11-30T04:30:00.000Z");
    expect(iso(nextWorkingMorning({ days: [1, 2, 3, 4, 5] }, "10:00", "UTC", new Date("2026-11-30T08:00:00Z")))).toBe(
      "2026-12-01T10:00:00.000Z",
    );
    expect(nextWorkingMorning({ days: [] }, "10:00", "UTC", new Date("2026-11-30T08:00:00Z"))).toBeNull();
  });
});

describe("away", () => {
  it("lasts through the whole inclusive local day", () => {
    expect(isAwayAt("2026-12-01", "America/New_York", new Date("2026-12-02T04:59:00Z"))).toBe(true);
    expect(isAwayAt("2026-12-01", "America/New_York", new Date("2026-12-02T05:00:00Z"))).toBe(false);
    expect(isAwayAt(null, "UTC", new Date("2026-12-01T00:00:00Z"))).toBe(false);
  });
});

describe("who is excused from a period's check-in", () => {
  const period = checkInPeriodAt(friday, "America/New_York", new Date("2026-11-30T15:00:00Z")); // opened Fri 27 Nov
  it("is whoever is inactive or was away on or after the period's first local day", () => {
    expect(isExcusedFromCheckIn({ active: false, awayUntil: null }, period)).toBe(true);
    expect(isExcusedFromCheckIn({ active: true, awayUntil: "2026-11-27" }, period)).toBe(true);
    expect(isExcusedFromCheckIn({ active: true, awayUntil: "2026-11-26" }, period)).toBe(false);
    expect(isExcusedFromCheckIn({ active: true, awayUntil: null }, period)).toBe(false);
  });
});
