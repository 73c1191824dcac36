// P6 (Teams, 100,000 people): one check-in prompt each through the outbox, the real TeamsNotifier and CloudAdapter
// to the fake Bot Connector, which enforces Microsoft's proactive-message ceilings: per app per tenant 50 requests/s
// and per bot per conversation 7/1 s, 8/2 s, 60/30 s, 1,800/h (429 + Retry-After beyond any). The floor is N/R with
// R the tenant ceiling. Time is scaled by P6_SCALE (default 10: every window and the fleet bucket 10x faster) so the
// run takes minutes, not the ~33 min the ceiling costs a real 100,000-person tenant. Reported: wall time / (N/R),
// duplicates and lost at the fake, 429s, and resident memory sampled over the run (flat: last-quarter max over
// first-quarter max). PostgreSQL (TEST_POSTGRES_URL), two worker instances; seeded in raw SQL from a fixed instant.
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { openDatabase, type Database } from "../src/db/database.ts";
import { createDeliveryWorker } from "../src/deliveries/worker.ts";
import { createCloudAdapter } from "../src/platforms/teams/adapter.ts";
import { TeamsNotifier } from "../src/platforms/teams/teams-notifier.ts";
import { systemClock } from "../src/shared/clock.ts";
import { createLogger } from "../src/shared/logger.ts";
import { startFakeConnector } from "../test/support/fake-connector.ts";

const PEOPLE = Number(process.env.P6_PEOPLE ?? 100_000);
const SCALE = Number(process.env.P6_SCALE ?? 10);
/** Microsoft's per-app, per-tenant ceiling (older pages: 30). */
const TENANT_PER_SECOND = Number(process.env.P6_TENANT_RATE ?? 50);
const PER_CONVERSATION = [
  { limit: 7, windowMs: 1000 },
  { limit: 8, windowMs: 2000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1800, windowMs: 3_600_000 },
];
const INSTANCES = 2;
const LANES = 16;
const TENANT = "tenant-broadcast";
const SEEDED_AT = "2026-12-04T08:00:00.000Z";
const logger = createLogger({ level: "silent", pretty: false });
const org = { defaultTimeZone: "UTC", workdayStart: "00:00", workdayEnd: "23:59", workDays: [0, 1, 2, 3, 4, 5, 6] };

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** People with a Teams personal chat each, and one due prompt each, in three INSERT … SELECT statements. */
async function seed(database: Database, serviceUrl: string): Promise<void> {
  const prisma = database.prisma;
  await prisma.$executeRaw`
    INSERT INTO "Person" (id, email, name, "timeZone", role, "createdAt", "updatedAt")
    SELECT 'p' || n, 'p' || n || '@example.com', 'Person ' || n, 'UTC', 'employee', ${SEEDED_AT}::timestamp, ${SEEDED_AT}::timestamp
    FROM generate_series(1, ${PEOPLE}) AS n`;
  await prisma.$executeRaw`
    INSERT INTO "TeamsIdentity" (id, "personId", "tenantId", "aadObjectId", "teamsUserId", "conversationReference", "createdAt", "updatedAt")
    SELECT 't' || n, 'p' || n, ${TENANT}, 'aad-' || n, '29:user-' || n,
           jsonb_build_object('channelId', 'msteams', 'serviceUrl', ${serviceUrl}::text,
             'bot', jsonb_build_object('id', '28:bench', 'name', 'Momentum'),
             'user', jsonb_build_object('id', '29:user-' || n, 'aadObjectId', 'aad-' || n),
             'conversation', jsonb_build_object('id', 'a:personal-' || n, 'conversationType', 'personal', 'tenantId', ${TENANT}::text)),
           ${SEEDED_AT}::timestamp, ${SEEDED_AT}::timestamp
    FROM generate_series(1, ${PEOPLE}) AS n`;
  await prisma.$executeRaw`
    INSERT INTO "Delivery" (id, key, kind, "personId", message, "notBefore", "createdAt", "updatedAt")
    SELECT 'd' || n, 'checkin.prompt:2026-W49:p' || n, 'checkin.prompt', 'p' || n,
           '{"type":"checkin.prompt","periodKey":"2026-W49","deadlineLabel":"Friday 4 December, 15:00"}'::jsonb,
           ${SEEDED_AT}::timestamp, ${SEEDED_AT}::timestamp, ${SEEDED_AT}::timestamp
    FROM generate_series(1, ${PEOPLE}) AS n`;
  await prisma.$executeRawUnsafe(`ANALYZE`);
}

export async function runP6TeamsBroadcast(): Promise<Record<string, unknown>> {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) return { skipped: "needs TEST_POSTGRES_URL (100,000 rows through embedded PGlite would take hours)" };
  const name = `momentum_p6b_${randomBytes(4).toString("hex")}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const fake = await startFakeConnector();
  fake.recordActivityBodies(false);
  const main = await openDatabase({ databaseUrl: url.toString(), dataDir: "unused", poolSize: 4 });
  const instances = await Promise.all(
    Array.from({ length: INSTANCES }, () =>
      openDatabase({ databaseUrl: url.toString(), dataDir: "unused", poolSize: LANES + 2 }),
    ),
  );
  try {
    const seedStart = performance.now();
    await seed(main, fake.url);
    const seedMs = performance.now() - seedStart;
    fake.activityCeiling({
      perTenant: { limit: TENANT_PER_SECOND, windowMs: 1000 / SCALE },
      perConversation: PER_CONVERSATION.map((window) => ({ ...window, windowMs: window.windowMs / SCALE })),
      retryAfterSeconds: 1,
    });
    const adapter = createCloudAdapter({ appType: "MultiTenant", devMode: true }, logger);
    // The fleet bucket 3% under the ceiling, as P2 does: a strict sliding window meets event-loop bunching.
    const teamsPerSecond = Math.floor(TENANT_PER_SECOND * SCALE * 0.97);
    const workers = instances.map((instance) =>
      createDeliveryWorker({
        prisma: instance.prisma,
        clock: systemClock,
        logger,
        notifiers: [new TeamsNotifier(adapter, "", { prisma: instance.prisma, clock: systemClock })],
        org,
        concurrency: LANES,
        rates: { slackPerSecond: 0, teamsPerSecond },
      }),
    );
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(process.memoryUsage().rss), 250);
    const idealMs = (PEOPLE / (TENANT_PER_SECOND * SCALE)) * 1000;
    // Bounded: P6_LIMIT_S, else three times the ideal; what is not delivered by then counts as lost.
    const limitMs = process.env.P6_LIMIT_S ? Number(process.env.P6_LIMIT_S) * 1000 : Math.max(60_000, idealMs * 3);
    const started = performance.now();
    const lane = async (worker: (typeof workers)[number]) => {
      while (
        performance.now() - started < limitMs &&
        (await main.prisma.delivery.count({ where: { status: { in: ["pending", "sending"] } } })) > 0
      ) {
        const summary = await worker.drain();
        if (summary.attempted === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    // One drain runs until nothing is due, so the bound stops the workers themselves (lanes finish their send).
    const bound = setTimeout(() => void Promise.all(workers.map((worker) => worker.stop())), limitMs);
    await Promise.all(workers.map(lane));
    clearTimeout(bound);
    const wallMs = performance.now() - started;
    clearInterval(sampler);
    await Promise.all(workers.map((worker) => worker.stop()));

    const perConversation = new Map<string, number>();
    for (const post of fake.posted)
      perConversation.set(post.conversationId, (perConversation.get(post.conversationId) ?? 0) + 1);
    let duplicates = 0;
    for (const count of perConversation.values()) duplicates += count - 1;
    const quarter = Math.max(1, Math.floor(samples.length / 4));
    const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
    const firstQuarterMax = Math.max(...samples.slice(0, quarter));
    const lastQuarterMax = Math.max(...samples.slice(-quarter));
    return {
      people: PEOPLE,
      timeScale: SCALE,
      "tenant ceiling R (msg/s, real)": TENANT_PER_SECOND,
      "per-conversation ceilings": "7/1 s, 8/2 s, 60/30 s, 1,800/h",
      seedSeconds: round(seedMs / 1000),
      "ideal N/R (s, scaled)": round(idealMs / 1000),
      "wall time (s, scaled)": round(wallMs / 1000),
      "wall / ideal (target ≤ 1.1)": round(wallMs / idealMs),
      "real-time equivalent (min)": round((wallMs * SCALE) / 60_000),
      delivered: perConversation.size,
      duplicates,
      // Lost only when the run finished; a run stopped by its bound leaves the rest queued, not lost.
      ...(perConversation.size === PEOPLE || wallMs < limitMs
        ? { lost: PEOPLE - perConversation.size }
        : { "still queued when the bound (P6_LIMIT_S) stopped the run": PEOPLE - perConversation.size }),
      "achieved msg/s (scaled) / ceiling": round(perConversation.size / (wallMs / 1000) / (TENANT_PER_SECOND * SCALE)),
      "429s answered by fake": fake.activityRefusals,
      memory: {
        samples: samples.length,
        firstQuarterMaxMiB: mib(firstQuarterMax),
        lastQuarterMaxMiB: mib(lastQuarterMax),
        "flat: last / first quarter max": round(lastQuarterMax / firstQuarterMax),
        note: "one process: Momentum's workers and the fake connector (which keeps an id per posted activity)",
      },
    };
  } finally {
    await fake.close();
    await Promise.all([main, ...instances].map((db) => db.close()));
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.stdout.write(`${JSON.stringify(await runP6TeamsBroadcast(), null, 2)}\n`);
  process.exit(0);
}
