import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../../src/domain/notifications/messages.ts";
import { DeliveryError, type SlackRecipient } from "../../../src/domain/notifications/notifier.ts";
import { createBoltLogger } from "../../../src/platforms/slack/bolt-logger.ts";
import { SlackNotifier } from "../../../src/platforms/slack/slack-notifier.ts";
import { singleTokenClients } from "../../../src/platforms/slack/workspace-clients.ts";
import { createWebClient, slackClientOptions } from "../../../src/platforms/slack/web-client.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createLogger } from "../../../src/shared/logger.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { startFakeSlack, type FakeSlack } from "../../support/fake-slack.ts";
import { SLACK_BOT_TOKEN } from "../../support/slack.ts";
import { alice } from "./people.ts";
import { SEEDED_AT } from "../../support/fixtures.ts";

let db: TestDatabase;
let fake: FakeSlack;
let notifier: SlackNotifier;
let recipient: SlackRecipient;
const notice: OutboundMessage = { type: "notice", title: "Heads up", text: "Deliveries are flowing again." };

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeSlack({ token: SLACK_BOT_TOKEN });
  const boltLogger = createBoltLogger(createLogger({ level: "silent", pretty: false }), []);
  const client = createWebClient(
    SLACK_BOT_TOKEN,
    slackClientOptions({ apiUrl: fake.apiUrl, logger: boltLogger, timeoutMs: 1500 }),
  );
  notifier = new SlackNotifier({
    clients: singleTokenClients(client),
    domain: { prisma: db.prisma, clock: new ManualClock(SEEDED_AT) },
  });
});
afterAll(async () => {
  await fake?.stop();
  await db?.drop();
});
beforeEach(async () => {
  await resetDatabase(db);
  fake.reset();
  fake.addUser(alice);
  const person = await db.prisma.person.create({
    data: {
      email: alice.email!,
      name: alice.name,
      timeZone: "Europe/Berlin",
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    },
  });
  await db.prisma.slackIdentity.create({
    data: { personId: person.id, teamId: fake.teamId, userId: alice.id, createdAt: SEEDED_AT },
  });
  recipient = { platform: "slack", personId: person.id, teamId: fake.teamId, userId: alice.id, dmChannel: null };
});

async function failure(work: Promise<unknown>): Promise<DeliveryError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe("SlackNotifier", () => {
  it("when a person has no DM channel yet, it opens one, remembers it, posts, and returns the message ts", async () => {
    const result = await notifier.sendToPerson(recipient, notice);
    expect(result.messageId).toMatch(/^\d+\.\d+$/);
    expect(fake.sent("conversations.open")).toHaveLength(1);
    expect(fake.sent("chat.postMessage")[0].args).toMatchObject({
      channel: "DMALICE",
      text: "Heads up: Deliveries are flowing again.",
    });
    expect((await db.prisma.slackIdentity.findFirstOrThrow()).dmChannel).toBe("DMALICE");
    await notifier.sendToPerson({ ...recipient, dmChannel: "DMALICE" }, notice);
    expect(fake.sent("conversations.open")).toHaveLength(1);
  });

  it("when Momentum is not in a public channel, it joins once and posts", async () => {
    fake.setChannel("CKUDOS", "not-member");
    await notifier.sendToChannel("CKUDOS", notice);
    expect(fake.sent("conversations.join")).toHaveLength(1);
    expect(fake.sent("chat.postMessage").map((call) => call.args.channel)).toEqual(["CKUDOS"]);
  });

  const permanent: [string, () => void, RegExp][] = [
    [
      "the channel is private and Momentum was not invited",
      () => fake.setChannel("CKUDOS", "private-not-member"),
      /invite/,
    ],
    ["the channel is archived", () => fake.setChannel("CKUDOS", "archived"), /archived/],
    ["the channel does not exist", () => fake.setChannel("CKUDOS", "missing"), /channel_not_found/],
    [
      "the bot token is refused",
      () => fake.inject({ fault: { kind: "slack-error", error: "invalid_auth" } }),
      /SLACK_BOT_TOKEN/,
    ],
  ];
  for (const [situation, arrange, reason] of permanent) {
    it(`when ${situation}, the delivery fails for good with a clear reason`, async () => {
      arrange();
      const error = await failure(notifier.sendToChannel("CKUDOS", notice));
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(reason);
    });
  }

  it("when the person is deactivated in Slack, the DM fails for good", async () => {
    fake.addUser({ ...alice, deleted: true });
    const error = await failure(notifier.sendToPerson(recipient, notice));
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/deactivated/);
  });

  it("when Slack rate-limits the post, the delivery is retried after Slack's Retry-After", async () => {
    fake.inject({ method: "chat.postMessage", times: 1, fault: { kind: "rate-limit", retryAfterSeconds: 7 } });
    const error = await failure(notifier.sendToChannel("CKUDOS", notice));
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 7000 });
  });

  const transient: [string, Parameters<FakeSlack["inject"]>[0]["fault"]][] = [
    ["answers 500", { kind: "http-error", status: 500 }],
    ["answers 503", { kind: "http-error", status: 503 }],
    ["answers 412", { kind: "http-error", status: 412 }],
    ["does not answer before the timeout", { kind: "hang" }],
  ];
  for (const [situation, fault] of transient) {
    it(`when Slack ${situation}, the delivery is retried later`, async () => {
      fake.inject({ method: "chat.postMessage", times: 1, fault });
      const error = await failure(notifier.sendToChannel("CKUDOS", notice));
      expect(error.retryable).toBe(true);
      expect(error.retryAfterMs).toBeUndefined();
    });
  }

  it("when a per-method rate ceiling is set on the fake, calls over it are answered 429", async () => {
    fake.ceiling("chat.postMessage", { limit: 2, windowMs: 60_000, retryAfterSeconds: 3 });
    await notifier.sendToChannel("CKUDOS", notice);
    await notifier.sendToChannel("CKUDOS", notice);
    const error = await failure(notifier.sendToChannel("CKUDOS", notice));
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 3000 });
  });
});
