// Private feedback on Slack, through the real Bolt code: /feedback previews who will see it, the preview's
// buttons send it once, requests reach only the people asked, the Answer button opens a modal only for them, and
// nothing about feedback ever reaches a channel or the logs.
import { randomUUID } from "node:crypto";
import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { FakeSlackUser } from "../../support/fake-slack.ts";
import type { SlackHarness } from "../../support/slack.ts";
import { alice, bob, grace, mention } from "./people.ts";
import { SEEDED_AT } from "../../support/fixtures.ts";

const carol: FakeSlackUser = { id: "UCAROL", name: "Carol Chief", email: "carol@example.com", tz: "Europe/Paris" };
const TEXT = "Your demo was clear; next time lead with the customer problem (zq-fb-3141)";

let db: TestDatabase;
let harness: SlackHarness;
const clock = new ManualClock("2026-11-25T12:00:00Z");

it.override("slackOptions", { clock });
it.beforeEach(async ({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
  harness.fake.addUser(carol);
  clock.set("2026-11-25T12:00:00Z");
  // Carol manages Bob and is known to Momentum; everyone else is provisioned on first contact.
  const carolPerson = await seed(carol, "manager");
  await seed(bob, "employee", carolPerson.id);
});

async function seed(user: FakeSlackUser, role: "employee" | "manager", managerId?: string) {
  return db.prisma.person.create({
    data: {
      name: user.name,
      email: user.email!,
      timeZone: user.tz ?? "UTC",
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
      role,
      managerId,
      slackIdentities: { create: { teamId: harness.fake.teamId, userId: user.id, createdAt: SEEDED_AT } },
    },
  });
}

type Blocks = { type: string; elements?: { action_id?: string; value?: string; text?: { text: string } }[] }[];
const posts = () => harness.fake.sent("chat.postMessage");
const dmsTo = (user: FakeSlackUser) => posts().filter((call) => call.args.channel === `DM${user.id.slice(1)}`);
const replies = () =>
  harness.fake.responses.map(
    (response) =>
      response.body as { text: string; response_type?: string; replace_original?: boolean; blocks?: Blocks },
  );
const buttonsOf = (blocks: Blocks | undefined) =>
  (blocks ?? []).flatMap((block) => block.elements ?? []).filter((element) => element.action_id);

async function previewAs(giver: FakeSlackUser, text: string) {
  await harness.slack.command("/feedback", text, { as: giver });
  await harness.service.settle();
  const preview = replies().at(-1)!;
  return { preview, buttons: buttonsOf(preview.blocks) };
}

async function click(as: FakeSlackUser, button: { action_id?: string; value?: string }) {
  const answer = await harness.slack.clickButton({ as, actionId: button.action_id!, value: button.value });
  expect(answer.status).toBe(200);
  await harness.service.settle();
}

describe("/feedback @person: preview, then send", () => {
  it("when Alice types feedback for Bob, only she sees a preview naming exactly who will read it with each button, and nothing is sent yet", async () => {
    const { preview, buttons } = await previewAs(alice, `${mention(bob)} ${TEXT}`);
    expect(preview.response_type).toBe("ephemeral");
    const shown = JSON.stringify(preview.blocks);
    expect(shown).toContain("Only Bob Brown will see this.");
    expect(shown).toContain("Bob Brown and their manager Carol Chief will see this.");
    expect(buttons.map((button) => button.text!.text)).toEqual([
      "Send to Bob Brown only",
      "Send to Bob Brown and Carol Chief",
      "Cancel",
    ]);
    expect(posts()).toHaveLength(0);
    expect(await db.prisma.feedback.count()).toBe(0);
  });

  it("when Alice sends it to Bob only, Bob gets a DM with the text, Carol and everyone else get nothing, and the preview is replaced without the text", async () => {
    const { buttons } = await previewAs(alice, `${mention(bob)} ${TEXT}`);
    await click(alice, buttons[0]);

    expect(posts().map((call) => call.args.channel)).toEqual(["DMBOB"]);
    expect(JSON.stringify(dmsTo(bob)[0].args.blocks)).toContain(TEXT);
    expect(dmsTo(bob)[0].args.text).toBe("Alice Adams sent you private feedback");
    expect(JSON.stringify(dmsTo(bob)[0].args.blocks)).toContain("Only you can see this.");
    const replaced = replies().at(-1)!;
    expect(replaced.replace_original).toBe(true);
    expect(replaced.text).toBe("Feedback sent to Bob Brown");
    expect(JSON.stringify(replaced)).not.toContain("zq-fb-3141");
  });

  it("when Alice shares it with Bob's manager, Bob and Carol each get one DM, Carol's marked as shared with her as his manager", async () => {
    const { buttons } = await previewAs(alice, `${mention(bob)} ${TEXT}`);
    await click(alice, buttons[1]);
    expect(
      posts()
        .map((call) => call.args.channel)
        .sort(),
    ).toEqual(["DMBOB", "DMCAROL"]);
    const carolSees = JSON.stringify(dmsTo(carol)[0].args.blocks);
    expect(carolSees).toContain(TEXT);
    expect(carolSees).toContain("shared it with you as their manager");
    expect(JSON.stringify(dmsTo(bob)[0].args.blocks)).toContain("You and your manager Carol Chief can see this.");
    expect(dmsTo(grace)).toHaveLength(0);
  });

  it("when Alice double-clicks and then clicks the other send button too, the feedback is stored and sent once", async () => {
    const { buttons } = await previewAs(alice, `${mention(bob)} ${TEXT}`);
    await Promise.all([
      harness.slack.clickButton({ as: alice, actionId: buttons[0].action_id!, value: buttons[0].value }),
      harness.slack.clickButton({ as: alice, actionId: buttons[0].action_id!, value: buttons[0].value }),
    ]);
    await harness.service.settle();
    await click(alice, buttons[1]);
    expect(await db.prisma.feedback.count()).toBe(1);
    expect(posts().map((call) => call.args.channel)).toEqual(["DMBOB"]);
    expect(replies().at(-1)!.text).toBe("Feedback sent to Bob Brown");
    expect(JSON.stringify(replies().at(-1))).toContain("already sent");
  });

  it("when someone else replays Alice's send button, they are refused, nothing is stored and nobody is messaged", async () => {
    const { buttons } = await previewAs(alice, `${mention(bob)} ${TEXT}`);
    await click(grace, buttons[1]);
    expect(replies().at(-1)!.text).toMatch(/expired or was already handled/);
    expect(await db.prisma.feedback.count()).toBe(0);
    expect(posts()).toHaveLength(0);
    await click(alice, buttons[0]);
    expect(posts().map((call) => call.args.channel)).toEqual(["DMBOB"]);
  });

  it("when Alice cancels, nothing is sent and the draft with its text is deleted", async () => {
    const { buttons } = await previewAs(alice, `${mention(bob)} ${TEXT}`);
    await click(alice, buttons[2]);
    expect(replies().at(-1)!.text).toBe("Feedback cancelled");
    expect(await db.prisma.feedbackDraft.count()).toBe(0);
    await click(alice, buttons[0]);
    expect(posts()).toHaveLength(0);
  });

  it("when the recipient has no manager, the preview says so and offers only 'only them'", async () => {
    const { preview, buttons } = await previewAs(alice, `${mention(grace)} ${TEXT}`);
    expect(JSON.stringify(preview.blocks)).toContain(
      "Grace Hopper has no manager in Momentum, so only Grace Hopper can see it.",
    );
    expect(buttons.map((button) => button.text!.text)).toEqual(["Send to Grace Hopper only", "Cancel"]);
  });

  it("when feedback is given in a channel, nothing is ever posted to that channel and the logs never hold the text", async () => {
    await harness.slack.command("/feedback", `${mention(bob)} ${TEXT}`, { as: alice, channel: "CGENERAL" });
    await harness.service.settle();
    await click(alice, buttonsOf(replies().at(-1)!.blocks)[1]);
    const channelCalls = harness.fake.calls().filter((call) => /^[CG]/.test(String(call.args.channel ?? "")));
    expect(channelCalls).toEqual([]);
    expect(harness.service.logs.join("\n")).not.toContain("zq-fb-3141");
  });

  it("when Alice gives feedback to herself or forgets the person, only she is told how", async () => {
    await harness.slack.command("/feedback", `${mention(alice)} ${TEXT}`, { as: alice });
    await harness.service.settle();
    await harness.slack.command("/feedback", TEXT, { as: alice });
    await harness.service.settle();
    expect(replies().map((reply) => reply.text)).toEqual([
      "Feedback is for someone else: you can't give feedback to yourself.",
      expect.stringMatching(/Start with the person/),
    ]);
    expect(replies().every((reply) => reply.response_type === "ephemeral")).toBe(true);
    expect(await db.prisma.feedbackDraft.count()).toBe(0);
  });
});

describe("/feedback alone: the form", () => {
  it("when Alice picks Bob, the form says who will see it; when she submits, Bob and Carol get it and Alice gets a confirmation without the text", async () => {
    await harness.slack.command("/feedback", "", { as: alice });
    await harness.service.settle();
    const opened = harness.fake.sent("views.open")[0].args.view as {
      callback_id: string;
      blocks: { block_id?: string }[];
    };
    expect(opened.callback_id).toBe("feedback_modal");

    const pick = {
      type: "block_actions",
      team: { id: harness.fake.teamId },
      user: { id: alice.id, team_id: harness.fake.teamId },
      trigger_id: "t1",
      view: { id: "VFEEDBACK1", hash: "h1" },
      actions: [
        {
          type: "users_select",
          action_id: "feedback_recipient_pick",
          block_id: "feedback_recipient",
          selected_user: bob.id,
        },
      ],
    };
    await harness.slack.send(new URLSearchParams({ payload: JSON.stringify(pick) }).toString());
    await harness.service.settle();
    const updated = JSON.stringify(harness.fake.sent("views.update")[0].args);
    expect(updated).toContain("Only Bob Brown will see this.");
    expect(updated).toContain("Bob Brown and their manager Carol Chief");

    const submitted = await harness.slack.submitView({
      as: alice,
      view: { callback_id: "feedback_modal" },
      viewId: "VFEEDBACK1",
      values: {
        feedback_recipient: { feedback_recipient_pick: { type: "users_select", selected_user: bob.id } },
        feedback_text: { text: { type: "plain_text_input", value: TEXT } },
        feedback_audience: { audience: { type: "radio_buttons", selected_option: { value: "recipient_and_manager" } } },
      },
    });
    expect(submitted.status).toBe(200);
    await harness.service.settle();
    expect(
      posts()
        .filter((call) => call.args.channel !== alice.id)
        .map((call) => call.args.channel)
        .sort(),
    ).toEqual(["DMBOB", "DMCAROL"]);
    const confirmation = posts().find((call) => call.args.channel === alice.id)!;
    expect(confirmation.args.text).toBe("Feedback sent to Bob Brown");
    expect(JSON.stringify(confirmation.args)).not.toContain("zq-fb-3141");
  });

  it("when the form shares with a manager the person doesn't have, the choice is refused inline and nothing is stored", async () => {
    const answer = await harness.slack.submitView({
      as: alice,
      view: { callback_id: "feedback_modal" },
      values: {
        feedback_recipient: { feedback_recipient_pick: { type: "users_select", selected_user: grace.id } },
        feedback_text: { text: { type: "plain_text_input", value: TEXT } },
        feedback_audience: { audience: { type: "radio_buttons", selected_option: { value: "recipient_and_manager" } } },
      },
    });
    expect(answer.json()).toEqual({
      response_action: "errors",
      errors: { feedback_audience: "Grace Hopper has no manager in Momentum, so only Grace Hopper can see it." },
    });
    expect(await db.prisma.feedback.count()).toBe(0);
  });
});

async function answerButtonFor(user: FakeSlackUser) {
  const dm = dmsTo(user).at(-1)!;
  return buttonsOf(dm.args.blocks as Blocks);
}

function submitAnswer(as: FakeSlackUser, askId: string, text: string, viewId = `V${randomUUID().slice(0, 8)}`) {
  return harness.slack.submitView({
    as,
    viewId,
    view: { callback_id: "feedback_answer_modal", private_metadata: JSON.stringify({ askId }) },
    values: { feedback_answer_text: { answer: { type: "plain_text_input", value: text } } },
  });
}

describe("/feedback request", () => {
  it("when Alice asks Bob and Grace about the launch, each gets a DM with Answer; Bob's answer reaches Alice only, and Grace can't answer Bob's ask", async () => {
    await harness.slack.command("/feedback", `request ${mention(bob)} ${mention(grace)} about the launch`, {
      as: alice,
    });
    await harness.service.settle();
    expect(replies().at(-1)!.text).toBe("Asked Bob Brown and Grace Hopper for feedback");
    expect(
      posts()
        .map((call) => call.args.channel)
        .sort(),
    ).toEqual(["DMBOB", "DMGRACE"]);
    expect(JSON.stringify(dmsTo(bob)[0].args.blocks)).toContain("Your answer goes to Alice Adams only.");

    const [answer] = await answerButtonFor(bob);
    await click(bob, answer);
    const modal = harness.fake.sent("views.open").at(-1)!.args.view as {
      callback_id: string;
      private_metadata: string;
    };
    expect(modal.callback_id).toBe("feedback_answer_modal");
    const { askId } = JSON.parse(modal.private_metadata) as { askId: string };

    // Grace replays Bob's button and Bob's form: refused, nothing opened or stored.
    const opensBefore = harness.fake.sent("views.open").length;
    await click(grace, answer);
    expect(harness.fake.sent("views.open")).toHaveLength(opensBefore);
    expect(replies().at(-1)!.text).toMatch(/sent to someone else/);
    const replayed = await submitAnswer(grace, askId, TEXT);
    expect(replayed.json()).toEqual({
      response_action: "errors",
      errors: { feedback_answer_text: "This feedback request was sent to someone else, so you can't answer it." },
    });
    expect(await db.prisma.feedback.count()).toBe(0);

    const postsBefore = posts().length;
    expect((await submitAnswer(bob, askId, TEXT)).status).toBe(200);
    await harness.service.settle();
    const after = posts().slice(postsBefore);
    expect(after.map((call) => call.args.channel).sort()).toEqual(["DMALICE", bob.id]);
    expect(JSON.stringify(after.find((call) => call.args.channel === "DMALICE")!.args.blocks)).toContain(TEXT);
    expect(JSON.stringify(after.find((call) => call.args.channel === bob.id)!.args)).not.toContain("zq-fb-3141");

    const again = await submitAnswer(bob, askId, "changed my mind");
    expect(JSON.stringify(again.json())).toContain("can't be changed after they're sent");
    expect((await db.prisma.feedback.findMany()).map((row) => row.text)).toEqual([TEXT]);
    expect(harness.service.logs.join("\n")).not.toContain("zq-fb-3141");
  });

  it("when Carol asks about her report Bob, Alice's answer reaches Bob and Carol, and nobody else", async () => {
    await harness.slack.command("/feedback", `request for ${mention(bob)} ${mention(alice)} about Q4`, { as: carol });
    await harness.service.settle();
    expect(JSON.stringify(dmsTo(alice)[0].args.blocks)).toContain(
      "Your answer goes to Bob Brown and Carol Chief only.",
    );
    const [answer] = await answerButtonFor(alice);
    const postsBefore = posts().length;
    expect((await submitAnswer(alice, answer.value!, TEXT)).status).toBe(200);
    await harness.service.settle();
    const delivered = posts()
      .slice(postsBefore)
      .filter((call) => String(call.args.channel).startsWith("DM"));
    expect(delivered.map((call) => call.args.channel).sort()).toEqual(["DMBOB", "DMCAROL"]);
  });

  it("when an employee asks about a colleague, they are told only managers can, and nobody is asked", async () => {
    await harness.slack.command("/feedback", `request for ${mention(bob)} ${mention(grace)} about Q4`, { as: alice });
    await harness.service.settle();
    expect(replies().at(-1)!.text).toMatch(/managers can also ask about their direct reports/);
    expect(posts()).toHaveLength(0);
  });

  it("when Bob declines, the request message is replaced and the ask can't be answered any more", async () => {
    await harness.slack.command("/feedback", `request ${mention(bob)} about the launch`, { as: alice });
    await harness.service.settle();
    const [answer, decline] = await answerButtonFor(bob);
    await click(bob, decline);
    expect(replies().at(-1)).toMatchObject({ replace_original: true, text: "Request declined" });
    expect(JSON.stringify((await submitAnswer(bob, answer.value!, TEXT)).json())).toContain("declined");
    expect(await db.prisma.feedback.count()).toBe(0);
  });
});

describe("/feedback list", () => {
  it("when Bob lists his feedback he reads it; Carol sees only what was shared with her; Grace sees none", async () => {
    let { buttons } = await previewAs(alice, `${mention(bob)} ${TEXT}`);
    await click(alice, buttons[0]);
    ({ buttons } = await previewAs(grace, `${mention(bob)} shared with Carol (zq-shared-2718)`));
    await click(grace, buttons[1]);

    const listFor = async (user: FakeSlackUser) => {
      await harness.slack.command("/feedback", "list", { as: user });
      await harness.service.settle();
      return replies().at(-1)!;
    };
    const bobs = JSON.stringify(await listFor(bob));
    expect(bobs).toContain("zq-fb-3141");
    expect(bobs).toContain("zq-shared-2718");
    const carols = JSON.stringify(await listFor(carol));
    expect(carols).not.toContain("zq-fb-3141");
    expect(carols).toContain("zq-shared-2718");
    expect(carols).toContain("shared with you as their manager");
    const graces = await listFor(grace);
    expect(graces.text).toBe("No feedback for you yet");
    expect(graces.response_type).toBe("ephemeral");
  });
});
