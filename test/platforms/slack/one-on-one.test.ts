// The manager's week on Slack, through the real Bolt code: setting a 1:1 slot, the agenda DM at the right local
// time with the right content, a private note that shows up in the next agenda for that manager only, "Mark 1:1
// done", the Monday summary (blockers first, no feedback, no notes) and every visibility negative.
import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { FakeSlackUser, RecordedCall } from "../../support/fake-slack.ts";
import type { SlackHarness } from "../../support/slack.ts";
import { SEEDED_AT } from "../../support/fixtures.ts";

// Mia (Berlin) manages Ana, Ben and Cy; Otto (London) manages Pia; Hal is HR. Wednesday 2 December 2026.
const mia: FakeSlackUser = { id: "UMIA", name: "Mia Manager", email: "mia@example.com", tz: "Europe/Berlin" };
const ana: FakeSlackUser = { id: "UANA", name: "Ana Report", email: "ana@example.com", tz: "Europe/Berlin" };
const ben: FakeSlackUser = { id: "UBEN", name: "Ben Report", email: "ben@example.com", tz: "Europe/Berlin" };
const cy: FakeSlackUser = { id: "UCY", name: "Cy Report", email: "cy@example.com", tz: "Europe/Berlin" };
const otto: FakeSlackUser = { id: "UOTTO", name: "Otto Other", email: "otto@example.com", tz: "Europe/London" };
const pia: FakeSlackUser = { id: "UPIA", name: "Pia Peer", email: "pia@example.com", tz: "Europe/London" };
const hal: FakeSlackUser = { id: "UHAL", name: "Hal HR", email: "hal@example.com", tz: "Europe/London" };
const EVERYONE = [mia, ana, ben, cy, otto, pia, hal];
const FEEDBACK = "Ana's demos run long: only Ana and Mia may read this";
const NOTE = "Ask Ana whether she wants the platform move";

const clock = new ManualClock("2026-12-02T10:00:00Z");
let db: TestDatabase;
let harness: SlackHarness;

it.override("slackOptions", { clock, people: false });
it.beforeEach(async ({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
  clock.set("2026-12-02T10:00:00Z");
  for (const user of EVERYONE) harness.fake.addUser(user);
  // Everyone has used Momentum on Slack once, so they exist and their DMs go to Slack.
  for (const user of EVERYONE) await harness.slack.command("/momentum", "settings", { as: user });
  await harness.service.settle();
  const id = async (user: FakeSlackUser) =>
    (await db.prisma.person.findUniqueOrThrow({ where: { email: user.email! } })).id;
  await db.prisma.person.update({ where: { email: mia.email! }, data: { role: "manager" } });
  await db.prisma.person.update({ where: { email: otto.email! }, data: { role: "manager" } });
  await db.prisma.person.update({ where: { email: hal.email! }, data: { role: "hr" } });
  for (const report of [ana, ben, cy])
    await db.prisma.person.update({ where: { email: report.email! }, data: { managerId: await id(mia) } });
  await db.prisma.person.update({ where: { email: pia.email! }, data: { managerId: await id(otto) } });
  const checkIn = async (
    user: FakeSlackUser,
    periodKey: string,
    mood: number,
    blockers: string | null,
    forManager: string | null = null,
  ) =>
    db.prisma.checkIn.create({
      data: {
        personId: await id(user),
        periodKey,
        mood,
        progress: "Progress",
        plans: "Plans",
        blockers,
        forManager,
        submittedAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      },
    });
  await checkIn(ana, "2026-W47", 4, null);
  await checkIn(ana, "2026-W48", 2, "Waiting for the security review", "Can we talk about my growth plan?");
  await checkIn(ben, "2026-W48", 3, "No staging environment");
  await checkIn(cy, "2026-W48", 4, null);
  await checkIn(pia, "2026-W48", 5, "Pia is blocked on hiring");
  await db.prisma.feedback.create({
    data: {
      requestKey: "f1",
      giverId: await id(pia),
      recipientId: await id(ana),
      text: FEEDBACK,
      audience: "recipient_and_manager",
      sharedWithId: await id(mia),
      createdAt: new Date("2026-12-01T10:00:00Z"),
    },
  });
  harness.fake.reset();
  for (const user of EVERYONE) harness.fake.addUser(user);
});

const dmsTo = (user: FakeSlackUser): RecordedCall[] =>
  harness.fake
    .sent("chat.postMessage")
    .filter((call) => call.args.channel === `DM${user.id.slice(1)}` || call.args.channel === user.id);
const textOf = (call: RecordedCall) => `${call.args.text} ${JSON.stringify(call.args.blocks ?? "")}`;
const agendasTo = (user: FakeSlackUser) =>
  dmsTo(user).filter((call) => String(call.args.text).startsWith("Your 1:1 with"));
const lastReply = () => harness.fake.responses.at(-1)?.body as { text: string };
async function at(instant: string) {
  clock.set(instant);
  await harness.service.scheduler.tick();
  await harness.service.settle();
}
function button(call: RecordedCall, actionId: string): string {
  const blocks = JSON.parse(JSON.stringify(call.args.blocks)) as {
    type: string;
    elements?: { action_id: string; value: string }[];
  }[];
  return blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === actionId)!.value;
}

describe("1:1 slots", () => {
  it("when Mia sets Ana's 1:1 she is told when it is and when its agenda comes; Otto and Ben get a friendly refusal and nothing changes", async () => {
    await harness.slack.command("/momentum", "one-on-one <@UANA|ana> friday 10:00", { as: mia });
    await harness.service.settle();
    expect(lastReply().text).toBe(
      "Your weekly 1:1 with Ana Report is Friday at 10:00 (Europe/Berlin). The next one is Friday 4 December, 10:00; its agenda arrives Friday 4 December, 09:00.",
    );
    await harness.slack.command("/momentum", "one-on-one <@UANA|ana> monday 08:00", { as: otto });
    await harness.service.settle();
    expect(lastReply().text).toBe("Only Ana Report's manager (or HR) can set their 1:1 time.");
    await harness.slack.command("/momentum", "one-on-one <@UANA|ana> monday 08:00", { as: ben });
    await harness.service.settle();
    expect(lastReply().text).toBe("Only Ana Report's manager (or HR) can set their 1:1 time.");
    await harness.slack.command("/momentum", "one-on-one <@UANA|ana> someday", { as: mia });
    await harness.service.settle();
    expect(lastReply().text).toContain("`/momentum one-on-one @alice friday 10:00`");
    expect(await db.prisma.oneOnOne.findMany({ select: { weekday: true, time: true } })).toEqual([
      { weekday: 5, time: "10:00" },
    ]);
  });
});

describe("the 1:1 agenda", () => {
  it("arrives at 09:00 Berlin for a 10:00 slot with Ana's check-in, mood trend, shared feedback; a note added then shows in the next agenda; done is recorded once", async () => {
    await harness.slack.command("/momentum", "one-on-one <@UANA|ana> friday 10:00", { as: mia });
    await at("2026-12-04T07:55:00Z");
    expect(agendasTo(mia).filter((call) => String(call.args.text).includes("Ana"))).toHaveLength(0);
    await at("2026-12-04T08:00:00Z");
    const [agenda] = agendasTo(mia).filter((call) => String(call.args.text).includes("Ana"));
    expect(agenda.args.text).toBe("Your 1:1 with Ana Report is on Friday 4 December, 10:00");
    const shown = textOf(agenda);
    expect(shown).toContain("mood *2/5* (trending down: 4 → 2)");
    expect(shown).toContain("Waiting for the security review");
    expect(shown).toContain("Can we talk about my growth plan?");
    expect(shown).toContain("Feedback shared with you this week: 1");
    expect(shown).toContain(FEEDBACK.replace(/'/g, "'"));

    // Otto replays Mia's button: refused, no modal, nothing stored.
    await harness.slack.clickButton({
      as: otto,
      actionId: "one_on_one_add_note",
      value: button(agenda, "one_on_one_add_note"),
    });
    await harness.service.settle();
    expect(lastReply().text).toBe("Only Ana Report's manager can use this 1:1 agenda.");
    await harness.slack.clickButton({
      as: otto,
      actionId: "one_on_one_done",
      value: button(agenda, "one_on_one_done"),
    });
    await harness.service.settle();
    expect(harness.fake.sent("views.open")).toHaveLength(0);
    expect(await db.prisma.oneOnOneDone.count()).toBe(0);

    clock.set("2026-12-04T08:30:00Z");
    await harness.slack.clickButton({
      as: mia,
      actionId: "one_on_one_add_note",
      value: button(agenda, "one_on_one_add_note"),
    });
    await harness.service.settle();
    const modal = harness.fake.sent("views.open").at(-1)!.args.view as {
      callback_id: string;
      private_metadata: string;
    };
    expect(modal.callback_id).toBe("one_on_one_note");
    const empty = await harness.slack.submitView({
      as: mia,
      view: modal,
      values: { one_on_one_note_text: { note: { type: "plain_text_input", value: "  " } } },
    });
    expect(empty.json()).toEqual({
      response_action: "errors",
      errors: { one_on_one_note_text: "Write your note first." },
    });
    const viewId = "VNOTE1";
    await harness.slack.submitView({
      as: mia,
      view: modal,
      viewId,
      values: { one_on_one_note_text: { note: { type: "plain_text_input", value: NOTE } } },
    });
    await harness.slack.submitView({
      as: mia,
      view: modal,
      viewId,
      values: { one_on_one_note_text: { note: { type: "plain_text_input", value: NOTE } } },
    });
    await harness.service.settle();
    expect(await db.prisma.oneOnOneNote.count()).toBe(1);
    expect(
      dmsTo(mia).some((call) =>
        String(call.args.text).startsWith("Saved. Your note will be in the agenda of your next 1:1 with Ana Report"),
      ),
    ).toBe(true);

    await harness.slack.clickButton({ as: mia, actionId: "one_on_one_done", value: button(agenda, "one_on_one_done") });
    await harness.service.settle();
    expect(lastReply().text).toBe("Your 1:1 with Ana Report for Week 49, 2026 is marked done.");
    await harness.slack.clickButton({ as: mia, actionId: "one_on_one_done", value: button(agenda, "one_on_one_done") });
    await harness.service.settle();
    expect(lastReply().text).toBe("Your 1:1 with Ana Report for Week 49, 2026 was already marked done.");
    expect(await db.prisma.oneOnOneDone.count()).toBe(1);

    // Next week's agenda carries the note (written after this agenda was built), to Mia only.
    await at("2026-12-11T08:00:00Z");
    const next = agendasTo(mia)
      .filter((call) => String(call.args.text).includes("Ana"))
      .at(-1)!;
    expect(next.args.text).toBe("Your 1:1 with Ana Report is on Friday 11 December, 10:00");
    expect(textOf(next)).toContain("Your private notes");
    expect(textOf(next)).toContain(NOTE);
    for (const user of [ana, ben, cy, otto, pia, hal])
      for (const call of dmsTo(user)) expect(textOf(call)).not.toContain(NOTE);
    for (const user of [ana, ben, cy, otto, pia, hal])
      for (const call of dmsTo(user)) expect(textOf(call)).not.toContain(FEEDBACK);
    expect(harness.service.logs.join("\n")).not.toContain(NOTE);
  });
});

describe("the weekly team summary", () => {
  it("reaches Mia on Monday 09:00 Berlin with both blocked reports first and the mood hidden under three answers; Otto's has only Pia; nobody else gets one; no feedback or notes", async () => {
    await db.prisma.oneOnOneNote.create({
      data: {
        managerId: (await db.prisma.person.findUniqueOrThrow({ where: { email: mia.email! } })).id,
        reportId: (await db.prisma.person.findUniqueOrThrow({ where: { email: ana.email! } })).id,
        text: NOTE,
        createdAt: SEEDED_AT,
      },
    });
    await at("2026-12-07T07:59:00Z");
    const summaryTo = (user: FakeSlackUser) =>
      dmsTo(user).filter((call) => String(call.args.text).startsWith("Your team,"));
    expect(summaryTo(mia)).toHaveLength(0);
    await at("2026-12-07T08:00:00Z");
    const [summary] = summaryTo(mia);
    expect(summary.args.text).toBe("Your team, Week 49, 2026: 0 of 3 checked in, 0 blocked");
    // Nobody answered week 49 (opened Friday 4 December). Week 50 is answered: the next Monday's summary shows it.
    harness.fake.reset();
    for (const user of EVERYONE) harness.fake.addUser(user);
    const id = async (user: FakeSlackUser) =>
      (await db.prisma.person.findUniqueOrThrow({ where: { email: user.email! } })).id;
    await db.prisma.checkIn.create({
      data: {
        personId: await id(ana),
        periodKey: "2026-W50",
        mood: 2,
        progress: "p",
        plans: "q",
        blockers: "Security review again",
        submittedAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      },
    });
    await db.prisma.checkIn.create({
      data: {
        personId: await id(cy),
        periodKey: "2026-W50",
        mood: 4,
        progress: "p",
        plans: "q",
        submittedAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      },
    });
    await db.prisma.checkIn.create({
      data: {
        personId: await id(ben),
        periodKey: "2026-W50",
        mood: 3,
        progress: "p",
        plans: "q",
        blockers: "Still no staging",
        submittedAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      },
    });
    await at("2026-12-14T08:00:00Z");
    await at("2026-12-14T09:00:00Z"); // Monday 09:00 in London: Otto's
    const [weekly] = summaryTo(mia);
    const shown = textOf(weekly);
    expect(weekly.args.text).toBe("Your team, Week 50, 2026: 3 of 3 checked in, 2 blocked");
    expect(shown.indexOf("Ana Report")).toBeLessThan(shown.indexOf("Cy Report"));
    expect(shown.indexOf("Ben Report")).toBeLessThan(shown.indexOf("Cy Report"));
    expect(shown).toContain("Security review again");
    expect(shown).toContain("Team mood, last 8 weeks:");
    expect(shown).not.toContain(FEEDBACK);
    expect(shown).not.toContain(NOTE);
    const ottos = textOf(summaryTo(otto)[0]);
    expect(ottos).toContain("Pia Peer");
    expect(ottos).toContain("Team mood:* hidden");
    expect(ottos).not.toMatch(/Ana|Ben|Cy/);
    for (const user of [ana, ben, cy, pia, hal]) expect(summaryTo(user)).toHaveLength(0);
  });

  it("`/momentum summary` shows a manager their own team; HR may ask for Mia's; Otto and Ana are refused", async () => {
    await harness.slack.command("/momentum", "summary", { as: mia });
    await harness.service.settle();
    expect(lastReply().text).toBe("Your team, Week 48, 2026: 3 of 3 checked in, 2 blocked");
    await harness.slack.command("/momentum", "summary <@UMIA|mia>", { as: hal });
    await harness.service.settle();
    expect(lastReply().text).toBe("Mia Manager's team, Week 48, 2026: 3 of 3 checked in, 2 blocked");
    await harness.slack.command("/momentum", "summary <@UMIA|mia>", { as: otto });
    await harness.service.settle();
    expect(lastReply().text).toContain("only HR can see another manager's team summary");
    await harness.slack.command("/momentum", "summary <@UMIA|mia>", { as: ana });
    await harness.service.settle();
    expect(lastReply().text).toContain("only HR can see another manager's team summary");
    expect(JSON.stringify(harness.fake.responses)).not.toContain(FEEDBACK);
  });
});

describe("the Home tab", () => {
  it("shows Ana her own check-in state and kudos, Mia her team as counts, and never Ana's answers to anyone", async () => {
    await harness.slack.postEvent({ type: "app_home_opened", user: mia.id, tab: "home" });
    await harness.service.settle();
    const miaHome = JSON.stringify(harness.fake.sent("views.publish").at(-1)!.args);
    expect(miaHome).toContain("My team at a glance");
    expect(miaHome).toContain("Check-ins: *3 of 3* · blockers: *2* · goals at risk: *0*");
    expect(miaHome).not.toContain("security review");
    await harness.slack.postEvent({ type: "app_home_opened", user: ana.id, tab: "home" });
    await harness.service.settle();
    const anaHome = JSON.stringify(harness.fake.sent("views.publish").at(-1)!.args);
    expect(anaHome).toContain("Check-in:* done for this week");
    expect(anaHome).not.toContain("My team at a glance");
    expect(anaHome).not.toContain(FEEDBACK);
  });
});
