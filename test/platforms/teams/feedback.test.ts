// Private feedback on Teams, through the real botbuilder code: `feedback @Bob …` previews who will see it in the
// giver's personal chat (never in a channel), the preview's buttons send it once, requests reach only the people
// asked, and the Answer dialog opens and submits only for them.
import { describe, expect } from "vitest";
import { assignManager, assignRole, test } from "../../support/teams-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { TeamsConversation, TeamsHarness, TeamsUser } from "../../support/teams.ts";

const TEXT = "Your demo was clear; next time lead with the customer problem (zq-teams-1618)";
const clock = new ManualClock("2026-11-25T12:00:00Z");
let db: TestDatabase;
let teams: TeamsHarness;
let alice: TeamsUser;
let bob: TeamsUser;
let carol: TeamsUser;
let grace: TeamsUser;

test.override("teamsOptions", { clock });
test.beforeEach(async ({ db: testDb, teams: harness }) => {
  [db, teams] = [testDb, harness];
  clock.set("2026-11-25T12:00:00Z");
  [alice, bob, carol, grace] = ["Alice Adams", "Bob Brown", "Carol Chief", "Grace Hopper"].map((name) =>
    teams.user(name),
  );
  for (const user of [alice, bob, carol, grace]) await teams.installApp(user);
  await assignRole(db, [carol], "manager");
  await assignManager(db, [bob], carol);
  teams.connector.posted.length = 0;
});

type Card = { body: Record<string, any>[]; actions?: Record<string, any>[] };
const cardOf = (activity: Record<string, any> | undefined): Card => activity?.attachments?.[0]?.content;
const chatOf = (user: TeamsUser) => teams.sentTo(teams.personalChat(user));
const seenInChannel = (channel: TeamsConversation) =>
  teams.connector.posted.filter((entry) => entry.conversationId.startsWith(channel.id)).map((entry) => entry.activity);
const at = (user: TeamsUser) => `<at>${user.name}</at>`;

async function previewFor(giver: TeamsUser, recipient: TeamsUser, text = TEXT, conversation?: TeamsConversation) {
  const sent = await teams.message(giver, `feedback ${at(recipient)} ${text}`, { mentions: [recipient], conversation });
  expect(sent.status).toBe(200);
  await teams.service.settle();
  const card = cardOf(chatOf(giver).at(-1));
  return { card, actions: card?.actions ?? [] };
}

async function press(user: TeamsUser, action: Record<string, any>) {
  const sent = await teams.message(user, "", { value: action.data });
  expect(sent.status).toBe(200);
  await teams.service.settle();
}

describe("feedback @person: preview, then send", () => {
  test("when Alice types feedback for Bob, her preview names who will read it with each button, and Bob gets nothing yet", async () => {
    const { card, actions } = await previewFor(alice, bob);
    const shown = JSON.stringify(card.body);
    expect(shown).toContain("Only Bob Brown will see this.");
    expect(shown).toContain("Bob Brown and their manager Carol Chief will see this.");
    expect(actions.map((action) => action.title)).toEqual([
      "Send to Bob Brown only",
      "Send to Bob Brown and Carol Chief",
      "Cancel",
    ]);
    expect(chatOf(bob)).toHaveLength(0);
  });

  test("when Alice sends to Bob only, Bob's chat gets the card with the text and Carol's gets nothing", async () => {
    const { actions } = await previewFor(alice, bob);
    await press(alice, actions[0]);
    expect(JSON.stringify(cardOf(chatOf(bob).at(-1)).body)).toContain(TEXT);
    expect(chatOf(bob).at(-1)!.summary).toBe("Alice Adams sent you private feedback");
    expect(chatOf(carol)).toHaveLength(0);
    expect(chatOf(alice).at(-1)!.text).toBe("✅ 🔒 Your feedback was sent privately to Bob Brown only.");
  });

  test("when Alice shares it, Bob and Carol each get it once, even after a double click", async () => {
    const { actions } = await previewFor(alice, bob);
    await press(alice, actions[1]);
    await press(alice, actions[1]);
    await press(alice, actions[0]);
    expect(await db.prisma.feedback.count()).toBe(1);
    expect(chatOf(bob)).toHaveLength(1);
    expect(chatOf(carol)).toHaveLength(1);
    expect(JSON.stringify(cardOf(chatOf(carol)[0]).body)).toContain("shared it with you as their manager");
    expect(chatOf(grace)).toHaveLength(0);
  });

  test("when Grace replays Alice's send button, nothing is stored or sent", async () => {
    const { actions } = await previewFor(alice, bob);
    await press(grace, actions[1]);
    expect(chatOf(grace).at(-1)!.text).toMatch(/expired or was already handled/);
    expect(await db.prisma.feedback.count()).toBe(0);
    expect(chatOf(bob)).toHaveLength(0);
  });

  test("when Alice types feedback in a channel, the preview goes to her personal chat and the channel never sees the text, before or after sending", async () => {
    const channel = teams.channel("general");
    const { actions } = await previewFor(alice, bob, TEXT, channel);
    expect(seenInChannel(channel).map((activity) => activity.text)).toEqual([
      expect.stringMatching(/answered in our personal chat/),
    ]);
    await press(alice, actions[0]);
    expect(JSON.stringify(seenInChannel(channel))).not.toContain("zq-teams-1618");
    expect(JSON.stringify(cardOf(chatOf(bob).at(-1)))).toContain(TEXT);
    expect(teams.service.logs.join("\n")).not.toContain("zq-teams-1618");
  });

  test("when someone without a personal chat types feedback in a channel, they're told to open one and nothing is saved", async () => {
    const stranger = teams.user("Sam Stranger");
    const channel = teams.channel("general");
    await teams.message(stranger, `feedback ${at(bob)} ${TEXT}`, { mentions: [bob], conversation: channel });
    await teams.service.settle();
    expect(seenInChannel(channel).map((activity) => activity.text)).toEqual([
      expect.stringMatching(/only handle it in our personal chat/),
    ]);
    expect(await db.prisma.feedbackDraft.count()).toBe(0);
  });
});

describe("feedback request and the answer dialog", () => {
  async function requestCardFor(user: TeamsUser) {
    const card = cardOf(chatOf(user).at(-1));
    return {
      card,
      answer: card.actions!.find((action) => action.title === "Answer")!,
      decline: card.actions!.find((action) => action.title === "Decline")!,
    };
  }

  test("when Alice asks Bob and Grace, Bob's dialog answer reaches Alice only; Carol can neither open nor submit Bob's dialog", async () => {
    await teams.message(alice, `feedback request ${at(bob)} ${at(grace)} about the launch`, { mentions: [bob, grace] });
    await teams.service.settle();
    expect(chatOf(alice).at(-1)!.text).toMatch(/Asked Bob Brown and Grace Hopper for feedback on Alice Adams/);
    const { card, answer } = await requestCardFor(bob);
    expect(JSON.stringify(card.body)).toContain("Your answer goes to Alice Adams only.");
    expect(answer.data.msteams).toEqual({ type: "task/fetch" });

    const intruderFetch = await teams.invoke(carol, "task/fetch", { data: answer.data });
    expect(intruderFetch.body.task).toEqual({
      type: "message",
      value: "This feedback request was sent to someone else, so you can't answer it.",
    });
    const bobsForm = (await teams.invoke(bob, "task/fetch", { data: answer.data })).body.task.value.card
      .content as Card;
    const submit = bobsForm.actions![0];
    const intruderSubmit = await teams.invoke(carol, "task/submit", { data: { ...submit.data, answer: TEXT } });
    await teams.service.settle();
    expect(JSON.stringify(intruderSubmit.body.task.value.card.content)).toContain("sent to someone else");
    expect(await db.prisma.feedback.count()).toBe(0);

    const aliceBefore = chatOf(alice).length;
    const submitted = await teams.invoke(bob, "task/submit", { data: { ...submit.data, answer: TEXT } });
    await teams.service.settle();
    expect(submitted.body?.task).toBeUndefined();
    expect(JSON.stringify(chatOf(alice).slice(aliceBefore))).toContain(TEXT);
    expect(chatOf(carol)).toHaveLength(0);
    expect(chatOf(bob).at(-1)!.text).toBe("✅ 🔒 Thanks! Your answer was sent privately to Alice Adams.");

    const again = await teams.invoke(bob, "task/submit", { data: { ...submit.data, answer: "changed" } });
    expect(JSON.stringify(again.body.task.value.card.content)).toContain("can't be changed after they're sent");
    expect((await db.prisma.feedback.findMany()).map((row) => row.text)).toEqual([TEXT]);
  });

  test("when Carol asks about her report Bob, Alice's answer reaches Bob and Carol and nobody else", async () => {
    await teams.message(carol, `feedback request for ${at(bob)} ${at(alice)} about Q4`, { mentions: [bob, alice] });
    await teams.service.settle();
    const { card, answer } = await requestCardFor(alice);
    expect(JSON.stringify(card.body)).toContain("Your answer goes to Bob Brown and Carol Chief only.");
    const form = (await teams.invoke(alice, "task/fetch", { data: answer.data })).body.task.value.card.content as Card;
    await teams.invoke(alice, "task/submit", { data: { ...form.actions![0].data, answer: TEXT } });
    await teams.service.settle();
    expect(JSON.stringify(chatOf(bob))).toContain(TEXT);
    expect(JSON.stringify(chatOf(carol))).toContain(TEXT);
    expect(JSON.stringify(chatOf(grace))).not.toContain(TEXT);
  });

  test("when Bob declines, the request can't be answered any more", async () => {
    await teams.message(alice, `feedback request ${at(bob)} about the launch`, { mentions: [bob] });
    await teams.service.settle();
    const { answer, decline } = await requestCardFor(bob);
    await press(bob, decline);
    expect(chatOf(bob).at(-1)!.text).toBe("You declined the request for feedback on Alice Adams.");
    expect((await teams.invoke(bob, "task/fetch", { data: answer.data })).body.task.value).toMatch(/declined/);
  });
});

describe("feedback list", () => {
  test("when Bob lists his feedback he reads it; Carol reads only what was shared with her; Grace reads none", async () => {
    await press(alice, (await previewFor(alice, bob)).actions[0]);
    await press(grace, (await previewFor(grace, bob, "shared one (zq-shared-99)")).actions[1]);
    const listFor = async (user: TeamsUser) => {
      await teams.message(user, "feedback list");
      await teams.service.settle();
      return JSON.stringify(cardOf(chatOf(user).at(-1)));
    };
    const bobs = await listFor(bob);
    expect(bobs).toContain("zq-teams-1618");
    expect(bobs).toContain("zq-shared-99");
    const carols = await listFor(carol);
    expect(carols).not.toContain("zq-teams-1618");
    expect(carols).toContain("shared with you as their manager");
    expect(await listFor(grace)).toContain("No feedback for you yet");
  });
});
