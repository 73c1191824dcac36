// R8: a compressed soak of one real service process: mixed signed commands and events (kudos given, so deliveries
// go out through the outbox, leaderboards, help, check-in history, Home tab opens) at a steady pace for about a
// minute. Resident memory and open file descriptors, sampled from /proc every 2 s, must not grow from the first
// half of the run to the second.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.ts";
import { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SlackDriver } from "../support/slack.ts";
import { startChildService, type ChildService } from "./support/child-service.ts";
import { report } from "./support/figures.ts";
import { createDatabaseOn, postgresAvailable } from "./support/postgres.ts";

// 8,000 in a minute (~130/s) stays under what one process on this shared 2-core machine serves without queueing
// (~200/s measured): a soak looks for leaks, and a growing backlog would look like one.
const COMMANDS = Number(process.env.R8_COMMANDS ?? 8000);
const DURATION_MS = Number(process.env.R8_SECONDS ?? 60) * 1000;
const CONCURRENCY = 12;
const USERS = 300;

let fake: FakeSlack;
let database: { url: string; drop(): Promise<void> };
let service: ChildService;

beforeAll(async () => {
  if (!postgresAvailable) return;
  fake = await startFakeSlack({ token: SLACK_BOT_TOKEN });
  for (let index = 1; index <= USERS; index++)
    fake.addUser({ id: `USOAK${index}`, name: `Soak Person ${index}`, email: `soak${index}@example.com`, tz: "UTC" });
  database = await createDatabaseOn(process.env.TEST_POSTGRES_URL!);
  service = await startChildService("soak", {
    DATABASE_URL: database.url,
    SLACK_SIGNING_SECRET,
    SLACK_BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "warn",
    SCHEDULER_ENABLED: "false",
    KUDOS_DAILY_LIMIT: "100",
    DELIVERY_SLACK_RATE_PER_SEC: "1000",
  });
});
afterAll(async () => {
  await service?.kill();
  await fake?.stop();
  await database?.drop();
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe.skipIf(!postgresAvailable)("R8 resource use", () => {
  it("when about a minute of mixed commands and deliveries runs, memory and open handles do not grow", async () => {
    const driver = new SlackDriver(service.url, fake);
    const samples: { at: number; rssBytes: number; fds: number }[] = [];
    const started = Date.now();
    const sampler = setInterval(() => samples.push({ at: Date.now() - started, ...service.sample() }), 2000);
    let sent = 0;
    let failed = 0;
    const lane = async (laneIndex: number) => {
      // Paced: each lane aims at COMMANDS / CONCURRENCY requests spread over the duration.
      const gapMs = (DURATION_MS * CONCURRENCY) / COMMANDS;
      for (let index = laneIndex; index < COMMANDS && Date.now() - started < DURATION_MS; index += CONCURRENCY) {
        const due = started + (index / COMMANDS) * DURATION_MS;
        if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, Math.min(due - Date.now(), gapMs)));
        const giver = `USOAK${1 + (index % USERS)}`;
        const recipient = `USOAK${1 + ((index + 7) % USERS)}`;
        const kind = index % 5;
        const answer =
          kind === 0
            ? await driver.command("/kudos", `<@${recipient}|r> thanks for the help with item ${index} #craft`, {
                as: giver,
              })
            : kind === 1
              ? await driver.command("/kudos", "leaderboard", { as: giver })
              : kind === 2
                ? await driver.command("/checkin", "history", { as: giver })
                : kind === 3
                  ? await driver.postEvent({ type: "app_home_opened", user: giver, tab: "home" })
                  : await driver.command("/kudos", "help", { as: giver });
        sent++;
        if (answer.status !== 200) failed++;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, index) => lane(index)));
    // Let the outbox finish what the last kudos queued, then take the final samples.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    clearInterval(sampler);
    samples.push({ at: Date.now() - started, ...service.sample() });

    const half = Math.floor(samples.length / 2);
    const first = samples.slice(1, half); // the first sample is the warm-up
    const second = samples.slice(half);
    const rssFirst = median(first.map((sample) => sample.rssBytes));
    const rssSecond = median(second.map((sample) => sample.rssBytes));
    const fdsFirstMax = Math.max(...first.map((sample) => sample.fds));
    const fdsSecondMax = Math.max(...second.map((sample) => sample.fds));
    const posts = fake.sent("chat.postMessage").length;
    const tryAgain = fake.responses.filter((response) => /try again/i.test(String(response.body.text))).length;

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const outbox = (await client.query(`SELECT status::text, count(*)::int AS n FROM "Delivery" GROUP BY status`)).rows
      .map((row) => `${row.status}:${row.n}`)
      .join(",");
    const kudos = Number((await client.query(`SELECT count(*) FROM "Kudos"`)).rows[0].count);
    await client.end();
    report("R8", {
      requests: sent,
      nonOk: failed,
      seconds: (Date.now() - started) / 1000,
      requestsPerSecond: sent / (DURATION_MS / 1000),
      kudosStored: kudos,
      outbox,
      deliveriesPosted: posts,
      replies: fake.responses.length,
      tryAgainReplies: tryAgain,
      samples: samples.length,
      rssFirstHalfMB: rssFirst / 1e6,
      rssSecondHalfMB: rssSecond / 1e6,
      rssGrowthPct: ((rssSecond - rssFirst) / rssFirst) * 100,
      fdsFirstHalfMax: fdsFirstMax,
      fdsSecondHalfMax: fdsSecondMax,
      unhandledRejections: service.count(/unhandled promise rejection/),
    });

    expect(sent).toBeGreaterThan(COMMANDS / 4);
    expect(failed).toBe(0);
    expect(rssSecond).toBeLessThan(rssFirst * 1.2);
    expect(fdsSecondMax).toBeLessThanOrEqual(fdsFirstMax + 10);
    expect(service.count(/unhandled promise rejection/)).toBe(0);
  });
});
