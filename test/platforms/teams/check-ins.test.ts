// Weekly check-ins on Teams end to end, through the real botbuilder code: the prompt's button and `checkin` open
// the dialog (task/fetch), the dialog submits (task/submit), and `checkin history` lists the person's own answers.
// The clock is injected: Wednesday 25 November 2026, 13:00 in Berlin, so this period's deadline is Friday 27
// November 15:00 (the org default slot) and its ISO week starts Monday 16 November.
import { describe, expect } from "vitest";
import { test } from "../../support/teams-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { TeamsHarness, TeamsUser } from "../../support/teams.ts";

const NOW = "2026-11-25T12:00:00Z";
const DEADLINE = "Friday 27 November, 15:00";
const clock = new ManualClock(NOW);
let db: TestDatabase;
let teams: TeamsHarness;
let dana: TeamsUser;

test.override("teamsOptions", { clock });
test.beforeEach(async ({ db: testDb, teams: harness }) => {
  [db, teams] = [testDb, harness];
  clock.set(NOW);
  dana = teams.user("Dana Doer");
  await teams.installApp(dana);
});

const ANSWERS = {
  mood: "4",
  progress: "Shipped the CSV import",
  plans: "Start on reminders",
  blockers: "",
  forManager: "Can we talk about the roadmap?",
};

type Card = { body: Record<string, any>[]; actions?: Record<string, any>[] };
const cardOf = (activity: Record<string, any> | undefined): Card => activity?.attachments?.[0]?.content;
const inputs = (card: Card) =>
  Object.fromEntries(card.body.filter((element) => element.id).map((element) => [element.id, element]));
const lastSentTo = (user: TeamsUser) => teams.sentTo(teams.personalChat(user)).at(-1);
/** Posts to the channel and replies in its threads ("<channel id>;messageid=…"). */
const seenInChannel = (channel: { id: string }) =>
  teams.connector.posted.filter((entry) => entry.conversationId.startsWith(channel.id)).map((entry) => entry.activity);

/** What Teams sends when the person clicks an Action.Submit carrying `msteams: { type: "task/fetch" }`. */
async function openDialogFrom(user: TeamsUser, button: Record<string, any>) {
  expect(button).toMatchObject({ type: "Action.Submit", data: { msteams: { type: "task/fetch" } } });
  const fetched = await teams.invoke(user, "task/fetch", {
    type: "task/fetch",
    data: button.data,
    context: { theme: "default" },
  });
  expect(fetched.status).toBe(200);
  return fetched.body.task;
}

/** The dialog's submit: the inputs plus the submit button's own data. */
async function submitDialog(user: TeamsUser, form: Card, values: Record<string, string>) {
  const submit = form.actions!.find((action) => action.type === "Action.Submit")!;
  const submitted = await teams.invoke(user, "task/submit", { data: { ...submit.data, ...values } });
  await teams.service.settle();
  expect(submitted.status).toBe(200);
  return submitted;
}

async function sendPromptTo(user: TeamsUser) {
  const identity = await db.prisma.teamsIdentity.findFirstOrThrow({ where: { aadObjectId: user.aadObjectId } });
  const notifier = teams.service.platforms.find((platform) => platform.name === "teams")!.notifier;
  await notifier.sendToPerson(
    {
      platform: "teams",
      personId: identity.personId,
      tenantId: identity.tenantId,
      aadObjectId: user.aadObjectId,
      teamsUserId: user.id,
      conversationReference: identity.conversationReference,
    },
    { type: "checkin.prompt", periodKey: "2026-W47", deadlineLabel: DEADLINE },
  );
  return cardOf(lastSentTo(user));
}

const storedCheckIns = () =>
  db.prisma.checkIn.findMany({
    select: { periodKey: true, mood: true, progress: true, plans: true, blockers: true, forManager: true },
  });

describe("the check-in dialog", () => {
  test("when the prompt's Start button is clicked the dialog opens empty with the deadline, and after a submission it reopens with the saved answers", async () => {
    const prompt = await sendPromptTo(dana);
    const first = await openDialogFrom(dana, prompt.actions![0]);
    expect(first.type).toBe("continue");
    const empty = first.value.card.content as Card;
    expect(JSON.stringify(empty.body)).toContain(DEADLINE);
    expect(inputs(empty).mood).toMatchObject({
      type: "Input.ChoiceSet",
      choices: expect.arrayContaining([
        { title: "1 · Rough week", value: "1" },
        { title: "5 · Great week", value: "5" },
      ]),
    });
    expect(inputs(empty).mood.value).toBeUndefined();
    expect(inputs(empty).progress.value).toBeUndefined();

    await submitDialog(dana, empty, ANSWERS);
    const again = (await openDialogFrom(dana, prompt.actions![0])).value.card.content as Card;
    const fields = inputs(again);
    expect(fields.mood.value).toBe("4");
    expect(fields.progress.value).toBe("Shipped the CSV import");
    expect(fields.plans.value).toBe("Start on reminders");
    expect(fields.blockers.value).toBeUndefined();
    expect(fields.forManager.value).toBe("Can we talk about the roadmap?");
    expect(again.actions![0].title).toBe("Update check-in");
  });

  test("when the dialog is submitted, the check-in is stored, the dialog closes and the person gets a confirmation with the deadline", async () => {
    const form = (await openDialogFrom(dana, (await sendPromptTo(dana)).actions![0])).value.card.content as Card;
    const submitted = await submitDialog(dana, form, ANSWERS);

    expect(submitted.body?.task).toBeUndefined();
    expect(await storedCheckIns()).toEqual([
      {
        periodKey: "2026-W47",
        mood: 4,
        progress: "Shipped the CSV import",
        plans: "Start on reminders",
        blockers: null,
        forManager: "Can we talk about the roadmap?",
      },
    ]);
    const confirmation = JSON.stringify(cardOf(lastSentTo(dana)).body);
    expect(confirmation).toContain(
      `Thanks! Your check-in for the week of 16 November 2026 is saved; you can edit it until ${DEADLINE}`,
    );
  });

  test("when the person submits again in the same period, the same check-in is edited (one row) and the confirmation says updated", async () => {
    const form = (await openDialogFrom(dana, (await sendPromptTo(dana)).actions![0])).value.card.content as Card;
    await submitDialog(dana, form, ANSWERS);
    const stored = await db.prisma.checkIn.findFirstOrThrow();
    clock.advance(60 * 60 * 1000);

    await submitDialog(dana, form, { ...ANSWERS, mood: "2", blockers: "Waiting for the API keys" });
    const rows = await db.prisma.checkIn.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: stored.id,
      mood: 2,
      blockers: "Waiting for the API keys",
      progress: "Shipped the CSV import",
    });
    expect(JSON.stringify(cardOf(lastSentTo(dana)).body)).toContain("is updated; you can edit it until");
  });

  test("when a required field is missing, the form comes back with that field's error and every other value kept, and nothing is stored", async () => {
    const form = (await openDialogFrom(dana, (await sendPromptTo(dana)).actions![0])).value.card.content as Card;
    const submitted = await submitDialog(dana, form, { ...ANSWERS, plans: "   ", blockers: "The build server" });

    expect(submitted.body.task.type).toBe("continue");
    const fields = inputs(submitted.body.task.value.card.content);
    expect(fields.plansError.text).toBe("Tell us what you plan for next week.");
    expect(fields.formError.text).toMatch(/fix the highlighted field/);
    expect(fields.mood.value).toBe("4");
    expect(fields.progress.value).toBe("Shipped the CSV import");
    expect(fields.blockers.value).toBe("The build server");
    expect(fields.forManager.value).toBe("Can we talk about the roadmap?");
    expect(fields.progressError).toBeUndefined();
    expect(await db.prisma.checkIn.count()).toBe(0);
    expect(
      teams.sentTo(teams.personalChat(dana)).filter((activity) => JSON.stringify(activity).includes("Thanks!")),
    ).toHaveLength(0);
  });

  test("when the mood is out of range and a text is too long, both errors show at once, the texts are kept, and the saved check-in is unchanged", async () => {
    const form = (await openDialogFrom(dana, (await sendPromptTo(dana)).actions![0])).value.card.content as Card;
    await submitDialog(dana, form, ANSWERS);
    const tooLong = "z".repeat(3001);

    const submitted = await submitDialog(dana, form, { ...ANSWERS, mood: "7", progress: tooLong, plans: "New plans" });
    const fields = inputs(submitted.body.task.value.card.content);
    expect(fields.moodError.text).toBe("Pick your mood, from 1 to 5.");
    expect(fields.progressError.text).toMatch(/under 3000 characters/);
    expect(fields.progress.value).toBe(tooLong);
    expect(fields.plans.value).toBe("New plans");
    expect(fields.forManager.value).toBe("Can we talk about the roadmap?");
    expect((await storedCheckIns())[0]).toMatchObject({
      mood: 4,
      progress: "Shipped the CSV import",
      plans: "Start on reminders",
    });
  });

  test("when someone types checkin, they get a button that opens the same dialog", async () => {
    const sent = await teams.message(dana, "checkin");
    const card = cardOf(teams.repliesTo(sent.id)[0]);
    expect(JSON.stringify(card.body)).toContain(DEADLINE);
    const task = await openDialogFrom(dana, card.actions![0]);
    expect(Object.keys(inputs(task.value.card.content))).toEqual(
      expect.arrayContaining(["mood", "progress", "plans", "blockers", "forManager"]),
    );
  });

  test("when someone types checkin in a channel, the button comes to their personal chat and the channel gets nothing", async () => {
    const channel = teams.channel("general");
    await teams.message(dana, "checkin", { conversation: channel });
    await teams.service.settle();
    expect(seenInChannel(channel)).toHaveLength(0);
    expect(cardOf(lastSentTo(dana)).actions![0]).toMatchObject({ data: { action: "checkin_start" } });
  });

  test("when a prompt sent before the dialog button existed is clicked, the person gets the button that opens the dialog", async () => {
    const clicked = await teams.message(dana, "", { value: { action: "checkin_start", periodKey: "2026-W47" } });
    expect(cardOf(teams.repliesTo(clicked.id)[0]).actions![0]).toMatchObject({
      data: { msteams: { type: "task/fetch" }, action: "checkin_start" },
    });
  });

  test("logs never contain what someone wrote in a check-in", async () => {
    const secret = "secret-words-about-my-health";
    const form = (await openDialogFrom(dana, (await sendPromptTo(dana)).actions![0])).value.card.content as Card;
    await submitDialog(dana, form, { ...ANSWERS, forManager: secret });
    await submitDialog(dana, form, { ...ANSWERS, plans: "", forManager: secret });
    expect(await db.prisma.checkIn.count({ where: { forManager: secret } })).toBe(1);
    expect(teams.service.logs.join("\n")).not.toContain(secret);
  });
});

describe("checkin history", () => {
  test("when someone asks for their history, they see their own check-ins newest first and never anyone else's", async () => {
    const erin = teams.user("Erin Else");
    await teams.installApp(erin);
    const form = (await openDialogFrom(dana, (await sendPromptTo(dana)).actions![0])).value.card.content as Card;
    await submitDialog(dana, form, { ...ANSWERS, progress: "Dana week 47" });
    await submitDialog(erin, form, { ...ANSWERS, progress: "Erin private progress" });
    clock.set("2026-12-02T12:00:00Z");
    await submitDialog(dana, form, { ...ANSWERS, progress: "Dana week 48" });

    const asked = await teams.message(dana, "checkin history");
    const history = JSON.stringify(cardOf(teams.repliesTo(asked.id)[0]));
    expect(history).toContain("Dana week 47");
    expect(history).toContain("Dana week 48");
    expect(history.indexOf("Dana week 48")).toBeLessThan(history.indexOf("Dana week 47"));
    expect(history).not.toContain("Erin private progress");
    expect(await db.prisma.checkIn.count()).toBe(3);
  });

  test("when someone asks for their history in a channel, it goes to their personal chat and the channel sees none of it", async () => {
    const form = (await openDialogFrom(dana, (await sendPromptTo(dana)).actions![0])).value.card.content as Card;
    await submitDialog(dana, form, { ...ANSWERS, progress: "Only for Dana" });
    const channel = teams.channel("general");

    await teams.message(dana, "checkin history", { conversation: channel });
    await teams.service.settle();
    expect(seenInChannel(channel)).toHaveLength(0);
    expect(JSON.stringify(cardOf(lastSentTo(dana)))).toContain("Only for Dana");
  });

  test("when someone has not checked in yet, the history says so and offers the dialog", async () => {
    const asked = await teams.message(dana, "checkin history");
    const card = cardOf(teams.repliesTo(asked.id)[0]);
    expect(JSON.stringify(card.body)).toContain("You haven't checked in yet");
    expect(card.actions![0]).toMatchObject({ data: { action: "checkin_start" } });
  });
});
