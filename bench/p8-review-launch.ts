// P8: HR launches a review cycle for 10,000 people (a manager per ten, half of them reachable on Slack): one self
// review each, one manager review each for those with a manager, and a DM per person queued in the outbox, in one
// transaction. Baseline, measured in the same run on the same database: the same number of review rows inserted by
// a plain createMany. Reports both times and their ratio. PostgreSQL when TEST_POSTGRES_URL is set, else embedded
// PGlite in memory. Bounded: one size, one measured launch.
import { randomUUID } from "node:crypto";
import pino from "pino";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import type { DomainContext } from "../src/domain/context.ts";
import { launchReviewCycle } from "../src/domain/reviews/launch-review-cycle.ts";
import { ManualClock } from "../src/shared/clock.ts";
import { openCounted } from "./p3-summaries.ts";

const NOW = new Date("2026-11-30T09:00:00Z");
const PEOPLE = 10_000;

/** People through unnest: person 0 is HR and the top manager, every tenth person manages the nine after them. */
async function seed(prisma: PrismaClient): Promise<{ ids: string[]; managerOf: (string | null)[] }> {
  const ids = Array.from({ length: PEOPLE }, () => randomUUID());
  const managerOf = ids.map((_id, index) =>
    index === 0 ? null : index % 10 === 0 ? ids[0] : ids[Math.floor(index / 10) * 10],
  );
  const roleOf = ids.map((_id, index) => (index === 0 ? "hr" : index % 10 === 0 ? "manager" : "employee"));
  await prisma.$executeRaw`
    INSERT INTO "Person" (id, email, name, "timeZone", role, "managerId", "createdAt", "updatedAt")
    SELECT v.id, v.id || '@example.com', 'Person ' || v.id, 'UTC', v.role::"Role", NULL, ${NOW}::timestamp, ${NOW}::timestamp
    FROM unnest(${ids}::text[], ${roleOf}::text[]) AS v(id, role)`;
  await prisma.$executeRaw`
    UPDATE "Person" p SET "managerId" = v.manager FROM unnest(${ids}::text[], ${managerOf}::text[]) AS v(id, manager) WHERE p.id = v.id`;
  await prisma.$executeRaw`
    INSERT INTO "SlackIdentity" (id, "personId", "teamId", "userId", "createdAt")
    SELECT gen_random_uuid()::text, p.id, 'T1', 'U' || p.id, ${NOW}::timestamp FROM "Person" p WHERE abs(hashtext(p.id)) % 2 = 0`;
  await prisma.$executeRawUnsafe(`ANALYZE`);
  return { ids, managerOf };
}

async function draftCycle(prisma: PrismaClient, name: string, createdById: string): Promise<string> {
  const id = randomUUID();
  await prisma.$executeRaw`
    INSERT INTO "ReviewCycle" (id, name, "createdById", status, participants, "selfDueDate", "managerDueDate", questions, "createdAt")
    VALUES (${id}, ${name}, ${createdById}, 'draft', '{"kind":"everyone"}'::jsonb, '2026-12-10', '2026-12-17', '[]'::jsonb, ${NOW}::timestamp)`;
  return id;
}

export async function runP8(): Promise<Record<string, unknown>> {
  const db = await openCounted();
  try {
    const { ids, managerOf } = await seed(db.prisma);
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

    // Baseline: as many review rows as the launch writes, by a plain createMany into a cycle of their own.
    const baselineCycle = await draftCycle(db.prisma, "Baseline", ids[0]);
    const row = (kind: "self" | "manager", subjectId: string, authorId: string) => ({
      id: randomUUID(),
      cycleId: baselineCycle,
      kind,
      subjectId,
      authorId,
      createdAt: NOW,
      updatedAt: NOW,
    });
    const rows = ids.flatMap((id, index) => [
      row("self", id, id),
      ...(managerOf[index] ? [row("manager", id, managerOf[index]!)] : []),
    ]);
    const baselineStart = performance.now();
    await db.prisma.review.createMany({ data: rows });
    const baselineMs = performance.now() - baselineStart;

    const cycle = await draftCycle(db.prisma, "H2 2026", ids[0]);
    const before = db.statements();
    const start = performance.now();
    const launched = await launchReviewCycle(ctx, { actorId: ids[0], cycleId: cycle });
    const launchMs = performance.now() - start;
    const statements = db.statements() - before;
    const queued = await db.prisma.delivery.count({ where: { kind: "review.self-requested" } });
    return {
      database: db.kind,
      people: PEOPLE,
      selfReviews: launched.selfReviews,
      managerReviews: launched.managerReviews,
      deliveriesQueued: queued,
      unreachable: launched.unreachable,
      launchMs: Math.round(launchMs),
      sqlStatementsPerLaunch: statements,
      baselineCreateManyMs: Math.round(baselineMs),
      baselineRows: rows.length,
      ratioLaunchToBaseline: Number((launchMs / Math.max(1, baselineMs)).toFixed(2)),
    };
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await runP8(), null, 2)}\n`);
  process.exit(0);
}
