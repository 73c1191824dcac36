// Kudos on Teams end to end, through the real botbuilder code: activities into the running service, replies and
// proactive sends recorded by the fake Bot Connector, rows read from the database.
import { describe, expect } from "vitest";
import { test } from "../../support/teams-fixture.ts";
import type { TestDatabase } from "../../support/database.ts";
import { BOT, type TeamsHarness, type TeamsUser } from "../../support/teams.ts";

let db: TestDatabase;
let teams: TeamsHarness;
let giver: TeamsUser;

test.beforeEach(async ({ db: testDb, teams: harness }) => {
  [db, teams] = [testDb, harness];
  giver = teams.user("Gina Giver");
  await teams.installApp(giver);
});

const replyTexts = (activityId: string) =>
  teams.repliesTo(activityId).map((activity) => activity.text ?? JSON.stringify(activity.attachments));
const cardText = (activity: Record<string, any>) => JSON.stringify(activity.attachments?.[0]?.content ?? {});

describe("giving kudos by mention", () => {
  test("when kudos goes to two people in a channel, both are stored, the channel gets one post and each recipient a DM", async () => {
    const alice = teams.user("Alice");
    const bob = teams.user("Bob"); // never wrote to Momentum: the bot opens the 1:1 chat itself
    await teams.installApp(alice);
    const channel = teams.channel("general");

    const sent = await teams.message(giver, "kudos <at>Alice</at> <at>Bob</at> thanks for the demo #teamwork", {
      conversation: channel,
      mentions: [alice, bob],
    });
    await teams.service.settle();

    expect(sent.status).toBe(200);
    const kudos = await db.prisma.kudos.findMany({ include: { recipient: true } });
    expect(kudos.map((row) => row.recipient.name).sort()).toEqual(["Alice", "Bob"]);
    expect(
      kudos.every(
        (row) =>
          row.value === "teamwork" &&
          row.platform === "teams" &&
          row.requestKey.startsWith(`teams:${channel.id};messageid=`),
      ),
    ).toBe(true);
    expect(replyTexts(sent.id).join(" ")).toContain("Kudos recorded for Alice and Bob (#teamwork)");

    const posts = teams.sentTo(channel);
    expect(posts).toHaveLength(1);
    expect(cardText(posts[0])).toContain("Gina Giver gave kudos to Alice and Bob");
    expect(await db.prisma.teamsChannel.count({ where: { conversationId: channel.id } })).toBe(1);
    for (const person of [alice, bob]) {
      const dms = teams.sentTo(teams.personalChat(person));
      expect(dms.filter((dm) => cardText(dm).includes("Gina Giver gave you kudos"))).toHaveLength(1);
      expect(cardText(dms[dms.length - 1])).toContain("thanks for the demo");
    }
  });

  test("when a recipient can't be messaged yet, the giver is told how to fix it and the kudos is still stored", async () => {
    const carol = teams.user("Carol", { installed: false });
    const sent = await teams.message(giver, "kudos <at>Carol</at> great review", { mentions: [carol] });
    await teams.service.settle();

    expect(await db.prisma.kudos.count({ where: { recipient: { name: "Carol" } } })).toBe(1);
    const reply = replyTexts(sent.id).join(" ");
    expect(reply).toContain("I can't message Carol yet");
    expect(reply).toMatch(/install Momentum/);
    expect(reply).toContain("Your kudos is saved");
    expect(teams.sentTo(teams.personalChat(carol))).toHaveLength(0);
  });

  test("when Teams delivers the same message twice, the kudos is stored once and the recipient messaged once", async () => {
    const alice = teams.user("Alice");
    await teams.installApp(alice);
    const first = await teams.message(giver, "kudos <at>Alice</at> thanks", { mentions: [alice] });
    const again = await teams.message(giver, "kudos <at>Alice</at> thanks", { mentions: [alice], id: first.id });
    await teams.service.settle();

    expect(again.status).toBe(200);
    expect(await db.prisma.kudos.count()).toBe(1);
    expect(
      teams.sentTo(teams.personalChat(alice)).filter((dm) => cardText(dm).includes("gave you kudos")),
    ).toHaveLength(1);
    expect(teams.repliesTo(first.id)).toHaveLength(1);
  });
});

describe("rules", () => {
  const cases: [string, (alice: TeamsUser) => { text: string; mentions: { id: string; name: string }[] }, RegExp][] = [
    [
      "kudos to yourself",
      () => ({ text: "kudos <at>Gina Giver</at> me me me", mentions: [giver] }),
      /can't give kudos to yourself/,
    ],
    [
      "kudos to a bot",
      () => ({ text: "kudos <at>Helper Bot</at> beep", mentions: [{ id: "28:helper-bot", name: "Helper Bot" }] }),
      /Helper Bot is a bot/,
    ],
    [
      "kudos to someone Teams doesn't know",
      () => ({ text: "kudos <at>Nobody</at> thanks", mentions: [{ id: "29:nobody", name: "Nobody" }] }),
      /couldn't find Nobody/,
    ],
    ["kudos without a message", (alice) => ({ text: "kudos <at>Alice</at>", mentions: [alice] }), /Add a few words/],
    [
      "kudos over 500 characters",
      (alice) => ({ text: `kudos <at>Alice</at> ${"x".repeat(501)}`, mentions: [alice] }),
      /at most 500 characters/,
    ],
    [
      "kudos with an unknown company value",
      (alice) => ({ text: "kudos <at>Alice</at> thanks #bananas", mentions: [alice] }),
      /#bananas isn't one of our company values/,
    ],
  ];

  test.each(cases)(
    "when someone tries %s, only they get a friendly message and nothing is stored",
    async (_name, build, expected) => {
      const alice = teams.user("Alice");
      const { text, mentions } = build(alice);
      const sent = await teams.message(giver, text, { mentions });
      await teams.service.settle();

      expect(replyTexts(sent.id).join(" ")).toMatch(expected);
      expect(await db.prisma.kudos.count()).toBe(0);
      expect(await db.prisma.delivery.count()).toBe(0);
      expect(teams.sentTo(teams.personalChat(alice))).toHaveLength(0);
    },
  );

  test("when someone has given their daily 5 kudos, the 6th is refused with a friendly message and not stored", async () => {
    const alice = teams.user("Alice");
    for (let i = 0; i < 5; i++)
      await teams.message(giver, `kudos <at>Alice</at> thanks number ${i}`, { mentions: [alice] });
    const sixth = await teams.message(giver, "kudos <at>Alice</at> one more", { mentions: [alice] });

    expect(replyTexts(sixth.id).join(" ")).toMatch(/You can give 5 kudos a day and have 0 left/);
    expect(await db.prisma.kudos.count()).toBe(5);
  });

  test("when a rule refuses kudos given in a channel, the giver hears why in a private chat and the channel hears nothing", async () => {
    const channel = teams.channel("general");
    const sent = await teams.message(giver, "kudos <at>Gina Giver</at> me", {
      conversation: channel,
      mentions: [giver],
    });
    await teams.service.settle();

    expect(teams.repliesTo(sent.id)).toHaveLength(0);
    expect(teams.sentTo(channel)).toHaveLength(0);
    const dms = teams.sentTo(teams.personalChat(giver)).map((activity) => activity.text);
    expect(dms).toContainEqual(expect.stringMatching(/can't give kudos to yourself/));
    expect(await db.prisma.kudos.count()).toBe(0);
  });
});

describe("the kudos dialog", () => {
  test("when someone types kudos alone, they get a button that opens the kudos dialog", async () => {
    const sent = await teams.message(giver, "kudos");
    const card = teams.repliesTo(sent.id)[0].attachments[0].content;
    expect(card.actions[0]).toMatchObject({ type: "Action.Submit", data: { msteams: { type: "task/fetch" } } });
  });

  test("when the dialog opens it shows the form, and submitting it gives the kudos", async () => {
    const alice = teams.user("Alice");
    await teams.installApp(alice);
    const fetched = await teams.invoke(giver, "task/fetch", { data: { action: "kudos_form" } });
    expect(fetched.status).toBe(200);
    expect(fetched.body.task.type).toBe("continue");
    const form = fetched.body.task.value.card.content;
    expect(form.body.map((element: { id?: string }) => element.id)).toEqual(
      expect.arrayContaining(["recipients", "message", "value", "visibility"]),
    );
    expect(JSON.stringify(form)).toContain(alice.aadObjectId);

    const submitted = await teams.invoke(giver, "task/submit", {
      data: {
        action: "kudos_submit",
        recipients: alice.aadObjectId,
        message: "Thanks for pairing",
        value: "craft",
        visibility: "private",
      },
    });
    await teams.service.settle();

    expect(submitted.body.task).toMatchObject({
      type: "message",
      value: expect.stringContaining("Kudos recorded for Alice (#craft)"),
    });
    expect(await db.prisma.kudos.findMany({ select: { message: true, value: true, visibility: true } })).toEqual([
      { message: "Thanks for pairing", value: "craft", visibility: "private" },
    ]);
    expect(
      teams.sentTo(teams.personalChat(alice)).filter((dm) => cardText(dm).includes("Only you can see this kudos")),
    ).toHaveLength(1);
  });

  test("when the form has a problem, it comes back with the error and everything the person entered", async () => {
    const alice = teams.user("Alice");
    await teams.installApp(alice);
    const tooLong = "y".repeat(501);
    const submitted = await teams.invoke(giver, "task/submit", {
      data: {
        action: "kudos_submit",
        recipients: alice.aadObjectId,
        message: tooLong,
        value: "craft",
        visibility: "private",
      },
    });

    expect(submitted.body.task.type).toBe("continue");
    const form = submitted.body.task.value.card.content;
    const byId = Object.fromEntries(
      form.body
        .filter((element: { id?: string }) => element.id)
        .map((element: { id: string }) => [element.id, element]),
    );
    expect(byId.formError.text).toMatch(/at most 500 characters/);
    expect(byId.recipients.value).toBe(alice.aadObjectId);
    expect(byId.recipients.choices).toContainEqual({ title: "Alice", value: alice.aadObjectId });
    expect(byId.message.value).toBe(tooLong);
    expect(byId.value.value).toBe("craft");
    expect(byId.visibility.value).toBe("private");
    expect(await db.prisma.kudos.count()).toBe(0);
  });
});

describe("leaderboard, help and installation", () => {
  test("when someone asks for the leaderboard, public kudos count and private kudos do not", async () => {
    const alice = teams.user("Alice");
    const bob = teams.user("Bob");
    await teams.message(giver, "kudos <at>Alice</at> public thanks", { mentions: [alice] });
    await teams.invoke(giver, "task/submit", {
      data: { action: "kudos_submit", recipients: bob.aadObjectId, message: "quiet thanks", visibility: "private" },
    });
    expect(await db.prisma.kudos.count()).toBe(2);

    const asked = await teams.message(giver, "kudos leaderboard");
    const board = JSON.stringify(teams.repliesTo(asked.id)[0].attachments[0].content);
    expect(board).toContain("Alice");
    expect(board).not.toContain("Bob");
  });

  test("when someone types help or something unknown, they get the short help card", async () => {
    const help = await teams.message(giver, "help");
    const unknown = await teams.message(giver, "what is this?");
    expect(JSON.stringify(teams.repliesTo(help.id))).toContain("kudos leaderboard");
    expect(JSON.stringify(teams.repliesTo(unknown.id))).toContain("I didn't get that");
  });

  test("when the app is installed personally and added to a team, both references are stored and later sends work", async () => {
    const dana = teams.user("Dana");
    await teams.installApp(dana);
    const identity = await db.prisma.teamsIdentity.findFirstOrThrow({ where: { aadObjectId: dana.aadObjectId } });
    expect(identity.conversationReference).toMatchObject({
      conversation: { id: teams.personalChat(dana).id },
      serviceUrl: teams.connector.url,
    });
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: identity.personId } })).preferredPlatform).toBe(
      "teams",
    );

    const channel = teams.channel("announcements");
    expect((await teams.addToTeam(channel, dana)).status).toBe(200);
    expect(await db.prisma.teamsChannel.findUnique({ where: { conversationId: channel.id } })).toMatchObject({
      name: "announcements",
    });

    const notifier = teams.service.platforms.find((platform) => platform.name === "teams")!.notifier;
    const post = await notifier.sendToChannel(channel.id, {
      type: "notice",
      title: "Hello team",
      text: "Momentum is here.",
    });
    const dm = await notifier.sendToPerson(
      {
        platform: "teams",
        personId: identity.personId,
        tenantId: identity.tenantId,
        aadObjectId: dana.aadObjectId,
        teamsUserId: dana.id,
        conversationReference: identity.conversationReference,
      },
      { type: "checkin.prompt", periodKey: "2026-11-27", deadlineLabel: "Friday 15:00" },
    );
    expect(post.messageId).toBe(teams.connector.postedTo(channel.id)[0].id);
    expect(teams.connector.posted.find((entry) => entry.id === dm.messageId)?.conversationId).toBe(
      teams.personalChat(dana).id,
    );
  });

  test("the bot's own mention is not taken as a recipient", async () => {
    const alice = teams.user("Alice");
    const channel = teams.channel("general");
    await teams.message(giver, "kudos <at>Alice</at> thanks", { conversation: channel, mentions: [alice, BOT] });
    expect((await db.prisma.kudos.findMany({ include: { recipient: true } })).map((row) => row.recipient.name)).toEqual(
      ["Alice"],
    );
  });

  test("logs never contain the words of a private kudos", async () => {
    const alice = teams.user("Alice");
    const secret = "secret-words-about-the-reorg";
    await teams.invoke(giver, "task/submit", {
      data: {
        action: "kudos_submit",
        recipients: alice.aadObjectId,
        message: `${secret} thanks`,
        visibility: "private",
      },
    });
    await teams.message(giver, `kudos <at>Alice</at> ${secret} #notavalue`, { mentions: [alice] });
    await teams.service.settle();
    expect(await db.prisma.kudos.count()).toBe(1);
    expect(teams.service.logs.join("\n")).not.toContain(secret);
  });
});
