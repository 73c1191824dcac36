import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { SlackHarness } from "../../support/slack.ts";
import { alice, bob, grace } from "./people.ts";
import { SEEDED_AT } from "../../support/fixtures.ts";

let db: TestDatabase;
let harness: SlackHarness;
// Wednesday 25 November 2026, 04:00 in Los Angeles (Grace's zone, from her Slack profile).
const clock = new ManualClock("2026-11-25T12:00:00Z");

it.override("slackOptions", { clock });
it.beforeEach(async ({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
  clock.set("2026-11-25T12:00:00Z");
});

type Reply = { text: string; response_type?: string; blocks?: unknown[] };

/** Types `/momentum <text>` as `as` and returns the one reply only they see. */
async function momentum(text: string, as = grace): Promise<Reply & { shown: string }> {
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

describe("/momentum away and back", () => {
  it("when Grace is away until 1 December, it is stored and confirmed; /momentum back clears it", async () => {
    const away = await momentum("away until 2026-12-01");
    expect(away.text).toBe("You're away through Tuesday 1 December 2026.");
    expect(away.shown).toContain("No check-in prompts or reminders until then");
    expect((await person(grace.email!)).awayUntil).toBe("2026-12-01");

    const settings = await momentum("settings");
    expect(settings.shown).toContain("Away through *Tuesday 1 December 2026*");

    const back = await momentum("back");
    expect(back.text).toBe("Welcome back! Check-in prompts and reminders are on again.");
    expect((await person(grace.email!)).awayUntil).toBeNull();
  });

  it("when Grace is away, her queued check-in reminder is cancelled and the confirmation says so", async () => {
    await momentum("settings");
    const me = await person(grace.email!);
    await db.prisma.delivery.create({
      data: {
        key: `checkin-reminder:${me.id}:test`,
        kind: "checkin.reminder",
        personId: me.id,
        message: { type: "checkin.reminder", periodKey: "2026-W48", deadlineLabel: "x" },
        notBefore: new Date("2026-11-30T18:00:00Z"),
        respectQuietHours: true,
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      },
    });
    const away = await momentum("away until 2026-12-01");
    expect(away.shown).toContain("1 queued message was cancelled");
    expect((await db.prisma.delivery.findFirstOrThrow()).status).toBe("cancelled");
  });

  const badDates: [string, RegExp][] = [
    ["away until 2026-13-45", /"2026-13-45" isn't a date I can read.*`\/momentum away until 2026-12-01`/],
    ["away until next tuesday", /isn't a date I can read/],
    ["away", /Tell me your last day away, e.g. `\/momentum away until 2026-12-01`/],
    ["away until 2026-01-05", /already in the past/],
    ["away until 2028-06-01", /at most a year/],
  ];
  for (const [text, expected] of badDates) {
    it(`when Grace types "/momentum ${text}", she gets a friendly explanation and nothing changes`, async () => {
      await momentum("away until 2026-12-01");
      const reply = await momentum(text);
      expect(reply.text).toMatch(expected);
      expect((await person(grace.email!)).awayUntil).toBe("2026-12-01");
    });
  }
});

describe("/momentum settings", () => {
  it("when Grace asks for her settings, she sees her check-in time, working hours and time zone with where each comes from", async () => {
    const reply = await momentum("settings");
    expect(reply.text).toBe("Your Momentum settings: check-in Friday at 15:00, time zone America/Los_Angeles");
    expect(reply.shown).toContain(
      "Weekly check-in: *Friday at 15:00* (company default); the next one opens Friday 27 November, 15:00",
    );
    expect(reply.shown).toContain("Time zone: *America/Los_Angeles*");
    expect(reply.shown).toContain("`/momentum settings checkin friday 15:00`");
  });

  it("when Grace moves her check-in to Thursday 11:30, it is stored and the reply shows the new slot as her own", async () => {
    const reply = await momentum("settings checkin thursday 11:30");
    expect(reply.text).toBe("Your weekly check-in is now Thursday at 11:30.");
    expect(reply.shown).toContain("(your own choice)");
    expect(await person(grace.email!)).toMatchObject({ checkInWeekday: 4, checkInTime: "11:30" });

    await momentum("settings checkin default");
    expect(await person(grace.email!)).toMatchObject({ checkInWeekday: null, checkInTime: null });
  });

  it("when Grace sets her workday to 09:00-17:30, it is stored and confirmed", async () => {
    const reply = await momentum("settings workday 09:00-17:30");
    expect(reply.text).toBe("Your working hours are now 09:00–17:30.");
    expect(await person(grace.email!)).toMatchObject({ workdayStart: "09:00", workdayEnd: "17:30" });
  });

  it("when Grace moves to Europe/Berlin, her zone is stored and her next check-in is shown in Berlin time", async () => {
    const reply = await momentum("settings timezone Europe/Berlin");
    expect(reply.text).toBe("Your time zone is now Europe/Berlin.");
    expect(reply.shown).toContain("the next one opens Friday 27 November, 15:00");
    expect((await person(grace.email!)).timeZone).toBe("Europe/Berlin");
  });

  const badSettings: [string, RegExp][] = [
    [
      "settings checkin friday 25:00",
      /"25:00" isn't a time I can read: use 24-hour time, e.g. `\/momentum settings checkin friday 15:00`/,
    ],
    ["settings checkin someday 15:00", /Give a day and a time, e.g. `\/momentum settings checkin friday 15:00`/],
    ["settings workday 18:00-09:00", /has to start before it ends/],
    ["settings workday all day", /e\.g\. `\/momentum settings workday 09:00-17:30`/],
    ["settings timezone Mars/Olympus", /"Mars\/Olympus" isn't a time zone I know/],
    ["settings volume 11", /I didn't understand "volume 11"/],
  ];
  for (const [text, expected] of badSettings) {
    it(`when Grace types "/momentum ${text}", she gets a friendly explanation and her settings stay as they were`, async () => {
      await momentum("settings workday 08:00-16:00");
      const before = await person(grace.email!);
      const reply = await momentum(text);
      expect(reply.text).toMatch(expected);
      expect(await person(grace.email!)).toEqual(before);
    });
  }

  it("when an employee tries to set their team's check-in time, they are told only managers can and nothing changes", async () => {
    await momentum("settings");
    const reply = await momentum("settings team checkin friday 15:00");
    expect(reply.text).toBe("Sorry, only managers can set a check-in time for a team.");
    expect(await person(grace.email!)).toMatchObject({ teamCheckInWeekday: null, teamCheckInTime: null });
  });

  it("when a manager sets the team's check-in time, their reports' slot changes and the reply counts them", async () => {
    await momentum("settings", grace);
    await momentum("settings", alice);
    await momentum("settings checkin monday 10:00", bob);
    const manager = await db.prisma.person.update({ where: { email: grace.email! }, data: { role: "manager" } });
    await db.prisma.person.updateMany({
      where: { email: { in: [alice.email!, bob.email!] } },
      data: { managerId: manager.id },
    });

    const reply = await momentum("settings team checkin thursday 11:00");
    expect(reply.text).toBe("Your 2 direct reports now check in on Thursday at 11:00 (1 with their own time keep it).");
    expect(reply.shown).toContain("Your team's check-in: *Thursday at 11:00*");
    expect(await person(grace.email!)).toMatchObject({ teamCheckInWeekday: 4, teamCheckInTime: "11:00" });

    const alicesView = await momentum("settings", alice);
    expect(alicesView.shown).toContain("*Thursday at 11:00* (set by your manager for the team)");
  });
});

describe("/momentum help", () => {
  for (const text of ["", "help", "dance"]) {
    it(`when Grace types "/momentum ${text}", she sees how to check in, go away and change settings`, async () => {
      const reply = await momentum(text);
      expect(reply.shown).toContain("`/checkin history`");
      expect(reply.shown).toContain("`/momentum away until 2026-12-01`");
      expect(reply.shown).toContain("`/momentum settings team checkin thursday 11:00`");
      if (text === "dance") expect(reply.text).toBe('I didn\'t understand "dance".');
    });
  }

  it("when Grace opens the Home tab, it explains /checkin and /momentum next to kudos", async () => {
    await harness.slack.postEvent({ type: "app_home_opened", user: grace.id, tab: "home" });
    await harness.service.settle();
    const home = JSON.stringify(harness.fake.sent("views.publish")[0].args.view);
    expect(home).toContain("/kudos");
    expect(home).toContain("`/checkin`: open this week's check-in");
    expect(home).toContain("`/momentum settings`");
  });
});
