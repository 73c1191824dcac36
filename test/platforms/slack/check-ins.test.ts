import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { FakeSlackUser, RecordedCall } from "../../support/fake-slack.ts";
import type { SlackHarness } from "../../support/slack.ts";
import {
  checkInModalDriver,
  checkInState,
  input,
  shown,
  type Answers,
  type Block,
  type ModalView,
} from "./check-in-modal.ts";
import { alice, grace } from "./people.ts";

let db: TestDatabase;
let harness: SlackHarness;
// Grace works in America/Los_Angeles; the org checks in on Fridays at 15:00. On Wednesday 25 November 2026 (04:00 in
// Los Angeles) her week's check-in is open until Friday 27 November, 15:00 her time.
const clock = new ManualClock("2026-11-25T12:00:00Z");
const DEADLINE = "Friday 27 November, 15:00";

it.override("slackOptions", { clock });
it.beforeEach(async ({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
  clock.set("2026-11-25T12:00:00Z");
});

const answers: Answers = {
  mood: "4",
  progress: "Shipped the importer",
  plans: "Polish the docs",
  blockers: "",
  forManager: "Can we talk about hiring?",
};

const modal = () => checkInModalDriver(harness);
const opened = () => modal().opened();
const lastOpenedView = () => modal().lastOpenedView();
const openWithCommand = (as = grace) => modal().openWithCommand(as);
const submit = (view: ModalView, values: Answers, options: { as?: FakeSlackUser; viewId?: string } = {}) =>
  modal().submit(view, values, { as: grace, ...options });
const dmsTo = (userId: string) => harness.fake.sent("chat.postMessage").filter((call) => call.args.channel === userId);
const replies = () =>
  harness.fake.responses.map(
    (response) => response.body as { text: string; response_type?: string; blocks?: unknown[] },
  );

async function gracesCheckIns() {
  return db.prisma.checkIn.findMany({ where: { person: { email: grace.email! } } });
}

describe("the check-in prompt's Start check-in button", () => {
  it("when Grace clicks it on her prompt DM, the modal opens; after she saved, the same button reopens it with her answers", async () => {
    // She has used Momentum on Slack before, so her prompt comes here.
    await harness.slack.command("/momentum", "settings", { as: grace });
    await harness.service.settle();
    // Friday 27 November, 15:00 in Los Angeles: the scheduler queues her prompt and the outbox sends it.
    clock.set("2026-11-27T23:00:00Z");
    await harness.service.scheduler.tick();
    await harness.service.settle();
    const prompt = harness.fake.sent("chat.postMessage").find((call) => call.args.channel === "DMGRACE");
    expect(prompt?.args.text).toBe("Time for your weekly check-in (open until Friday 4 December, 15:00)");
    const button = buttonIn(prompt!);

    await clickStart(button);
    const empty = lastOpenedView();
    expect(empty.callback_id).toBe("checkin_modal");
    expect(empty.submit.text).toBe("Save");
    expect(input(empty, "checkin_progress").initial_value).toBeUndefined();
    expect(shown(empty)).toContain("Friday 4 December, 15:00");

    await submit(empty, { ...answers, blockers: "Waiting on the security review" });
    await clickStart(button);
    const filled = lastOpenedView();
    expect(filled.submit.text).toBe("Update");
    expect(input(filled, "checkin_mood").initial_option?.value).toBe("4");
    expect(input(filled, "checkin_progress").initial_value).toBe("Shipped the importer");
    expect(input(filled, "checkin_plans").initial_value).toBe("Polish the docs");
    expect(input(filled, "checkin_blockers").initial_value).toBe("Waiting on the security review");
    expect(input(filled, "checkin_for_manager").initial_value).toBe("Can we talk about hiring?");
    expect(shown(filled)).toContain("You already checked in this week");
  });

  it("when Grace clicks the button of a prompt from a week that has closed, this week's form opens and says so", async () => {
    await harness.slack.clickButton({
      as: grace,
      actionId: "checkin_start",
      value: "2000-01-07",
      blockId: "checkin_prompt",
    });
    await harness.service.settle();
    expect(opened()).toHaveLength(1);
    expect(shown(lastOpenedView())).toContain("That prompt was for an earlier week, which has closed");
    expect(shown(lastOpenedView())).toContain(DEADLINE);
  });

  it("when a deactivated person clicks it, they alone are told why and no form opens", async () => {
    await harness.slack.command("/checkin", "history", { as: grace });
    await harness.service.settle();
    await db.prisma.person.update({ where: { email: grace.email! }, data: { active: false } });
    harness.fake.responses.length = 0;

    await harness.slack.clickButton({ as: grace, actionId: "checkin_start", value: "2026-W48" });
    await harness.service.settle();
    expect(opened()).toHaveLength(0);
    expect(replies()).toEqual([
      expect.objectContaining({ response_type: "ephemeral", text: expect.stringContaining("deactivated") }),
    ]);
  });
});

describe("/checkin and the check-in modal", () => {
  it("when Grace types /checkin, the modal opens on her trigger with mood 1–5, the four questions and the deadline", async () => {
    const answer = await harness.slack.command("/checkin", "", { as: grace });
    expect(answer.status).toBe(200);
    await harness.service.settle();
    expect(opened()).toHaveLength(1);
    expect(opened()[0].args.trigger_id).toBe(answer.triggerId);
    const view = lastOpenedView();
    const inputs = view.blocks.filter((block) => block.type === "input");
    expect(inputs.map((block) => [block.block_id, block.element!.type, Boolean(block.optional)])).toEqual([
      ["checkin_mood", "radio_buttons", false],
      ["checkin_progress", "plain_text_input", false],
      ["checkin_plans", "plain_text_input", false],
      ["checkin_blockers", "plain_text_input", true],
      ["checkin_for_manager", "plain_text_input", true],
    ]);
    expect(input(view, "checkin_mood").options!.map((option) => option.value)).toEqual(["1", "2", "3", "4", "5"]);
    expect(shown(view)).toContain(DEADLINE);
    expect(await db.prisma.checkIn.count()).toBe(0);
  });

  it("when Grace submits it, her check-in is stored and a DM says it is saved and editable until the deadline", async () => {
    const view = await openWithCommand();
    const answer = await submit(view, answers);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe("");

    const [row] = await gracesCheckIns();
    expect(row).toMatchObject({
      mood: 4,
      progress: "Shipped the importer",
      plans: "Polish the docs",
      blockers: null,
      forManager: "Can we talk about hiring?",
    });
    expect(dmsTo(grace.id).map((call) => call.args.text)).toEqual([
      `Check-in saved. You can edit it until ${DEADLINE}.`,
    ]);
    // Check-in words are private: they never reach the logs.
    expect(harness.service.logs.join("\n")).not.toContain("Can we talk about hiring");
  });

  it("when Grace submits again in the same week, the same check-in is edited and the DM says updated", async () => {
    await submit(await openWithCommand(), answers);
    const [first] = await gracesCheckIns();
    clock.set("2026-11-26T18:00:00Z");

    const reopened = await openWithCommand();
    expect(input(reopened, "checkin_plans").initial_value).toBe("Polish the docs");
    await submit(reopened, { ...answers, mood: "2", plans: "Rest", forManager: "" });

    const rows = await gracesCheckIns();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: first.id,
      mood: 2,
      plans: "Rest",
      forManager: null,
      progress: "Shipped the importer",
    });
    expect(dmsTo(grace.id).at(-1)!.args.text).toBe(`Check-in updated. You can edit it until ${DEADLINE}.`);
  });

  it("when fields are missing or too long, each shows its own error inline, the modal keeps her answers and nothing is stored", async () => {
    const view = await openWithCommand();
    const answer = await submit(view, {
      mood: null,
      progress: "   ",
      plans: "x".repeat(3001),
      blockers: "Fine",
      forManager: null,
    });
    const body = answer.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe("errors");
    expect(body.errors).toEqual({
      checkin_mood: "Pick your mood, from 1 to 5.",
      checkin_progress: "Tell us what you moved forward this week.",
      checkin_plans: "Please keep this under 3000 characters.",
    });
    expect(await db.prisma.checkIn.count()).toBe(0);
    expect(dmsTo(grace.id)).toHaveLength(0);
  });

  it("when a mood outside 1–5 is sent, it is refused on the mood field", async () => {
    const answer = await submit(await openWithCommand(), { ...answers, mood: "9" });
    expect(answer.json<{ errors: Record<string, string> }>().errors).toEqual({
      checkin_mood: "Pick your mood, from 1 to 5.",
    });
    expect(await db.prisma.checkIn.count()).toBe(0);
  });

  it("when an edit has a wrong field, the error shows inline and the saved check-in keeps every earlier answer", async () => {
    await submit(await openWithCommand(), answers);
    const [before] = await gracesCheckIns();
    clock.set("2026-11-26T18:00:00Z");

    const answer = await submit(await openWithCommand(), {
      mood: "1",
      progress: "",
      plans: "Something new",
      blockers: "New blocker",
      forManager: "",
    });
    expect(answer.json<{ errors: Record<string, string> }>().errors).toEqual({
      checkin_progress: "Tell us what you moved forward this week.",
    });
    const [after] = await gracesCheckIns();
    expect(after).toEqual(before);
    expect(dmsTo(grace.id)).toHaveLength(1);
  });

  it("when Grace double-clicks Save (the same view twice at once), one check-in is stored and she gets one confirmation", async () => {
    const view = await openWithCommand();
    const values = checkInState(answers);
    const sent = await Promise.all([
      harness.slack.submitView({ as: grace, view, values, viewId: "VCHECKIN1" }),
      harness.slack.submitView({ as: grace, view, values, viewId: "VCHECKIN1" }),
    ]);
    expect(sent.map((answer) => answer.status)).toEqual([200, 200]);
    await harness.service.settle();
    expect(await gracesCheckIns()).toHaveLength(1);
    expect(dmsTo(grace.id).map((call) => call.args.text)).toEqual([
      `Check-in saved. You can edit it until ${DEADLINE}.`,
    ]);
  });

  it("when saving is refused (a deactivated account), the reason shows inline; once fixed, the same form can be submitted", async () => {
    const view = await openWithCommand();
    await db.prisma.person.update({ where: { email: grace.email! }, data: { active: false } });
    const refused = await submit(view, answers, { viewId: "VREFUSED1" });
    expect(refused.json<{ errors: Record<string, string> }>().errors.checkin_mood).toMatch(/deactivated/);
    expect(await db.prisma.checkIn.count()).toBe(0);

    await db.prisma.person.update({ where: { email: grace.email! }, data: { active: true } });
    const accepted = await submit(view, answers, { viewId: "VREFUSED1" });
    expect(accepted.body).toBe("");
    expect(await gracesCheckIns()).toHaveLength(1);
    expect(dmsTo(grace.id)).toHaveLength(1);
  });

  it("when the week closes while the form is open, the answers count for the new week and the DM says so", async () => {
    const view = await openWithCommand();
    clock.set("2026-11-28T01:00:00Z"); // Friday 27 November, 17:00 in Los Angeles: the next week has begun
    await submit(view, answers);
    expect(await gracesCheckIns()).toHaveLength(1);
    const dm = dmsTo(grace.id)[0];
    expect(dm.args.text).toBe("Check-in saved. You can edit it until Friday 4 December, 15:00.");
    expect(JSON.stringify(dm.args.blocks)).toContain("had already closed, so your answers count for this week");
  });
});

describe("/checkin history", () => {
  it("when Grace asks for her history, she alone sees her own check-ins, newest first, and nobody else's", async () => {
    await submit(await openWithCommand(grace), { ...answers, progress: "Grace week 48" });
    await submit(await openWithCommand(alice), { ...answers, progress: "Alice private words" }, { as: alice });
    clock.set("2026-12-02T12:00:00Z");
    await submit(await openWithCommand(grace), { ...answers, progress: "Grace week 49", blockers: "Flaky CI" });
    harness.fake.responses.length = 0;

    await harness.slack.command("/checkin", "history", { as: grace });
    await harness.service.settle();
    expect(replies()).toHaveLength(1);
    const reply = replies()[0];
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toBe("Your last 2 check-ins");
    const text = JSON.stringify(reply.blocks);
    expect(text.indexOf("Grace week 49")).toBeGreaterThan(-1);
    expect(text.indexOf("Grace week 49")).toBeLessThan(text.indexOf("Grace week 48"));
    expect(text).toContain("Flaky CI");
    expect(text).not.toContain("Alice private words");
  });

  it("when Grace asks for Alice's history, she is told history is private and sees nothing of Alice's", async () => {
    await submit(await openWithCommand(alice), { ...answers, progress: "Alice private words" }, { as: alice });
    harness.fake.responses.length = 0;
    await harness.slack.command("/checkin", "history <@UALICE|alice>", { as: grace });
    await harness.service.settle();
    expect(replies()[0].text).toBe("Check-in history is private: `/checkin history` shows only your own check-ins.");
    expect(JSON.stringify(harness.fake.responses)).not.toContain("Alice private words");
  });

  it("when Grace has never checked in, history says how to start", async () => {
    await harness.slack.command("/checkin", "history", { as: grace });
    await harness.service.settle();
    expect(replies()[0].text).toBe("You haven't checked in yet.");
  });

  it("when Grace asks for more check-ins than fit in one message, she is told the range", async () => {
    await harness.slack.command("/checkin", "history 500", { as: grace });
    await harness.service.settle();
    expect(replies()[0].text).toBe("I can show 1 to 10 check-ins at once, e.g. `/checkin history 10`.");
  });
});

function buttonIn(message: RecordedCall): { actionId: string; value: string; blockId: string } {
  const blocks = message.args.blocks as Block[];
  const actions = blocks.find((block) => block.type === "actions")!;
  const button = actions.elements!.find((element) => element.type === "button")!;
  return { actionId: button.action_id!, value: button.value!, blockId: actions.block_id! };
}

async function clickStart(button: { actionId: string; value: string; blockId: string }): Promise<void> {
  const before = opened().length;
  const answer = await harness.slack.clickButton({ as: grace, ...button, channel: "DMGRACE" });
  expect(answer.status).toBe(200);
  await harness.service.settle();
  expect(opened()).toHaveLength(before + 1);
}
