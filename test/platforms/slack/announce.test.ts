// Announcements on Slack end to end, through the real Bolt code and the fake Web API: /announce opens the modal,
// the submission posts once per channel through the outbox (even when submitted twice), "Acknowledge" records one
// acknowledgement, /announce status lists who hasn't acknowledged, and its reminder button DMs only them, once.
import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { FakeSlackUser, RecordedCall } from "../../support/fake-slack.ts";
import { createPerson, SEEDED_AT } from "../../support/fixtures.ts";
import type { SlackHarness } from "../../support/slack.ts";
import { alice, bob, grace } from "./people.ts";

let db: TestDatabase;
let harness: SlackHarness;
// Wednesday 25 November 2026, 12:00 UTC: working hours for Alice (Berlin) and Bob (London), who get the reminders.
const clock = new ManualClock("2026-11-25T12:00:00Z");
const TEXT = "Our review cycle starts on Monday. Please read the guide <!channel> & ask questions.";

it.override("slackOptions", { clock });
it.beforeEach(async ({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
  clock.set("2026-11-25T12:00:00Z");
  // Grace is HR (imported by HR with her role); Alice and Bob have used Momentum on Slack before.
  await createPerson(db, { email: grace.email!, name: grace.name, role: "hr" });
  await act(alice);
  await act(bob);
});

interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { type: string; action_id?: string; value?: string; text?: { text: string } }[];
}

async function act(user: FakeSlackUser) {
  await harness.slack.command("/momentum", "settings", { as: user });
  await harness.service.settle();
}

const posts = (channel: string) =>
  harness.fake.sent("chat.postMessage").filter((call) => call.args.channel === channel);
const replies = () =>
  harness.fake.responses.map((response) => response.body as { text: string; blocks?: Block[]; response_type?: string });
const blocksOf = (call: RecordedCall) => call.args.blocks as Block[];
const buttonIn = (blocks: Block[], actionId: string) =>
  blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === actionId);

function modalValues(channels: string[], text: string, withAck: boolean) {
  return {
    announce_channels: { channels: { type: "multi_conversations_select", selected_conversations: channels } },
    announce_text: { text: { type: "plain_text_input", value: text } },
    announce_ack: { ack: { type: "checkboxes", selected_options: withAck ? [{ value: "ack" }] : [] } },
  };
}

async function openModal(as: FakeSlackUser) {
  const before = harness.fake.sent("views.open").length;
  await harness.slack.command("/announce", "", { as });
  await harness.service.settle();
  const opened = harness.fake.sent("views.open");
  return opened.length > before
    ? (opened.at(-1)!.args.view as { callback_id: string; private_metadata: string; blocks: Block[] })
    : null;
}

async function announce(channels: string[], options: { withAck?: boolean; viewId?: string; as?: FakeSlackUser } = {}) {
  const view = (await openModal(grace))!;
  const answer = await harness.slack.submitView({
    as: options.as ?? grace,
    view,
    viewId: options.viewId ?? "VANNOUNCE1",
    values: modalValues(channels, TEXT, options.withAck ?? true),
  });
  await harness.service.settle();
  return answer;
}

describe("/announce", () => {
  it("when HR posts to two channels and the modal is submitted twice, each channel gets exactly one post with an Acknowledge button, and HR one confirmation", async () => {
    // Momentum isn't in #random yet: it joins (a public channel) and posts.
    harness.fake.setChannel("CRANDOM", "not-member");
    const view = (await openModal(grace))!;
    expect(view.callback_id).toBe("announce_modal");

    const values = modalValues(["CGENERAL", "CRANDOM"], TEXT, true);
    const [first, second] = await Promise.all([
      harness.slack.submitView({ as: grace, view, viewId: "VTWICE", values }),
      harness.slack.submitView({ as: grace, view, viewId: "VTWICE", values }),
    ]);
    await harness.service.settle();

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(posts("CGENERAL")).toHaveLength(1);
    expect(posts("CRANDOM")).toHaveLength(1);
    expect(harness.fake.sent("conversations.join").map((call) => call.args.channel)).toEqual(["CRANDOM"]);
    const post = posts("CGENERAL")[0];
    // Escaped: the text can't ping the channel.
    expect(JSON.stringify(post.args.blocks)).toContain("&lt;!channel&gt; &amp; ask questions");
    expect(buttonIn(blocksOf(post), "announcement_ack")?.text?.text).toBe("Acknowledge");
    expect(await db.prisma.announcement.count()).toBe(1);
    const confirmations = posts("UGRACE");
    expect(confirmations).toHaveLength(1);
    expect(JSON.stringify(confirmations[0].args.blocks)).toContain("<#CGENERAL> and <#CRANDOM>");
  });

  it("when Alice clicks Acknowledge twice, one acknowledgement is stored and she is thanked privately each time", async () => {
    await announce(["CGENERAL"]);
    const button = buttonIn(blocksOf(posts("CGENERAL")[0]), "announcement_ack")!;

    for (let i = 0; i < 2; i++) {
      await harness.slack.clickButton({
        as: alice,
        actionId: "announcement_ack",
        value: button.value,
        channel: "CGENERAL",
      });
      await harness.service.settle();
    }

    expect(await db.prisma.announcementAck.count()).toBe(1);
    expect(
      replies()
        .slice(-2)
        .map((reply) => [reply.response_type, reply.text]),
    ).toEqual([
      ["ephemeral", "Thanks! Grace Hopper can see you've acknowledged it."],
      ["ephemeral", "You've already acknowledged this one. Thanks!"],
    ]);
  });

  it("status lists who hasn't acknowledged; the reminder DMs only them, and a second reminder sends nothing new", async () => {
    await announce(["CGENERAL", "CRANDOM"]);
    const ackButton = buttonIn(blocksOf(posts("CGENERAL")[0]), "announcement_ack")!;
    await harness.slack.clickButton({
      as: alice,
      actionId: "announcement_ack",
      value: ackButton.value,
      channel: "CGENERAL",
    });
    await harness.service.settle();

    await harness.slack.command("/announce", "status", { as: grace });
    await harness.service.settle();
    const status = replies().at(-1)!;
    expect(status.response_type).toBe("ephemeral");
    const shown = JSON.stringify(status.blocks);
    expect(shown).toContain("*1 of 2* has acknowledged it.");
    expect(shown).toContain("*Not yet (1):* Bob Brown");
    const remind = buttonIn(status.blocks!, "announcement_follow_up")!;
    expect(remind.text?.text).toBe("Send a reminder to 1 person");

    for (let i = 0; i < 2; i++) {
      await harness.slack.clickButton({ as: grace, actionId: "announcement_follow_up", value: remind.value });
      await harness.service.settle();
    }

    const reminders = harness.fake
      .sent("chat.postMessage")
      .filter((call) => String(call.args.text).startsWith("Reminder from Grace Hopper"));
    expect(reminders.map((call) => call.args.channel)).toEqual(["DMBOB"]);
    expect(buttonIn(blocksOf(reminders[0]), "announcement_ack")?.value).toBe(ackButton.value);
    expect(
      replies()
        .slice(-2)
        .map((reply) => reply.text),
    ).toEqual([
      ":bell: Reminder on its way to 1 person, during their working hours.",
      "No one new to remind: everyone who hasn't acknowledged has already had their one reminder.",
    ]);
  });

  it("when a chosen private channel doesn't have Momentum in it, the modal comes back naming it, with everything kept, and nothing is posted or stored", async () => {
    harness.fake.setChannel("GSECRET", "private-not-member");

    const answer = await announce(["CGENERAL", "GSECRET"]);

    const body = answer.json<{ response_action: string; view: { blocks: Block[] } }>();
    expect(body.response_action).toBe("update");
    const warning = body.view.blocks[0].text!.text;
    expect(warning).toContain("Nothing was posted");
    expect(warning).toContain(
      "<#GSECRET> is private and Momentum isn't a member: invite it there with `/invite @Momentum`",
    );
    expect(warning).not.toContain("CGENERAL");
    expect(JSON.stringify(body.view.blocks)).toContain('"initial_conversations":["CGENERAL","GSECRET"]');
    expect(JSON.stringify(body.view.blocks)).toContain(JSON.stringify(TEXT).slice(1, 30));
    expect(await db.prisma.announcement.count()).toBe(0);
    expect(harness.fake.sent("chat.postMessage").filter((call) => String(call.args.channel).match(/^[CG]/))).toEqual(
      [],
    );
  });

  it("when the message is empty, the modal shows it next to the field and nothing is stored", async () => {
    const view = (await openModal(grace))!;
    const answer = await harness.slack.submitView({ as: grace, view, values: modalValues(["CGENERAL"], "   ", false) });
    expect(answer.json()).toEqual({
      response_action: "errors",
      errors: { announce_text: "Write the announcement first." },
    });
    expect(await db.prisma.announcement.count()).toBe(0);
  });
});

describe("a review-cycle launch announcing itself", () => {
  it("when HR clicks Announce this cycle, the modal opens with the cycle's words, and the announcement it posts is linked to the cycle", async () => {
    await act(grace);
    const hr = await db.prisma.person.findUniqueOrThrow({ where: { email: grace.email! } });
    const cycle = await db.prisma.reviewCycle.create({
      data: {
        name: "H2 2026",
        createdById: hr.id,
        status: "active",
        participants: { kind: "everyone" },
        selfDueDate: "2026-12-11",
        managerDueDate: "2026-12-18",
        questions: [],
        createdAt: SEEDED_AT,
      },
    });

    await harness.slack.clickButton({ as: grace, actionId: "announce_cycle", value: cycle.id });
    await harness.service.settle();
    const view = harness.fake.sent("views.open").at(-1)!.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: Block[];
    };
    expect(view.callback_id).toBe("announce_modal");
    expect(JSON.stringify(view.blocks)).toContain('The review cycle \\"H2 2026\\" has started.');
    expect(JSON.parse(view.private_metadata)).toEqual({ cycleId: cycle.id });

    await harness.slack.submitView({
      as: grace,
      view,
      values: modalValues(["CGENERAL"], "H2 2026 has started!", false),
    });
    await harness.service.settle();
    expect((await db.prisma.announcement.findFirstOrThrow()).cycleId).toBe(cycle.id);
    expect(posts("CGENERAL")).toHaveLength(1);
  });
});

describe("who may announce", () => {
  it.each([
    ["an employee", "employee"],
    ["a manager", "manager"],
  ] as const)("when %s types /announce, they are told only HR can, and no modal opens", async (_who, role) => {
    await db.prisma.person.update({ where: { email: bob.email! }, data: { role } });
    expect(await openModal(bob)).toBeNull();
    expect(replies().at(-1)?.text).toBe("Sorry, only HR can send announcements.");
  });

  it("when an employee replays the modal submission or the status buttons, they are refused and nothing is stored or sent", async () => {
    await announce(["CGENERAL"]);
    const announcementId = (await db.prisma.announcement.findFirstOrThrow()).id;
    const postsBefore = harness.fake.sent("chat.postMessage").length;

    const submitted = await harness.slack.submitView({
      as: bob,
      view: { callback_id: "announce_modal" },
      viewId: "VBOB",
      values: modalValues(["CGENERAL"], "Free pizza", false),
    });
    await harness.service.settle();
    expect(submitted.json()).toEqual({
      response_action: "errors",
      errors: { announce_channels: "Sorry, only HR can send announcements." },
    });

    await harness.slack.clickButton({ as: bob, actionId: "announcement_follow_up", value: announcementId });
    await harness.slack.command("/announce", "status", { as: bob });
    await harness.service.settle();

    expect(
      replies()
        .slice(-2)
        .map((reply) => reply.text),
    ).toEqual([
      "Sorry, only HR can send announcement reminders.",
      "Sorry, only HR can see who has acknowledged an announcement.",
    ]);
    expect(await db.prisma.announcement.count()).toBe(1);
    expect(await db.prisma.delivery.count({ where: { kind: "announcement.followup" } })).toBe(0);
    expect(harness.fake.sent("chat.postMessage")).toHaveLength(postsBefore);
    expect(harness.fake.calls("conversations.info").filter((call) => call.args.channel === "CGENERAL")).toHaveLength(1);
  });
});
