// P6: a closed pulse round's results (eNPS, seven items' averages and distributions, the team breakdown behind the
// minimum group size, comments, the trend over eight rounds) for generated orgs of 1,000 and 10,000 people (one
// manager per ten, 90% answered). Reports the time of each size, their ratio (target ≤ 11×: linear), and the SQL
// statements per results (counted at the driver adapter: must be the same for both sizes, i.e. a constant number of
// queries); and the scheduler tick that finds everyone due for a new round's question at their local time (time and
// statements). PostgreSQL when TEST_POSTGRES_URL is set, else embedded PGlite in memory.
import { randomUUID } from "node:crypto";
import pino from "pino";
import type { DomainContext } from "../src/domain/context.ts";
import { pulseResults } from "../src/domain/pulses/pulse-results.ts";
import { buildQuestions, LIBRARY_IDS } from "../src/domain/pulses/pulse-questions.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { ManualClock } from "../src/shared/clock.ts";
import { pulseRoundsJob } from "../src/jobs/definitions/pulse-rounds.ts";
import { openCounted } from "./p3-summaries.ts";

const NOW = new Date("2026-12-14T09:00:00Z");
const SIZES = [1_000, 10_000];
const ROUNDS = 8;

async function seed(prisma: PrismaClient, size: number): Promise<{ hrId: string }> {
  const ids = Array.from({ length: size }, () => randomUUID());
  const managerOf = ids.map((_id, index) =>
    index === 0 ? null : index % 10 === 0 ? ids[0] : ids[Math.floor(index / 10) * 10],
  );
  await prisma.$executeRaw`
    INSERT INTO "Person" (id, email, name, "timeZone", role, "managerId", "createdAt", "updatedAt")
    SELECT v.id, v.id || '@example.com', 'Person ' || v.id, 'Europe/Berlin', (CASE WHEN v.n = 1 THEN 'hr' WHEN v.n % 10 = 1 THEN 'manager' ELSE 'employee' END)::"Role", v.manager, ${NOW}::timestamp, ${NOW}::timestamp
    FROM unnest(${ids}::text[], ${managerOf}::text[]) WITH ORDINALITY AS v(id, manager, n)`;
  const surveyId = randomUUID();
  await prisma.pulseSurvey.create({
    data: {
      id: surveyId,
      requestKey: surveyId,
      createdById: ids[0],
      title: "Bench pulse",
      questions: buildQuestions([...LIBRARY_IDS], ["Custom"]) as unknown as object[],
      audience: { kind: "everyone" },
      cadence: "biweekly",
      weekday: 2,
      time: "10:00",
      openDays: 3,
      firstDate: "2026-08-04",
      shareResults: false,
      createdAt: NOW,
    },
  });
  for (let round = 1; round <= ROUNDS; round++) {
    const roundId = randomUUID();
    const closed = new Date(NOW.getTime() - (ROUNDS - round) * 14 * 86_400_000);
    await prisma.pulseRound.create({
      data: {
        id: roundId,
        surveyId,
        number: round,
        localDate: closed.toISOString().slice(0, 10),
        closesAt: closed,
        closedAt: closed,
        createdAt: closed,
      },
    });
    await prisma.$executeRaw`
      INSERT INTO "Delivery" (id, key, kind, "personId", message, status, "sentAt", "notBefore", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, 'pulse-ask:' || ${roundId} || ':' || p.id, 'pulse.ask', p.id, '{}'::jsonb, 'sent', now(), now(), now(), now() FROM "Person" p`;
    await prisma.$executeRaw`
      INSERT INTO "PulseParticipation" ("roundId", "personId") SELECT ${roundId}, p.id FROM "Person" p WHERE abs(hashtext(p.id || ${roundId})) % 10 <> 0`;
    await prisma.$executeRaw`
      INSERT INTO "PulseAnswer" (id, "roundId", "teamId", scores, comment, "tokenHash")
      SELECT gen_random_uuid()::text, ${roundId}, p."managerId",
             jsonb_build_object('enps', abs(hashtext(p.id || 'e' || ${roundId})) % 11, 'recognition', 1 + abs(hashtext(p.id || 'r')) % 5, 'growth', 1 + abs(hashtext(p.id || 'g')) % 5,
                                'workload', 1 + abs(hashtext(p.id || 'w')) % 5, 'manager_support', 1 + abs(hashtext(p.id || 'm')) % 5, 'alignment', 1 + abs(hashtext(p.id || 'a')) % 5, 'custom_1', 3),
             CASE WHEN abs(hashtext(p.id)) % 20 = 0 THEN 'Comment ' || p.id END, md5(random()::text || p.id)
      FROM "Person" p JOIN "PulseParticipation" pp ON pp."personId" = p.id AND pp."roundId" = ${roundId}`;
  }
  await prisma.$executeRawUnsafe(`ANALYZE`);
  return { hrId: ids[0] };
}

async function measure(size: number) {
  const db = await openCounted();
  try {
    const seedStart = performance.now();
    const { hrId } = await seed(db.prisma, size);
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
        minGroupSize: 5,
      },
      logger: pino({ level: "silent" }),
      adminEmails: [],
    };
    await pulseResults(ctx, { actorId: hrId }); // warm-up
    const before = db.statements();
    const start = performance.now();
    const results = await pulseResults(ctx, { actorId: hrId });
    const ms = performance.now() - start;
    const resultsStatements = db.statements() - before;

    // The scheduler tick that asks everyone of a new round at 10:00 Berlin time: who is due, in how many statements.
    await db.prisma
      .$executeRaw`INSERT INTO "SlackIdentity" (id, "personId", "teamId", "userId", "createdAt") SELECT gen_random_uuid()::text, id, 'T1', 'U' || id, ${NOW}::timestamp FROM "Person"`;
    const askSurvey = randomUUID();
    await db.prisma.pulseSurvey.create({
      data: {
        id: askSurvey,
        requestKey: askSurvey,
        createdById: hrId,
        title: "Ask",
        questions: buildQuestions(["enps"], []) as unknown as object[],
        audience: { kind: "everyone" },
        cadence: "once",
        weekday: 2,
        time: "10:00",
        openDays: 3,
        firstDate: "2026-12-15",
        shareResults: false,
        createdAt: NOW,
      },
    });
    const tickAt = new Date("2026-12-15T09:00:00Z");
    await pulseRoundsJob.due({ ...ctx, clock: new ManualClock(tickAt) }, tickAt); // warm-up (creates the round)
    const tickBefore = db.statements();
    const tickStart = performance.now();
    const due = await pulseRoundsJob.due({ ...ctx, clock: new ManualClock(tickAt) }, tickAt);
    const tickMs = performance.now() - tickStart;
    return {
      database: db.kind,
      people: size,
      askTickDue: due.length,
      askTickMs: Math.round(tickMs),
      sqlStatementsPerAskTick: db.statements() - tickBefore,
      answered: results.answered,
      teamsShown: results.teams.filter((team) => team.stats).length,
      teamsHidden: results.teams.filter((team) => !team.stats).length,
      trendRounds: results.trend.length,
      seedMs,
      resultsMs: Math.round(ms),
      sqlStatementsPerResults: resultsStatements,
    };
  } finally {
    await db.close();
  }
}

export async function runP6(): Promise<Record<string, unknown>> {
  const runs = [];
  for (const size of SIZES) runs.push(await measure(size));
  const [small, large] = runs;
  return {
    runs,
    ratio: Number((large.resultsMs / Math.max(1, small.resultsMs)).toFixed(2)),
    ratioTarget: "≤ 11× for 10× the people (linear)",
    constantQueries:
      small.sqlStatementsPerResults === large.sqlStatementsPerResults &&
      small.sqlStatementsPerAskTick === large.sqlStatementsPerAskTick,
    askTickRatio: Number((large.askTickMs / Math.max(1, small.askTickMs)).toFixed(2)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${JSON.stringify(await runP6(), null, 2)}\n`);
  process.exit(0);
}
