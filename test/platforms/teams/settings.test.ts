// Away and personal settings on Teams end to end, through the real botbuilder code: typed commands into the
// running service, answers recorded by the fake Bot Connector, the person's row read from the database.
// The clock is injected: Wednesday 25 November 2026.
import { describe, expect } from "vitest";
import { test } from "../../support/teams-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import { createPerson } from "../../support/fixtures.ts";
import type { TeamsHarness, TeamsUser } from "../../support/teams.ts";

const clock = new ManualClock("2026-11-25T12:00:00Z");
let db: TestDatabase;
let teams: TeamsHarness;
let dana: TeamsUser;

test.override("teamsOptions", { clock });
test.beforeEach(async ({ db: testDb, teams: harness }) => {
  [db, teams] = [testDb, harness];
  dana = teams.user("Dana Doer");
  await teams.installApp(dana);
});

const personOf = (user: TeamsUser) =>
  db.prisma.person.findFirstOrThrow({ where: { teamsIdentities: { some: { aadObjectId: user.aadObjectId } } } });
/** The one reply to a typed message: its text, or its card as JSON. */
async function ask(user: TeamsUser, text: string): Promise<string> {
  const sent = await teams.message(user, text);
  const replies = teams.repliesTo(sent.id);
  expect(replies).toHaveLength(1);
  return replies[0].text ?? JSON.stringify(replies[0].attachments[0].content);
}

describe("away", () => {
  test("when someone says they're away until a date, awayUntil is stored and they're told what pauses until when", async () => {
    const reply = await ask(dana, "away until 2026-12-01");
    expect((await personOf(dana)).awayUntil).toBe("2026-12-01");
    expect(reply).toContain("You're away until Tuesday 1 December 2026");
    expect(reply).toContain("check-in prompts or reminders");
    expect(JSON.stringify(JSON.parse(await ask(dana, "settings")))).toContain(
      "until Tuesday 1 December 2026 (check-ins paused)",
    );
  });

  test.each([
    ["away until next tuesday", /isn't a date I can read/],
    ["away until 2026-02-30", /isn't a date I can read/],
    ["away until 2026-11-01", /already in the past/],
    ["away until 2028-01-01", /at most a year/],
    ["away", /Tell me your last day away/],
  ])("when someone types %s, they get a friendly explanation and nothing changes", async (text, explanation) => {
    await ask(dana, "away until 2026-12-01");
    expect(await ask(dana, text)).toMatch(explanation);
    expect((await personOf(dana)).awayUntil).toBe("2026-12-01");
  });

  test.each(["away off", "back"])("when someone away types %s, they are back and prompts resume", async (text) => {
    await ask(dana, "away until 2026-12-01");
    expect(await ask(dana, text)).toContain("Welcome back");
    expect((await personOf(dana)).awayUntil).toBeNull();
  });
});

describe("settings", () => {
  test("when someone types settings, they see their check-in slot, working hours and time zone with where each comes from", async () => {
    const card = await ask(dana, "settings");
    expect(card).toContain("Friday at 15:00 (company default)");
    expect(card).toContain("Friday 27 November, 15:00");
    expect(card).toContain("Europe/Berlin");
    expect(card).toMatch(/09:00–18:00, Mon–Fri/);
  });

  test("when someone changes their check-in slot, it is stored and shown as their own choice", async () => {
    const card = await ask(dana, "settings checkin thursday 11:00");
    expect(await personOf(dana)).toMatchObject({ checkInWeekday: 4, checkInTime: "11:00" });
    expect(card).toContain("Your weekly check-in is now Thursday at 11:00.");
    expect(card).toContain("Thursday at 11:00 (your choice)");
    expect(await ask(dana, "settings")).toContain("Thursday at 11:00 (your choice)");
  });

  test("when someone changes their working hours, they are stored and shown", async () => {
    const card = await ask(dana, "settings workday 09:00-17:30");
    expect(await personOf(dana)).toMatchObject({ workdayStart: "09:00", workdayEnd: "17:30" });
    expect(card).toContain("09:00–17:30");
  });

  test("when someone changes their time zone, it is stored and is not overwritten by the zone their Teams client reports next", async () => {
    const card = await ask(dana, "settings timezone America/New_York");
    expect(card).toContain("Your time zone is now America/New_York.");
    await ask(dana, "settings");
    expect((await personOf(dana)).timeZone).toBe("America/New_York");
  });

  test.each([
    ["settings checkin someday 15:00", /Give a day and a time/],
    ["settings checkin friday 25:00", /isn't a time I can read/],
    ["settings workday 18:00-09:00", /start before it ends/],
    ["settings timezone Mars/Olympus", /isn't a time zone I know/],
    ["settings colour blue", /I didn't understand/],
  ])("when someone types %s, they get a friendly explanation and nothing changes", async (text, explanation) => {
    const before = await personOf(dana);
    expect(await ask(dana, text)).toMatch(explanation);
    expect(await personOf(dana)).toEqual(before);
  });

  test("when a manager sets the team's check-in slot, it applies to their direct reports and is shown to them", async () => {
    await db.prisma.person.update({ where: { id: (await personOf(dana)).id }, data: { role: "manager" } });
    const manager = await personOf(dana);
    const report = await createPerson(db, { name: "Rita Report", managerId: manager.id });
    await createPerson(db, { name: "Omar Own", managerId: manager.id }).then((own) =>
      db.prisma.person.update({ where: { id: own.id }, data: { checkInWeekday: 1, checkInTime: "09:00" } }),
    );

    const card = await ask(dana, "settings team checkin thursday 11:00");
    expect(await personOf(dana)).toMatchObject({ teamCheckInWeekday: 4, teamCheckInTime: "11:00" });
    expect(card).toContain("Your 2 direct reports check in on Thursday at 11:00 (1 with their own time keep it).");
    expect(card).toContain("Your team checks in");
    expect(await db.prisma.person.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      checkInWeekday: null,
      checkInTime: null,
    });
  });

  test("when an employee tries to set the team's check-in slot, they are told only managers can and nothing changes", async () => {
    const reply = await ask(dana, "settings team checkin thursday 11:00");
    expect(reply).toBe("Sorry, only managers can set a check-in time for a team.");
    expect(await personOf(dana)).toMatchObject({
      teamCheckInWeekday: null,
      teamCheckInTime: null,
      checkInWeekday: null,
    });
  });

  test("when someone changes a setting in a channel, the answer goes to their personal chat and the channel only sees nothing", async () => {
    const channel = teams.channel("general");
    await teams.message(dana, "settings workday 08:00-16:00", { conversation: channel });
    await teams.service.settle();
    expect(teams.connector.posted.filter((entry) => entry.conversationId.startsWith(channel.id))).toHaveLength(0);
    expect(JSON.stringify(teams.sentTo(teams.personalChat(dana)).at(-1))).toContain("08:00–16:00");
  });

  test("when someone without a personal chat asks in a channel, the channel gets only a pointer to the personal chat", async () => {
    const carol = teams.user("Carol", { installed: false });
    const channel = teams.channel("general");
    const sent = await teams.message(carol, "away until 2026-12-01", { conversation: channel });
    const replies = teams.repliesTo(sent.id);
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toMatch(/Open a chat with Momentum/);
    expect(replies[0].text).not.toContain("December");
    expect((await personOf(carol)).awayUntil).toBe("2026-12-01");
  });
});
