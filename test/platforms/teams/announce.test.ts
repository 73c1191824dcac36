// Announcements and roles on Teams end to end, through the real botbuilder code and the fake Bot Connector: HR types
// `announce`, opens the dialog (task/fetch) listing the team channels Momentum was added to, submits it (twice: one
// post per channel), people acknowledge from the channel card, `announce status` lists who hasn't, and the reminder
// DMs only them, once. Admins change roles with `role @Name hr`; everyone else is refused and nothing changes.
import { describe, expect } from "vitest";
import { test } from "../../support/teams-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import { createPerson, SEEDED_AT } from "../../support/fixtures.ts";
import type { TeamsConversation, TeamsHarness, TeamsUser } from "../../support/teams.ts";

// Wednesday 25 November 2026, 13:00 in Berlin (everyone's zone here): working hours, so reminders go out at once.
const clock = new ManualClock("2026-11-25T12:00:00Z");
let db: TestDatabase;
let teams: TeamsHarness;
let hana: TeamsUser;
let amy: TeamsUser;
let ben: TeamsUser;
let general: TeamsConversation;
let random: TeamsConversation;

test.override("teamsOptions", { clock, env: { MOMENTUM_ADMIN_EMAILS: "ada.admin@example.com" } });
test.beforeEach(async ({ db: testDb, teams: harness }) => {
  [db, teams] = [testDb, harness];
  clock.set("2026-11-25T12:00:00Z");
  hana = teams.user("Hana HR");
  amy = teams.user("Amy Adams");
  ben = teams.user("Ben Brown");
  // HR imported Hana with her role; everyone installed the app.
  await createPerson(db, { email: hana.email!, name: hana.name, role: "hr" });
  for (const user of [hana, amy, ben]) await teams.installApp(user);
  general = teams.channel("General");
  random = teams.channel("Random");
  await teams.addToTeam(general, hana);
  await teams.addToTeam(random, hana);
});

type Card = { body: Record<string, any>[]; actions?: Record<string, any>[] };
const cardOf = (activity: Record<string, any> | undefined): Card => activity?.attachments?.[0]?.content;
const chatWith = (user: TeamsUser) => teams.sentTo(teams.personalChat(user));

/** A click on an Action.Submit: a message with the button's data as `value` and no text. */
async function click(user: TeamsUser, value: Record<string, unknown>, conversation?: TeamsConversation) {
  const answer = await teams.post(
    teams.activity(user, { type: "message", value }, { conversation: conversation ?? teams.personalChat(user) }),
  );
  await teams.service.settle();
  return answer;
}

async function openDialog(user: TeamsUser) {
  const typed = await teams.message(user, "announce");
  await teams.service.settle();
  const button = cardOf(teams.repliesTo(typed.id)[0])?.actions?.[0];
  expect(button).toMatchObject({
    type: "Action.Submit",
    data: { msteams: { type: "task/fetch" }, action: "announce_open" },
  });
  const fetched = await teams.invoke(user, "task/fetch", { type: "task/fetch", data: button!.data });
  return fetched.body.task.value.card.content as Card;
}

async function submit(user: TeamsUser, form: Card, values: Record<string, string>) {
  const data = form.actions!.find((action) => action.type === "Action.Submit")!.data;
  const submitted = await teams.invoke(user, "task/submit", { data: { ...data, ...values } });
  await teams.service.settle();
  return submitted;
}

const announcementValues = () => ({
  channels: `${general.id},${random.id}`,
  text: "Our review cycle starts **Monday**",
  withAck: "true",
});

async function announce() {
  const form = await openDialog(hana);
  await submit(hana, form, announcementValues());
  return (await db.prisma.announcement.findFirstOrThrow()).id;
}

describe("announce on Teams", () => {
  test("when HR submits the dialog for two channels twice, each channel gets exactly one post with an Acknowledge button", async () => {
    const form = await openDialog(hana);
    const choices = form.body
      .find((element) => element.id === "channels")!
      .choices.map((choice: { title: string }) => choice.title);
    expect(choices).toEqual(["General", "Random"]);

    const first = await submit(hana, form, announcementValues());
    const second = await submit(hana, form, announcementValues());

    expect([first.status, second.status]).toEqual([200, 200]);
    for (const channel of [general, random]) {
      const posts = teams.sentTo(channel);
      expect(posts).toHaveLength(1);
      expect(JSON.stringify(cardOf(posts[0]))).toContain("Our review cycle starts \\\\*\\\\*Monday\\\\*\\\\*");
      expect(cardOf(posts[0]).actions).toEqual([
        expect.objectContaining({
          type: "Action.Submit",
          title: "Acknowledge",
          data: { action: "announce_ack", announcementId: expect.any(String) },
        }),
      ]);
    }
    expect(await db.prisma.announcement.count()).toBe(1);
    expect(
      chatWith(hana).filter((activity) =>
        String(activity.text).startsWith("📣 Your announcement is on its way to General, Random."),
      ),
    ).toHaveLength(1);
  });

  test("when Amy clicks Acknowledge on the channel card twice, one acknowledgement is stored and she is thanked in her own chat", async () => {
    const announcementId = await announce();
    await click(amy, { action: "announce_ack", announcementId }, general);
    await click(amy, { action: "announce_ack", announcementId }, general);

    expect(await db.prisma.announcementAck.count()).toBe(1);
    expect(
      chatWith(amy)
        .slice(-2)
        .map((activity) => activity.text),
    ).toEqual([
      "✅ Thanks! Hana HR can see you've acknowledged it.",
      "✅ You've already acknowledged this one. Thanks!",
    ]);
    // Nothing about who acknowledged is posted in the channel.
    expect(teams.connector.posted.filter((entry) => entry.conversationId.startsWith(general.id))).toHaveLength(1);
  });

  test("status lists who hasn't acknowledged; the reminder DMs only them, once, and a second reminder sends nothing new", async () => {
    const announcementId = await announce();
    await click(amy, { action: "announce_ack", announcementId }, general);

    const asked = await teams.message(hana, "announce status");
    await teams.service.settle();
    const status = cardOf(teams.repliesTo(asked.id)[0]);
    expect(JSON.stringify(status.body)).toContain("1 of 2 acknowledged it.");
    expect(JSON.stringify(status.body)).toContain("Not yet (1): Ben Brown");
    const remind = status.actions![0];
    expect(remind).toMatchObject({
      title: "Send a reminder to 1 person",
      data: { action: "announce_follow_up", announcementId },
    });

    await click(hana, remind.data);
    await click(hana, remind.data);

    const reminders = (user: TeamsUser) =>
      chatWith(user).filter((activity) => String(activity.summary).startsWith("Reminder from Hana HR"));
    expect(reminders(ben)).toHaveLength(1);
    expect(reminders(amy)).toHaveLength(0);
    expect(cardOf(reminders(ben)[0]).actions![0]).toMatchObject({
      title: "Acknowledge",
      data: { action: "announce_ack", announcementId },
    });
    expect(
      chatWith(hana)
        .slice(-2)
        .map((activity) => activity.text),
    ).toEqual([
      "🔔 Reminder on its way to 1 person, during their working hours.",
      "No one new to remind: everyone who hasn't acknowledged has already had their one reminder.",
    ]);
  });

  test("when the message is empty, the dialog comes back with the problem and the channels kept, and nothing is stored", async () => {
    const form = await openDialog(hana);
    const answer = await submit(hana, form, { ...announcementValues(), text: "  " });
    const again = answer.body.task.value.card.content as Card;
    expect(again.body.find((element) => element.id === "formError")?.text).toBe("Write the announcement first.");
    expect(again.body.find((element) => element.id === "channels")?.value).toBe(`${general.id},${random.id}`);
    expect(await db.prisma.announcement.count()).toBe(0);
  });
});

describe("a review-cycle launch announcing itself on Teams", () => {
  test("when the dialog is opened for a cycle, it is filled with the cycle's words and the announcement is linked to it", async () => {
    const hr = await db.prisma.person.findUniqueOrThrow({ where: { email: hana.email! } });
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
    const fetched = await teams.invoke(hana, "task/fetch", {
      type: "task/fetch",
      data: { action: "announce_open", cycleId: cycle.id },
    });
    const form = fetched.body.task.value.card.content as Card;
    expect(form.body.find((element) => element.id === "text")?.value).toContain(
      'The review cycle "H2 2026" has started.',
    );

    await submit(hana, form, { channels: general.id, text: "H2 2026 has started!", withAck: "false" });
    expect((await db.prisma.announcement.findFirstOrThrow()).cycleId).toBe(cycle.id);
    expect(teams.sentTo(general)).toHaveLength(1);
  });
});

describe("who may announce and change roles on Teams", () => {
  test.each(["employee", "manager"] as const)(
    "when a %s types announce or replays the dialog and status buttons, they are refused and nothing is stored or sent",
    async (role) => {
      const announcementId = await announce();
      await db.prisma.person.update({ where: { email: ben.email! }, data: { role } });
      const channelPosts = () =>
        teams.connector.posted.filter((entry) => !entry.conversationId.startsWith("a:personal")).length;
      const before = channelPosts();

      const typed = await teams.message(ben, "announce");
      await teams.service.settle();
      expect(teams.repliesTo(typed.id).map((activity) => activity.text)).toEqual([
        "Sorry, only HR can send announcements.",
      ]);

      const fetched = await teams.invoke(ben, "task/fetch", { type: "task/fetch", data: { action: "announce_open" } });
      expect(fetched.body.task).toEqual({ type: "message", value: "Sorry, only HR can send announcements." });
      const replayed = await teams.invoke(ben, "task/submit", {
        data: { action: "announce_submit", formId: "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b", ...announcementValues() },
      });
      expect(replayed.body.task.value.card.content.body[0].text).toBe("Sorry, only HR can send announcements.");

      await click(ben, { action: "announce_follow_up", announcementId });
      const status = await teams.message(ben, "announce status");
      await teams.service.settle();
      expect(teams.repliesTo(status.id).map((activity) => activity.text)).toEqual([
        "Sorry, only HR can see who has acknowledged an announcement.",
      ]);

      expect(await db.prisma.announcement.count()).toBe(1);
      expect(await db.prisma.delivery.count({ where: { kind: "announcement.followup" } })).toBe(0);
      expect(channelPosts()).toBe(before);
    },
  );

  test("when the admin from MOMENTUM_ADMIN_EMAILS makes Ben HR, his role changes and the change is audited; when Amy (an employee) tries, nothing changes", async () => {
    const ada = teams.user("Ada Admin");
    await teams.installApp(ada);

    const refused = await teams.message(amy, "role hr", { mentions: [ben] });
    await teams.service.settle();
    expect(teams.repliesTo(refused.id).map((activity) => activity.text)).toEqual([
      "Sorry, only admins can change roles.",
    ]);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { email: ben.email! } })).role).toBe("employee");
    expect(await db.prisma.auditEvent.count()).toBe(0);

    const changed = await teams.message(ada, "role hr", { mentions: [ben] });
    await teams.service.settle();
    expect(teams.repliesTo(changed.id).map((activity) => activity.text)).toEqual([
      "Ben Brown is now HR (was employee). The change is recorded in the audit log.",
    ]);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { email: ben.email! } })).role).toBe("hr");
    const adaId = (await db.prisma.person.findUniqueOrThrow({ where: { email: ada.email! } })).id;
    expect(
      (await db.prisma.auditEvent.findMany()).map(({ actor, action, subject, detail }) => ({
        actor,
        action,
        subject,
        detail,
      })),
    ).toEqual([{ actor: adaId, action: "role.set", subject: ben.email, detail: { from: "employee", to: "hr" } }]);
  });
});
