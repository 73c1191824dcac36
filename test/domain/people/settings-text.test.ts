import { describe, expect, it } from "vitest";
import { parseAwayText, parseSettingsText } from "../../../src/domain/people/settings-text.ts";

describe("parsing the away command", () => {
  it.each([
    ["until 2026-12-01", { kind: "away", until: "2026-12-01" }],
    ["  UNTIL   2026-12-01 ", { kind: "away", until: "2026-12-01" }],
    ["2026-12-01", { kind: "away", until: "2026-12-01" }],
    ["off", { kind: "away", until: null }],
    ["back", { kind: "away", until: null }],
  ])("reads %j", (text, command) => {
    expect(parseAwayText(text)).toEqual({ ok: true, command });
  });

  it.each(["", "until", "until next friday", "until 2026-13-01"])(
    "when the text is %j, explains the expected form",
    (text) => {
      const result = parseAwayText(text);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/away until 2026-12-01/);
    },
  );
});

describe("parsing the settings command", () => {
  it.each([
    ["", { kind: "show" }],
    ["show", { kind: "show" }],
    ["checkin friday 15:00", { kind: "check-in", weekday: 5, time: "15:00" }],
    ["check-in Mon 9:30", { kind: "check-in", weekday: 1, time: "09:30" }],
    ["checkin default", { kind: "check-in", weekday: null, time: null }],
    ["team checkin thursday 11:00", { kind: "team-check-in", weekday: 4, time: "11:00" }],
    ["team check-in reset", { kind: "team-check-in", weekday: null, time: null }],
    ["workday 09:00-17:30", { kind: "workday", start: "09:00", end: "17:30" }],
    ["workday 8:00 – 16:00", { kind: "workday", start: "08:00", end: "16:00" }],
    ["workday default", { kind: "workday", start: null, end: null }],
    ["timezone Europe/Berlin", { kind: "time-zone", timeZone: "Europe/Berlin" }],
    ["tz America/Argentina/Buenos_Aires", { kind: "time-zone", timeZone: "America/Argentina/Buenos_Aires" }],
  ])("reads %j", (text, command) => {
    expect(parseSettingsText(text)).toEqual({ ok: true, command });
  });

  it.each([
    ["checkin someday 15:00", "Give a day and a time, e.g. `checkin friday 15:00`."],
    ["checkin friday 3pm", '"3pm" isn\'t a time I can read: use 24-hour time, e.g. `checkin friday 15:00`.'],
    ["workday 17:00-09:00", "Your workday has to start before it ends (17:00–09:00)."],
    ["workday all day", "Give your working hours in 24-hour time, e.g. `workday 09:00-17:30`."],
    ["timezone Berlin", '"Berlin" isn\'t a time zone I know. Use a name such as Europe/Berlin or America/New_York.'],
    ["timezone +02:00", '"+02:00" isn\'t a time zone I know. Use a name such as Europe/Berlin or America/New_York.'],
  ])("when the text is %j, answers %j", (text, error) => {
    expect(parseSettingsText(text)).toEqual({ ok: false, error });
  });

  it("when the command is unknown, lists what can be changed", () => {
    const result = parseSettingsText("colour blue");
    expect(!result.ok && result.error).toMatch(/^I didn't understand "colour blue"\.\nHere's what you can change:/);
  });
});
