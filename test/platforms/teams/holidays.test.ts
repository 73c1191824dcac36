// Holiday calendars and company closures on Teams end to end, through the real botbuilder code: typed commands into
// the running service, answers recorded by the fake Bot Connector, rows read from the database.
import { describe, expect } from "vitest";
import { assignManager, assignRole, test } from "../../support/teams-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { TeamsHarness, TeamsUser } from "../../support/teams.ts";

// Monday 21 December 2026.
const clock = new ManualClock("2026-12-21T12:00:00Z");
let db: TestDatabase;
let teams: TeamsHarness;
let dana: TeamsUser;
let hana: TeamsUser;
let mia: TeamsUser;

test.override("teamsOptions", { clock, env: { HOLIDAY_CALENDAR: "GB-ENG" } });
test.beforeEach(async ({ db: testDb, teams: harness }) => {
  [db, teams] = [testDb, harness];
  clock.set("2026-12-21T12:00:00Z");
  dana = teams.user("Dana Doer");
  hana = teams.user("Hana HR");
  mia = teams.user("Mia Manager");
  for (const user of [dana, hana, mia]) await teams.installApp(user);
  await assignRole(db, [hana], "hr");
  await assignManager(db, [dana], mia);
});

const personOf = (user: TeamsUser) =>
  db.prisma.person.findFirstOrThrow({ where: { teamsIdentities: { some: { aadObjectId: user.aadObjectId } } } });
async function ask(user: TeamsUser, text: string, mentions: TeamsUser[] = []): Promise<string> {
  const sent = await teams.message(user, text, mentions.length ? { mentions } : undefined);
  const replies = teams.repliesTo(sent.id);
  expect(replies).toHaveLength(1);
  return replies[0].text ?? JSON.stringify(replies[0].attachments[0].content);
}

describe("settings holidays on Teams", () => {
  test("the settings card shows the company's calendar and the next day off; settings holidays US makes it Dana's own", async () => {
    const before = await ask(dana, "settings");
    expect(before).toContain("(GB-ENG), the company's calendar");
    expect(before).toContain("Friday 25 December 2026 (Christmas Day)");

    const after = await ask(dana, "settings holidays us");
    expect(after).toContain("Your holiday calendar is now United States of America (US).");
    expect((await personOf(dana)).holidayCalendar).toBe("US");
  });

  test("an unknown code is refused with a clear message and nothing changes", async () => {
    expect(await ask(dana, "settings holidays ZZ")).toContain('"ZZ" isn\'t a holiday calendar I know');
    expect((await personOf(dana)).holidayCalendar).toBeNull();
  });

  test("HR sets Mia's team calendar by mentioning her; Dana (an employee) is refused", async () => {
    const done = await ask(hana, "settings team holidays <at>Mia Manager</at> DE-BE", [mia]);
    expect(done).toContain("Mia Manager's team (1 direct report) now follows the");
    expect((await personOf(mia)).teamHolidayCalendar).toBe("DE-BE");
    // Dana follows her team's calendar now.
    expect(await ask(dana, "settings")).toContain("(DE-BE), your team's calendar");

    expect(await ask(dana, "settings team holidays <at>Mia Manager</at> US", [mia])).toContain(
      "only HR can set a team's holiday calendar",
    );
    expect((await personOf(mia)).teamHolidayCalendar).toBe("DE-BE");
  });
});

describe("closure on Teams", () => {
  test("HR adds a closure for Mia's team, lists it and removes it; an employee is refused", async () => {
    const added = await ask(hana, "closure add <at>Mia Manager</at> 2026-12-22 2026-12-23 Team offsite", [mia]);
    expect(added).toContain(
      "Closure added: Tue 22 Dec 2026 – Wed 23 Dec 2026, Team offsite, for Mia Manager's team (2 people)",
    );
    expect(await db.prisma.closure.count()).toBe(1);
    expect(await ask(dana, "settings")).toContain("Tuesday 22 December 2026 (Team offsite)");

    expect(await ask(hana, "closure list")).toContain(
      "Tue 22 Dec 2026 – Wed 23 Dec 2026: Team offsite (Mia Manager's team)",
    );
    expect(await ask(dana, "closure add 2026-12-24 2026-12-24 Party")).toContain("only HR can manage company closures");

    expect(await ask(hana, "closure remove 2026-12-22 2026-12-23 <at>Mia Manager</at>", [mia])).toContain(
      "Closure removed",
    );
    expect(await db.prisma.closure.count()).toBe(0);
  });
});
