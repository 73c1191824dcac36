import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import { startSlackHarness, type SlackHarness } from "../../support/slack.ts";
import { addPeople, alice, bob, botty, gone, grace, mention } from "./people.ts";

let db: TestDatabase;
let harness: SlackHarness;
const clock = new ManualClock("2026-11-23T18:00:00Z");

it.override("slackOptions", { clock });
it.beforeEach(async ({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
  clock.set("2026-11-23T18:00:00Z");
});

const posts = () => harness.fake.sent("chat.postMessage");
const replies = () =>
  harness.fake.responses.map((response) => response.body as { text: string; response_type?: string });

describe("/kudos with mentions", () => {
  it("when Grace thanks Alice and Bob, each gets a kudos and a DM, and one post lands in the channel it was given in", async () => {
    const answer = await harness.slack.command(
      "/kudos",
      `${mention(alice)} ${mention(bob)} thanks for the demo #teamwork`,
      { as: grace, channel: "CDEMO" },
    );
    expect(answer.status).toBe(200);
    await harness.service.settle();

    const kudos = await db.prisma.kudos.findMany({
      select: {
        message: true,
        value: true,
        visibility: true,
        recipient: { select: { email: true } },
        giver: { select: { email: true } },
      },
    });
    expect(kudos.map((row) => row.recipient.email).sort()).toEqual(["alice@example.com", "bob@example.com"]);
    expect(
      kudos.every(
        (row) =>
          row.giver?.email === "grace@example.com" &&
          row.message === "thanks for the demo #teamwork" &&
          row.value === "teamwork",
      ),
    ).toBe(true);

    const channelPosts = posts().filter((call) => call.args.channel === "CDEMO");
    expect(channelPosts).toHaveLength(1);
    expect(channelPosts[0].args.text).toBe("<@UGRACE> gave kudos to <@UALICE> and <@UBOB>");
    const dms = posts().filter((call) => String(call.args.channel).startsWith("DM"));
    expect(dms.map((call) => call.args.channel).sort()).toEqual(["DMALICE", "DMBOB"]);
    expect(dms[0].args.text).toBe("<@UGRACE> gave you kudos");
    expect(JSON.stringify(dms[0].args.blocks)).toContain("thanks for the demo #teamwork");

    expect(replies()).toHaveLength(1);
    expect(replies()[0].response_type).toBe("ephemeral");
    expect(replies()[0].text).toBe("Kudos recorded for Alice Adams and Bob Brown.");
    expect(JSON.stringify(harness.fake.responses[0].body)).toContain("<#CDEMO>");
  });

  it("when Grace acts on Slack, Slack becomes where Momentum reaches her, and a recipient's DM channel is opened once and reused", async () => {
    await harness.slack.command("/kudos", `${mention(alice)} great review`, { as: grace });
    await harness.service.settle();
    await harness.slack.command("/kudos", `${mention(alice)} and a great retro`, { as: grace });
    await harness.service.settle();

    const person = await db.prisma.person.findUniqueOrThrow({ where: { email: "grace@example.com" } });
    expect(person.preferredPlatform).toBe("slack");
    expect(person.timeZone).toBe("America/Los_Angeles");
    expect(harness.fake.sent("conversations.open")).toHaveLength(1);
    expect(posts().filter((call) => call.args.channel === "DMALICE")).toHaveLength(2);
    const identity = await db.prisma.slackIdentity.findFirstOrThrow({ where: { userId: alice.id } });
    expect(identity.dmChannel).toBe("DMALICE");
  });

  it("when kudos are given in a direct message, nothing is posted in a channel and the giver is told why", async () => {
    await harness.slack.command("/kudos", `${mention(alice)} thanks!`, {
      as: grace,
      channel: "DGRACEALICE",
      channelName: "directmessage",
    });
    await harness.service.settle();
    expect(posts().map((call) => call.args.channel)).toEqual(["DMALICE"]);
    expect(JSON.stringify(harness.fake.responses[0].body)).toContain("won't be posted in a channel");
  });

  it("when Slack retries the same command (same trigger id), the kudos is stored once and the DM sent once", async () => {
    const first = await harness.slack.command("/kudos", `${mention(alice)} thanks for the fix`, {
      as: grace,
      triggerId: "1234.5678",
    });
    await harness.service.settle();
    await harness.slack.command("/kudos", `${mention(alice)} thanks for the fix`, {
      as: grace,
      triggerId: first.triggerId,
    });
    await harness.service.settle();

    expect(await db.prisma.kudos.count()).toBe(1);
    expect(posts().filter((call) => call.args.channel === "DMALICE")).toHaveLength(1);
    expect(replies()[1].text).toContain("already recorded");
  });

  const refusals: [string, () => string, RegExp][] = [
    ["to yourself", () => `${mention(grace)} thanks me`, /can't give kudos to yourself/],
    ["to a bot", () => `${mention(botty)} thanks`, /is a bot/],
    ["to someone Slack doesn't know", () => "<@UNOBODY|nobody> thanks", /couldn't find/],
    ["to a deactivated person", () => `${mention(gone)} thanks`, /deactivated/],
    ["with an empty message", () => `${mention(alice)}`, /Add a few words/],
    ["with more than 500 characters", () => `${mention(alice)} ${"x".repeat(501)}`, /at most 500 characters/],
    [
      "with a value the company doesn't have",
      () => `${mention(alice)} thanks #banana`,
      /isn't one of our company values/,
    ],
  ];
  for (const [situation, text, expected] of refusals) {
    it(`when Grace gives kudos ${situation}, only she is told why and nothing is stored or sent`, async () => {
      const answer = await harness.slack.command("/kudos", text(), { as: grace });
      expect(answer.status).toBe(200);
      await harness.service.settle();
      expect(replies()).toHaveLength(1);
      expect(replies()[0].response_type).toBe("ephemeral");
      expect(replies()[0].text).toMatch(expected);
      expect(await db.prisma.kudos.count()).toBe(0);
      expect(await db.prisma.delivery.count()).toBe(0);
      expect(posts()).toHaveLength(0);
    });
  }

  it("when Grace gives a sixth kudos on the same day in her time zone, it is refused; after her midnight it goes through", async () => {
    clock.set("2026-11-24T06:00:00Z"); // 22:00 on the 23rd in Los Angeles
    for (let i = 0; i < 5; i += 1)
      await harness.slack.command("/kudos", `${mention(alice)} thanks number ${i}`, { as: grace });
    await harness.service.settle();
    expect(await db.prisma.kudos.count()).toBe(5);

    clock.set("2026-11-24T07:30:00Z"); // 23:30, still the 23rd in Los Angeles (already the 24th in UTC)
    await harness.slack.command("/kudos", `${mention(bob)} one more`, { as: grace });
    await harness.service.settle();
    expect(replies().at(-1)!.text).toMatch(/5 kudos a day/);
    expect(await db.prisma.kudos.count()).toBe(5);

    clock.set("2026-11-24T08:30:00Z"); // 00:30 on the 24th in Los Angeles
    await harness.slack.command("/kudos", `${mention(bob)} one more`, { as: grace });
    await harness.service.settle();
    expect(await db.prisma.kudos.count()).toBe(6);
  });

  it("when the text mentions nobody or asks for help, Grace gets a short how-to", async () => {
    await harness.slack.command("/kudos", "thanks everyone", { as: grace });
    await harness.slack.command("/kudos", "help", { as: grace });
    await harness.service.settle();
    expect(replies()[0].text).toMatch(/Mention the people you want to thank/);
    expect(JSON.stringify(harness.fake.responses[1].body)).toContain("/kudos leaderboard");
    expect(await db.prisma.kudos.count()).toBe(0);
  });
});

describe("with a kudos channel configured", () => {
  let configured: SlackHarness;
  it.beforeAll(async ({ db }) => {
    configured = await startSlackHarness({ db, clock, env: { SLACK_KUDOS_CHANNEL: "CKUDOS" } });
  });
  it.afterAll(() => configured?.stop());

  it("when Grace gives kudos in another channel, the public post goes to the kudos channel", async () => {
    addPeople(configured.fake);
    await configured.slack.command("/kudos", `${mention(alice)} thanks for the demo`, { as: grace, channel: "CDEMO" });
    await configured.service.settle();
    const channels = configured.fake.sent("chat.postMessage").map((call) => call.args.channel);
    expect(channels.sort()).toEqual(["CKUDOS", "DMALICE"]);
  });
});
