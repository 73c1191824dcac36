// P3: every manager's weekly summary for generated orgs of 1,000 and 10,000 people (one manager per ten, a year of
// weekly check-ins, goals, kudos and a review cycle). Reports the time of each size, their ratio (target ≤ 11×:
// linear), the SQL statements per build (counted at the driver adapter, so relation loads count too: must be the
// same for both sizes, i.e. no N+1), and peak resident memory sampled while building. PostgreSQL when
// TEST_POSTGRES_URL is set, else embedded PGlite in memory. Bounded: two sizes, one warm-up and one measured build.
import { randomBytes, randomUUID } from "node:crypto";
import pino from "pino";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { migrate } from "../src/db/migrate.ts";
import type { DomainContext } from "../src/domain/context.ts";
import { buildTeamSummaries } from "../src/domain/summaries/build-team-summaries.ts";
import { ManualClock } from "../src/shared/clock.ts";

const NOW = new Date("2026-11-30T09:00:00Z");
const WEEKS = 52;
const SIZES = [1_000, 10_000];
/** P3_100K=1 adds 100,000 people (10,000 managers, ~4.7 M check-ins): minutes of seeding, so opt-in. */
const LARGE = 100_000;

interface Counted {
  prisma: PrismaClient;
  statements: () => number;
  close(): Promise<void>;
  kind: "postgres" | "embedded";
}

/** Wraps a driver adapter factory so every SQL statement Prisma sends (in or out of a transaction) is counted. */
function counting<T extends object>(factory: T, tally: { n: number }): T {
  const wrap = (target: object): object =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (property === "queryRaw" || property === "executeRaw") tally.n += 1;
          const result = value.apply(object, args);
          if (property === "connect" || property === "startTransaction") return (result as Promise<object>).then(wrap);
          return result;
        };
      },
    });
  return wrap(factory) as T;
}

export async function openCounted(): Promise<Counted> {
  const tally = { n: 0 };
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (adminUrl) {
    const name = `momentum_p3_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await migrate({
      exec: (sql) => client.query(sql),
      query: (sql, params) => client.query(sql, params as unknown[]) as never,
    });
    await client.end();
    const prisma = new PrismaClient({
      adapter: counting(new PrismaPg({ connectionString: url.toString(), max: 10 }), tally),
    });
    return {
      prisma,
      kind: "postgres",
      statements: () => tally.n,
      close: async () => {
        await prisma.$disconnect();
        const drop = new pg.Client({ connectionString: adminUrl });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
      },
    };
  }
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
  ]);
  const pglite = new PGlite();
  await pglite.waitReady;
  await migrate({
    exec: (sql) => pglite.exec(sql),
    query: (sql, params) => pglite.query(sql, params as unknown[]) as never,
  });
  const prisma = new PrismaClient({ adapter: counting(new PrismaPGlite(pglite), tally) });
  return {
    prisma,
    kind: "embedded",
    statements: () => tally.n,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** People through unnest (managers every tenth person, reporting to person 0); the rest generated in SQL. */
async function seed(prisma: PrismaClient, size: number): Promise<void> {
  const ids = Array.from({ length: size }, () => randomUUID());
  const managerOf = ids.map((_id, index) =>
    index === 0 ? null : index % 10 === 0 ? ids[0] : ids[Math.floor(index / 10) * 10],
  );
  const zones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"];
  for (let offset = 0; offset < size; offset += 5000) {
    const slice = ids.slice(offset, offset + 5000);
    await prisma.$executeRaw`
      INSERT INTO "Person" (id, email, name, "timeZone", role, "managerId", "createdAt", "updatedAt")
      SELECT v.id, v.id || '@example.com', 'Person ' || v.id, v.zone, (CASE WHEN v.is_manager THEN 'manager' ELSE 'employee' END)::"Role", NULL, ${NOW}::timestamp, ${NOW}::timestamp
      FROM unnest(${slice}::text[], ${slice.map((_id, i) => zones[(offset + i) % zones.length])}::text[], ${slice.map((_id, i) => (offset + i) % 10 === 0)}::boolean[]) AS v(id, zone, is_manager)`;
  }
  await prisma.$executeRaw`
    UPDATE "Person" p SET "managerId" = v.manager FROM unnest(${ids}::text[], ${managerOf}::text[]) AS v(id, manager) WHERE p.id = v.id`;
  // A year of weekly check-ins (about 90% answered), mood and blockers varying by person and week.
  await prisma.$executeRaw`
    INSERT INTO "CheckIn" (id, "personId", "periodKey", mood, progress, plans, blockers, "submittedAt", "updatedAt")
    SELECT gen_random_uuid()::text, p.id, to_char(${NOW}::timestamp - make_interval(weeks => w.n + 1), 'IYYY-"W"IW'),
           1 + abs(hashtext(p.id || w.n::text)) % 5, 'Progress', 'Plans',
           CASE WHEN abs(hashtext(p.id || 'b' || w.n::text)) % 6 = 0 THEN 'Blocked on review' END,
           ${NOW}::timestamp - make_interval(weeks => w.n + 1), ${NOW}::timestamp - make_interval(weeks => w.n + 1)
    FROM "Person" p CROSS JOIN generate_series(0, ${WEEKS - 1}) AS w(n)
    WHERE abs(hashtext(p.id || 'skip' || w.n::text)) % 10 <> 0`;
  // Three goals each, some overdue or stale; a kudos a month to their manager; a pending self-review each.
  await prisma.$executeRaw`
    INSERT INTO "Goal" (id, level, "ownerId", title, "dueDate", status, "currentValue", "lastUpdateAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, 'person', p.id, 'Goal ' || g.n, (CASE WHEN g.n = 1 THEN '2026-10-01' ELSE '2027-03-31' END),
           (CASE WHEN g.n = 3 AND abs(hashtext(p.id)) % 4 = 0 THEN 'at_risk' ELSE 'on_track' END)::"GoalStatus", 30,
           ${NOW}::timestamp - make_interval(days => abs(hashtext(p.id || g.n::text)) % 40), ${NOW}::timestamp, ${NOW}::timestamp
    FROM "Person" p CROSS JOIN generate_series(1, 3) AS g(n)`;
  await prisma.$executeRaw`
    INSERT INTO "Kudos" (id, "batchId", "requestKey", "giverId", "recipientId", message, platform, "createdAt")
    SELECT gen_random_uuid()::text, gen_random_uuid()::text, gen_random_uuid()::text, p.id, p."managerId", 'Thanks', 'slack',
           ${NOW}::timestamp - make_interval(days => m.n * 30 + abs(hashtext(p.id)) % 30)
    FROM "Person" p CROSS JOIN generate_series(0, 11) AS m(n) WHERE p."managerId" IS NOT NULL`;
  const cycle = randomUUID();
  await prisma.$executeRaw`
    INSERT INTO "ReviewCycle" (id, name, "createdById", status, participants, "selfDueDate", "managerDueDate", questions, "createdAt")
    VALUES (${cycle}, 'H2', ${ids[0]}, 'active', '{"kind":"everyone"}'::jsonb, '2026-12-10', '2026-12-17', '[]'::jsonb, ${NOW}::timestamp)`;
  await prisma.$executeRaw`
    INSERT INTO "Review" (id, "cycleId", kind, "subjectId", "authorId", status, "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, ${cycle}, 'self', p.id, p.id, 'pending', ${NOW}::timestamp, ${NOW}::timestamp FROM "Person" p`;
  await prisma.$executeRawUnsafe(`ANALYZE`);
}

async function measure(size: number) {
  const db = await openCounted();
  try {
    const seedStart = performance.now();
    await seed(db.prisma, size);
    const seedMs = Math.round(performance.now() - seedStart);
    const ctx: DomainContext = {
      prisma: db.prisma,
      clock: new ManualClock(NOW),
      org: {
        defaultTimeZone: "UTC",
        kudosValues: [],
        kudosDailyLimit: 5,
        checkInWeekday: 5,
        checkInTime: "15:00",
        checkInReminderTime: "10:00",
        workdayStart: "09:00",
        workdayEnd: "18:00",
        workDays: [1, 2, 3, 4, 5],
      },
      logger: pino({ level: "silent" }),
      adminEmails: [],
    };
    await buildTeamSummaries(ctx, { now: NOW }); // warm-up: query plans, JIT
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const before = db.statements();
    const start = performance.now();
    const summaries = await buildTeamSummaries(ctx, { now: NOW });
    const ms = performance.now() - start;
    const statements = db.statements() - before;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const checkIns = await db.prisma.checkIn.count();
    return {
      database: db.kind,
      people: size,
      managers: summaries.length,
      checkIns,
      seedMs,
      buildMs: Math.round(ms),
      sqlStatementsPerBuild: statements,
      sqlStatementsPerSummary: Number((statements / summaries.length).toFixed(4)),
      peakRssMb: Math.round(peakRss / 1024 / 1024),
    };
  } finally {
    await db.close();
  }
}

export async function runP3(): Promise<Record<string, unknown>> {
  const sizes = process.env.P3_100K ? [...SIZES, LARGE] : SIZES;
  const runs = [];
  for (const size of sizes) runs.push(await measure(size));
  const [small, large, largest] = runs;
  return {
    runs,
    ratio: Number((large.buildMs / Math.max(1, small.buildMs)).toFixed(2)),
    ratioTarget: "≤ 11× for 10× the people (linear)",
    constantQueries: small.sqlStatementsPerBuild === large.sqlStatementsPerBuild,
    ...(largest
      ? {
          at100k: {
            ratioTo10k: Number((largest.buildMs / Math.max(1, large.buildMs)).toFixed(2)),
            ratioTarget: "≤ 11× the 10,000 figure",
            constantQueries: largest.sqlStatementsPerBuild === large.sqlStatementsPerBuild,
            peakRssRatioTo10k: Number((largest.peakRssMb / large.peakRssMb).toFixed(2)),
          },
        }
      : {}),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await runP3(), null, 2)}\n`);
  process.exit(0);
}
