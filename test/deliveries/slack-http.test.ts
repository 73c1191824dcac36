// The outbox through the real Slack notifier and WebClient, against the fake Slack Web API over HTTP: what the
// fake recorded as accepted is what people would have received.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/database.ts";
import { createBoltLogger } from "../../src/platforms/slack/bolt-logger.ts";
import { SlackNotifier } from "../../src/platforms/slack/slack-notifier.ts";
import { singleTokenClients } from "../../src/platforms/slack/workspace-clients.ts";
import { createWebClient, slackClientOptions } from "../../src/platforms/slack/web-client.ts";
import type { PrismaClient } from "../../src/db/database.ts";
import { ManualClock, systemClock } from "../../src/shared/clock.ts";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.ts";
import { createTestDatabase, resetDatabase, testDatabaseKind, type TestDatabase } from "../support/database.ts";
import {
  countBy,
  drainUntilSettled,
  enqueuePrompts,
  manualWorker,
  seedPeople,
  silentLogger,
} from "./engine-support.ts";

let db: TestDatabase;
let slack: FakeSlack;
let instances: Database[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
  slack = await startFakeSlack();
  instances =
    testDatabaseKind === "postgres"
      ? await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: db.url, dataDir: "unused", poolSize: 5 })))
      : [db];
});
afterAll(async () => {
  if (testDatabaseKind === "postgres") await Promise.all(instances.map((instance) => instance.close()));
  await slack?.stop();
  await db?.drop();
});
beforeEach(async () => {
  await resetDatabase(db);
  slack.reset();
});

function slackNotifier(prisma: PrismaClient) {
  // A short client timeout so the fake's hanging calls turn into timeouts quickly, yet long enough that a busy
  // test process never times out a call the fake did answer: that would be the real "sent, outcome unknown"
  // window, where a retry can repeat a message (see the worker's comments).
  const client = createWebClient(
    "xoxb-test",
    slackClientOptions({ apiUrl: slack.apiUrl, logger: createBoltLogger(silentLogger, []), timeoutMs: 2000 }),
  );
  return new SlackNotifier({ clients: singleTokenClients(client), domain: { prisma, clock: systemClock } });
}

/** People whose Slack users exist in the fake; half have no cached DM channel yet (conversations.open first). */
async function seedSlackPeople(count: number): Promise<string[]> {
  const people = await seedPeople(db.prisma, count);
  for (let index = 0; index < count; index++) slack.addUser({ id: `U${index}`, name: `Person ${index}` });
  await db.prisma.$executeRawUnsafe(
    `UPDATE "SlackIdentity" SET "dmChannel" = CASE WHEN substr("userId", 2)::int % 2 = 0 THEN 'DM' || substr("userId", 2) ELSE NULL END`,
  );
  return people;
}

function postsPerChannel(): Map<string, number> {
  return countBy(slack.sent("chat.postMessage").map((call) => String(call.args.channel)));
}

function injectFaults(hangShare = 0.05): void {
  slack.inject({ method: "chat.postMessage", share: 0.15, fault: { kind: "rate-limit", retryAfterSeconds: 2 } });
  slack.inject({ method: "chat.postMessage", share: 0.15, fault: { kind: "http-error", status: 500 } });
  slack.inject({ method: "chat.postMessage", share: hangShare, fault: { kind: "hang" } });
  slack.inject({ method: "conversations.open", share: 0.1, fault: { kind: "http-error", status: 502 } });
}

describe("outbox through the real Slack client", () => {
  it("when the fake Slack answers 429 with Retry-After, 500 and hangs for a share of calls, every person gets exactly one DM in the end", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const people = await seedSlackPeople(40);
    await enqueuePrompts(db.prisma, clock.now(), people);
    injectFaults();
    const worker = manualWorker(db.prisma, clock, slackNotifier(db.prisma), { concurrency: 4 });

    await drainUntilSettled(db.prisma, clock, [worker.drain]);

    const posts = postsPerChannel();
    expect(posts.size).toBe(40);
    expect([...posts.values()].filter((count) => count > 1)).toEqual([]);
    expect(slack.calls("chat.postMessage").some((call) => call.failure === "429")).toBe(true);
    expect(slack.calls("chat.postMessage").some((call) => call.failure === "hang")).toBe(true);
    const rows = await db.prisma.delivery.findMany();
    expect(rows.every((row) => row.status === "sent" && row.platformMessageId?.startsWith("1790000000."))).toBe(true);
  });

  it("when Slack keeps refusing one person's DM (a deactivated account), that delivery fails at once without retries while the others go out", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const people = await seedSlackPeople(3);
    slack.inject({
      method: "chat.postMessage",
      when: (call) => call.args.channel === "DM0",
      fault: { kind: "slack-error", error: "account_inactive" },
    });
    await enqueuePrompts(db.prisma, clock.now(), people);

    await drainUntilSettled(db.prisma, clock, [manualWorker(db.prisma, clock, slackNotifier(db.prisma)).drain]);

    const refused = await db.prisma.delivery.findFirstOrThrow({ where: { personId: people[0] } });
    expect(refused.status).toBe("failed");
    expect(refused.attempts).toBe(1);
    expect(refused.lastError).toMatch(/deactivated/);
    expect(postsPerChannel().size).toBe(2);
  });
});

describe.runIf(testDatabaseKind === "postgres")("three instances through the real Slack client", () => {
  it("when three instances race over 1,000 prompts while the fake Slack injects faults, each person gets exactly one DM", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const people = await seedSlackPeople(1000);
    await enqueuePrompts(db.prisma, clock.now(), people);
    injectFaults(0.01);
    const workers = instances.map((instance) =>
      manualWorker(instance.prisma, clock, slackNotifier(instance.prisma), { concurrency: 8 }),
    );

    await drainUntilSettled(
      db.prisma,
      clock,
      workers.map((worker) => worker.drain),
    );

    const posts = postsPerChannel();
    expect(posts.size).toBe(1000);
    expect([...posts.values()].filter((count) => count > 1)).toEqual([]);
    expect(await db.prisma.delivery.count({ where: { status: "sent" } })).toBe(1000);
  }, 120_000);

  it("when Slack posted a DM but its answer never came back, the retry finds the message by its delivery id and does not post it again", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const people = await seedSlackPeople(4);
    await enqueuePrompts(db.prisma, clock.now(), people);
    slack.inject({ method: "chat.postMessage", times: 2, fault: { kind: "accept-then-hang" } });
    const worker = manualWorker(db.prisma, clock, slackNotifier(db.prisma), { concurrency: 4 });

    await drainUntilSettled(db.prisma, clock, [worker.drain]);

    const posts = postsPerChannel();
    expect(posts.size).toBe(4);
    expect([...posts.values()].filter((count) => count > 1)).toEqual([]);
    const rows = await db.prisma.delivery.findMany();
    expect(rows.every((row) => row.status === "sent")).toBe(true);
    expect(rows.filter((row) => row.attempts === 2)).toHaveLength(2);
    // Only the two uncertain retries looked into the history; first attempts cost no extra call.
    expect(slack.calls("conversations.history")).toHaveLength(2);
  });
});
