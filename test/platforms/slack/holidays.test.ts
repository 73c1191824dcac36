// `/momentum settings holidays …`, `settings team holidays @manager …` and `/momentum closure …` on Slack, through
// the real Bolt code against the fake Slack Web API: what the person sees, and what is stored.
import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { SlackHarness } from "../../support/slack.ts";
import type { FakeSlackUser } from "../../support/fake-slack.ts";
import { alice, bob, grace, mention } from "./people.ts";

let db: TestDatabase;
let harness: SlackHarness;
// Monday 21 December 2026, 13:00 in Berlin.
const clock = new ManualClock("2026-12-21T12:00:00Z");

it.override("slackOptions", { clock, env: { HOLIDAY_CALENDAR: "DE-BE" } });
it.beforeEach(async ({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
  clock.set("2026-12-21T12:00:00Z");
});

type Reply = { text: string; response_type?: string; blocks?: unknown[] };

async function momentum(text: string, as: FakeSlackUser = alice): Promise<Reply & { shown: string }> {
  harness.fake.responses.length = 0;
  const answer = await harness.slack.command("/momentum", text, { as });
  expect(answer.status).toBe(200);
  await harness.service.settle();
  expect(harness.fake.responses).toHaveLength(1);
  const reply = harness.fake.responses[0].body as Reply;
  expect(reply.response_type).toBe("ephemeral");
  return { ...reply, shown: JSON.stringify(reply.blocks ?? []) };
}

const person = (email: string) => db.prisma.person.findUniqueOrThrow({ where: { email } });

async function makeHr(user: FakeSlackUser): Promise<void> {
  await momentum("settings", user);
  await db.prisma.person.update({ where: { email: user.email! }, data: { role: "hr" } });
}

describe("/momentum settings holidays", () => {
  it("shows the org's calendar and the next day off, and when Alice picks DE-BY it is stored and shown as her own", async () => {
    const before = await momentum("settings");
    expect(before.shown).toContain("Holiday calendar: *Germany, Berlin (DE-BE), the company's calendar*");
    expect(before.shown).toContain("next day off: Friday 25 December 2026 (1. Weihnachtstag)");

    const changed = await momentum("settings holidays de-by");
    expect(changed.text).toMatch(/^Your holiday calendar is now Germany, .+ \(DE-BY\)\.$/);
    expect((await person(alice.email!)).holidayCalendar).toBe("DE-BY");

    const reset = await momentum("settings holidays default");
    expect(reset.text).toBe("You follow the company's calendar again: Germany, Berlin (DE-BE).");
    expect((await person(alice.email!)).holidayCalendar).toBeNull();
  });

  it("when the code is unknown, Alice is told which ones work and nothing changes", async () => {
    await momentum("settings holidays DE-BY");
    const refused = await momentum("settings holidays DE-XX");
    expect(refused.text).toContain('"DE-XX" isn\'t a holiday calendar I know. Regions of Germany: BB, BE, BW, BY');
    expect((await person(alice.email!)).holidayCalendar).toBe("DE-BY");
  });

  it("HR sets a manager's team calendar; an employee who tries is refused and nobody is looked up", async () => {
    await makeHr(grace);
    const done = await momentum(`settings team holidays ${mention(bob)} GB-ENG`, grace);
    expect(done.text).toMatch(
      /^Bob Brown's team \(0 direct reports\) now follows the .+ \(GB-ENG\) holiday calendar\.$/,
    );
    expect((await person(bob.email!)).teamHolidayCalendar).toBe("GB-ENG");

    const refused = await momentum(`settings team holidays ${mention(grace)} US`, alice);
    expect(refused.text).toBe("Sorry, only HR can set a team's holiday calendar.");
    expect((await person(grace.email!)).teamHolidayCalendar).toBeNull();
  });
});

describe("/momentum closure", () => {
  it("HR adds a closure for everyone, sees it listed, adding it again changes nothing, and removes it", async () => {
    await makeHr(grace);
    const added = await momentum("closure add 2026-12-24 2027-01-01 Winter break & <party>", grace);
    expect(added.text).toMatch(
      /^Closure added: Thu 24 Dec 2026 – Fri 1 Jan 2027, Winter break & <party>, for everyone \(1 person\)/,
    );
    // HR's words are escaped in what Slack shows.
    expect(added.shown).toContain("Winter break &amp; &lt;party&gt;");
    expect(
      await db.prisma.closure.findMany({ select: { scope: true, startDate: true, endDate: true, reason: true } }),
    ).toEqual([{ scope: "org", startDate: "2026-12-24", endDate: "2027-01-01", reason: "Winter break & <party>" }]);

    const again = await momentum("closure add 2026-12-24 2027-01-01 Winter break", grace);
    expect(again.text).toMatch(/^That closure was already there/);
    expect(await db.prisma.closure.count()).toBe(1);

    const listed = await momentum("closure list", grace);
    expect(listed.shown).toContain("Thu 24 Dec 2026 – Fri 1 Jan 2027");

    // Alice's settings now name the closure as her next day off (24 December comes before Christmas).
    expect((await momentum("settings")).shown).toContain("next day off: Thursday 24 December 2026 (Winter break");

    const removed = await momentum("closure remove 2026-12-24 2027-01-01", grace);
    expect(removed.text).toMatch(/^Closure removed: Thu 24 Dec 2026 – Fri 1 Jan 2027/);
    expect(await db.prisma.closure.count()).toBe(0);
  });

  it("HR adds a closure for one manager's team by mentioning the manager", async () => {
    await makeHr(grace);
    await momentum("settings", alice);
    await momentum("settings", bob);
    await db.prisma.person.update({
      where: { email: alice.email! },
      data: { manager: { connect: { email: bob.email! } } },
    });
    const added = await momentum(`closure add ${mention(bob)} 2026-12-22 2026-12-22 Team offsite`, grace);
    expect(added.text).toContain("for Bob Brown's team (2 people)");
    expect((await db.prisma.closure.findFirstOrThrow()).teamManagerId).toBe((await person(bob.email!)).id);
  });

  it("an employee is refused, and a closure that ends before it starts is explained", async () => {
    const refused = await momentum("closure add 2026-12-24 2027-01-01 Winter break", alice);
    expect(refused.text).toBe("Sorry, only HR can manage company closures.");
    await makeHr(grace);
    const backwards = await momentum("closure add 2027-01-01 2026-12-24 Winter break", grace);
    expect(backwards.text).toBe("The closure has to end on or after the day it starts.");
    expect(await db.prisma.closure.count()).toBe(0);
  });
});
