// P2: 10,000 people due in the same minute, delivered by the outbox through the real Slack notifier and WebClient
// to the fake Slack Web API on loopback.
//  1. With a rate ceiling R enforced by the fake (sliding one-second window, 429 + Retry-After beyond it) and the
//     fleet bucket set to R: wall time against the ideal N/R, and duplicates/lost counted at the fake.
//  2. Without a ceiling: the outbox's throughput next to a plain loop of chat.postMessage calls through a
//     WebClient at the same concurrency.
// PostgreSQL (three worker instances, each with its own pool) when TEST_POSTGRES_URL is set, else embedded PGlite
// (one instance). Every phase is bounded in count and time.
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { openDatabase, type Database, type PrismaClient } from "../src/db/database.ts";
import { enqueueDeliveries } from "../src/domain/notifications/outbox.ts";
import { createDeliveryWorker, type DeliveryWorker } from "../src/deliveries/worker.ts";
import { createBoltLogger } from "../src/platforms/slack/bolt-logger.ts";
import { SlackNotifier } from "../src/platforms/slack/slack-notifier.ts";
import { singleTokenClients } from "../src/platforms/slack/workspace-clients.ts";
import { createWebClient, slackClientOptions } from "../src/platforms/slack/web-client.ts";
import { systemClock } from "../src/shared/clock.ts";
import { createLogger } from "../src/shared/logger.ts";
import { startFakeSlack, type FakeSlack } from "../test/support/fake-slack.ts";

const PEOPLE = Number(process.env.P2_PEOPLE ?? 10_000);
const RATE = Number(process.env.P2_RATE ?? 400);
const CONCURRENCY_PER_INSTANCE = 16;
const PHASE_LIMIT_MS = 180_000;
const logger = createLogger({ level: "silent", pretty: false });
const org = { defaultTimeZone: "UTC", workdayStart: "09:00", workdayEnd: "18:00", workDays: [1, 2, 3, 4, 5] };

interface BenchDatabase {
  main: Database;
  instances: Database[];
  kind: string;
  close(): Promise<void>;
}

async function openBenchDatabase(): Promise<BenchDatabase> {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) {
    const main = await openDatabase({ dataDir: "memory://" });
    return { main, instances: [main], kind: "embedded (PGlite), 1 instance", close: () => main.close() };
  }
  const name = `momentum_bench_${randomBytes(5).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const main = await openDatabase({ databaseUrl: url.toString(), dataDir: "unused", poolSize: 4 });
  const instances = await Promise.all(
    [1, 2, 3].map(() =>
      openDatabase({ databaseUrl: url.toString(), dataDir: "unused", poolSize: CONCURRENCY_PER_INSTANCE + 2 }),
    ),
  );
  return {
    main,
    instances,
    kind: "PostgreSQL, 3 instances",
    close: async () => {
      await Promise.all([main, ...instances].map((db) => db.close()));
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** 10,000 people with a cached Slack DM channel, and one due prompt each, all in the same minute. */
async function seed(prisma: PrismaClient, phase: string): Promise<void> {
  await prisma.$executeRawUnsafe(`TRUNCATE "Delivery", "SlackIdentity", "Person", "RateBucket" CASCADE`);
  for (let offset = 0; offset < PEOPLE; offset += 1000) {
    const ids = Array.from({ length: Math.min(1000, PEOPLE - offset) }, (_, i) => offset + i);
    const seededAt = new Date();
    await prisma.person.createMany({
      data: ids.map((i) => ({
        id: `p${i}`,
        email: `p${i}@example.com`,
        name: `Person ${i}`,
        timeZone: "UTC",
        createdAt: seededAt,
        updatedAt: seededAt,
      })),
    });
    await prisma.slackIdentity.createMany({
      data: ids.map((i) => ({
        personId: `p${i}`,
        teamId: "T0MOMENTUM",
        userId: `U${i}`,
        dmChannel: `DM${i}`,
        createdAt: seededAt,
      })),
    });
    const due = seededAt;
    await enqueueDeliveries(
      prisma,
      ids.map((i) => ({
        key: `${phase}:checkin.prompt:p${i}`,
        kind: "checkin.prompt",
        target: { kind: "person" as const, personId: `p${i}` },
        message: {
          type: "checkin.prompt" as const,
          periodKey: "2026-11-27",
          deadlineLabel: "Friday 4 December, 15:00",
        },
        notBefore: due,
      })),
      due,
    );
  }
  await prisma.$executeRawUnsafe(`ANALYZE "Delivery"`);
}

function slackClient(slack: FakeSlack) {
  return createWebClient(
    "xoxb-bench",
    slackClientOptions({ apiUrl: slack.apiUrl, logger: createBoltLogger(logger, []), timeoutMs: 10_000 }),
  );
}

function countAtFake(slack: FakeSlack) {
  const perChannel = new Map<string, number>();
  for (const call of slack.sent("chat.postMessage"))
    perChannel.set(String(call.args.channel), (perChannel.get(String(call.args.channel)) ?? 0) + 1);
  let duplicates = 0;
  for (const count of perChannel.values()) duplicates += count - 1;
  return {
    delivered: perChannel.size,
    duplicates,
    lost: PEOPLE - perChannel.size,
    rateLimited: slack.calls("chat.postMessage").filter((call) => call.failure === "429").length,
  };
}

/** Runs the workers until the fake has every message or the phase runs out of time. */
async function runOutbox(db: BenchDatabase, slack: FakeSlack, slackPerSecond: number): Promise<number> {
  const workers: DeliveryWorker[] = db.instances.map((instance) =>
    createDeliveryWorker({
      prisma: instance.prisma,
      clock: systemClock,
      logger,
      notifiers: [
        new SlackNotifier({
          clients: singleTokenClients(slackClient(slack)),
          domain: { prisma: instance.prisma, clock: systemClock },
        }),
      ],
      org,
      concurrency: CONCURRENCY_PER_INSTANCE,
      rates: { slackPerSecond, teamsPerSecond: 0 },
    }),
  );
  const started = performance.now();
  const deadline = Date.now() + PHASE_LIMIT_MS;
  const laneOf = async (worker: DeliveryWorker) => {
    while (
      Date.now() < deadline &&
      (await db.main.prisma.delivery.count({ where: { status: { in: ["pending", "sending"] } } })) > 0
    ) {
      const summary = await worker.drain();
      if (summary.attempted === 0) await new Promise((resolve) => setTimeout(resolve, 50)); // retries not due yet
    }
  };
  await Promise.all(workers.map(laneOf));
  const elapsed = performance.now() - started;
  await Promise.all(workers.map((worker) => worker.stop()));
  return elapsed;
}

/** The floor: the same number of chat.postMessage calls through one WebClient, CONCURRENCY lanes, nothing else. */
async function runPlainLoop(slack: FakeSlack, concurrency: number): Promise<number> {
  const client = slackClient(slack);
  let next = 0;
  const started = performance.now();
  const deadline = Date.now() + PHASE_LIMIT_MS;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < PEOPLE && Date.now() < deadline) {
        const i = next++;
        await client.chat.postMessage({ channel: `DM${i}`, text: "Time for your weekly check-in" });
      }
    }),
  );
  return performance.now() - started;
}

export async function runP2(): Promise<Record<string, unknown>> {
  const db = await openBenchDatabase();
  const slack = await startFakeSlack();
  const lanes = db.instances.length * CONCURRENCY_PER_INSTANCE;
  try {
    // 1. Under a ceiling R enforced by the fake: the fleet bucket at exactly R, then with 3% headroom (event-loop
    //    stalls bunch sends together, the fake counts a strict sliding second, and each 429 pauses the fleet).
    const idealMs = (PEOPLE / RATE) * 1000;
    const underCeiling = async (bucketRate: number) => {
      slack.reset();
      await seed(db.main.prisma, `ceiling-${bucketRate}`);
      slack.ceiling("chat.postMessage", { limit: RATE, windowMs: 1000, retryAfterSeconds: 1 });
      const wallMs = await runOutbox(db, slack, bucketRate);
      return { wallMs, ...countAtFake(slack) };
    };
    const exact = await underCeiling(RATE);
    const headroom = await underCeiling(Math.floor(RATE * 0.97));

    // 2. No ceiling: the outbox against a plain loop at the same total concurrency.
    slack.reset();
    await seed(db.main.prisma, "open");
    const outboxMs = await runOutbox(db, slack, 0);
    const open = countAtFake(slack);
    slack.reset();
    const plainMs = await runPlainLoop(slack, lanes);
    const plainSent = slack.sent("chat.postMessage").length;

    return {
      database: db.kind,
      people: PEOPLE,
      "ceiling R (msg/s)": RATE,
      "ceiling: ideal N/R (s)": round(idealMs / 1000),
      "bucket = R: wall time (s)": round(exact.wallMs / 1000),
      "bucket = R: wall / ideal": round(exact.wallMs / idealMs),
      "bucket = R: duplicates/lost at fake": `${exact.duplicates}/${exact.lost}`,
      "bucket = R: 429s answered by fake": exact.rateLimited,
      "bucket = 0.97 R: wall time (s)": round(headroom.wallMs / 1000),
      "bucket = 0.97 R: wall / ideal (target ≤ 1.1)": round(headroom.wallMs / idealMs),
      "bucket = 0.97 R: duplicates/lost at fake": `${headroom.duplicates}/${headroom.lost}`,
      "bucket = 0.97 R: 429s answered by fake": headroom.rateLimited,
      "no ceiling: concurrency (lanes)": lanes,
      "no ceiling: outbox msg/s": round(open.delivered / (outboxMs / 1000)),
      "no ceiling: outbox duplicates/lost": `${open.duplicates}/${open.lost}`,
      "no ceiling: plain postMessage loop msg/s": round(plainSent / (plainMs / 1000)),
      "no ceiling: outbox / plain loop": round(open.delivered / (outboxMs / 1000) / (plainSent / (plainMs / 1000))),
    };
  } finally {
    await slack.stop();
    await db.close();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await runP2();
  for (const [key, value] of Object.entries(result)) process.stdout.write(`${key}: ${value}\n`);
}
