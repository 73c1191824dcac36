// P1: signed /kudos slash commands at 50 concurrent against the full service (Bolt → domain → database →
// outbox → fake Slack), next to a bare Bolt app that only acknowledges (the floor). Also the service's resident
// memory idle and under this load, next to a process that loads the same libraries and opens the same database.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startFakeSlack, type FakeSlack } from "../test/support/fake-slack.ts";
import { signSlackBody, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET } from "../test/support/slack.ts";
import { runLoad, runPacedLoad, round, type LoadResult } from "./support/load.ts";
import { peakRssDuring, startChild, TSX, type Child } from "./support/processes.ts";

const PEOPLE = 400;
const CONCURRENCY = 50;
/** P1_COUNT scales the closed loops down on a shared machine. */
const COUNT = Number(process.env.P1_COUNT ?? 3000);
const MAX_MS = 30_000;
/** The paced run: 100 commands a second, far above any real organisation's peak, 10 s long. */
const PACED_PER_SECOND = 100;
const PACED_COUNT = 1000;

export interface P1Options {
  database: "embedded" | "postgres";
  /** postgres:// URL of an empty database, for the postgres run. */
  databaseUrl?: string;
  port: number;
}

function kudosCommand(fake: FakeSlack, i: number): string {
  const giver = i % PEOPLE;
  const recipient = (i * 7 + 1) % PEOPLE === giver ? (giver + 1) % PEOPLE : (i * 7 + 1) % PEOPLE;
  return new URLSearchParams({
    team_id: fake.teamId,
    // Spread over channels: Momentum keeps each channel at Slack's ~1 post/s, as it should.
    channel_id: `CBENCH${i % 500}`,
    channel_name: "bench",
    user_id: `UB${giver}`,
    user_name: `bench${giver}`,
    command: "/kudos",
    text: `<@UB${recipient}|bench${recipient}> thanks for the demo #teamwork`,
    response_url: fake.newResponseUrl(),
    trigger_id: `${i}.${randomUUID()}`,
  }).toString();
}

async function signedPost(url: string, body: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`${url}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signSlackBody(body, timestamp),
    },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

async function load(child: Child, fake: FakeSlack, offset: number): Promise<LoadResult> {
  return runLoad({
    concurrency: CONCURRENCY,
    count: COUNT,
    maxMs: MAX_MS,
    request: (i) => signedPost(child.url, kudosCommand(fake, offset + i)),
  });
}

async function pacedLoad(child: Child, fake: FakeSlack, offset: number): Promise<LoadResult> {
  return runPacedLoad({
    perSecond: PACED_PER_SECOND,
    concurrency: CONCURRENCY,
    count: PACED_COUNT,
    request: (i) => signedPost(child.url, kudosCommand(fake, offset + i)),
  });
}

/** Waits (bounded) until the fake has accepted `count` posts: the outbox works after each acknowledgement. */
async function untilDelivered(fake: FakeSlack, count: number, maxMs: number): Promise<void> {
  const started = performance.now();
  while (fake.sent("chat.postMessage").length < count && performance.now() - started < maxMs) await sleep(100);
}

/** Preload that counts SQL statements through `pg` (PostgreSQL runs only). */
const COUNTED = ["--import", "./bench/support/count-statements.ts"];

interface StatementTally {
  total: number;
  byShape: Record<string, number>;
}

/** Asks a child preloaded with count-statements.ts for its tally so far. */
async function statementsOf(child: Child, file: string): Promise<StatementTally> {
  rmSync(file, { force: true });
  child.process.kill("SIGUSR2");
  for (let tries = 0; tries < 100; tries++) {
    try {
      return JSON.parse(readFileSync(file, "utf8")) as StatementTally;
    } catch {
      await sleep(20);
    }
  }
  return { total: 0, byShape: {} };
}

/** The tally once the child stops issuing statements (bounded): work may run after an acknowledgement. */
async function settledStatements(child: Child, file: string): Promise<StatementTally> {
  let tally = await statementsOf(child, file);
  for (let tries = 0; tries < 100; tries++) {
    await sleep(200);
    const next = await statementsOf(child, file);
    if (next.total === tally.total) break;
    tally = next;
  }
  return tally;
}

/** Statements between two tallies, per kudos, overall and by statement shape (biggest first). */
function perKudos(before: StatementTally, after: StatementTally, kudos: number) {
  const byShape: Record<string, number> = {};
  for (const [shape, count] of Object.entries(after.byShape).sort((a, b) => b[1] - a[1])) {
    const per = round((count - (before.byShape[shape] ?? 0)) / Math.max(1, kudos));
    if (per > 0) byShape[shape] = per;
  }
  return { total: round((after.total - before.total) / Math.max(1, kudos)), byShape };
}

export async function runP1(options: P1Options) {
  const fake = await startFakeSlack();
  for (let i = 0; i < PEOPLE; i++)
    fake.addUser({ id: `UB${i}`, name: `Bench ${i}`, email: `bench${i}@example.com`, tz: "Europe/Berlin" });
  const dataDir = mkdtempSync(join(tmpdir(), "momentum-p1-"));
  const dbEnv: Record<string, string> =
    options.database === "postgres"
      ? { DATABASE_URL: options.databaseUrl! }
      : { MOMENTUM_DATA_DIR: dataDir, DATABASE_URL: "" };
  const env = {
    ...dbEnv,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    SLACK_SIGNING_SECRET,
    SLACK_BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    KUDOS_DAILY_LIMIT: "100",
    // The fake Slack has no workspace ceiling: measure Momentum, not the default fleet-wide 20 messages/s.
    DELIVERY_SLACK_RATE_PER_SEC: "0",
    SCHEDULER_ENABLED: "false",
  };
  try {
    // The floor processes first, one at a time, so they never compete with the service for the two cores.
    // The first open of an embedded database runs initdb (~900 MB peak): do it once, then measure a normal start.
    if (options.database === "embedded")
      await (await startChild("node", [...TSX, "bench/floor.ts"], dbEnv, options.port)).stop();
    const floor = await startChild("node", [...TSX, "bench/floor.ts"], dbEnv, options.port);
    await sleep(1000);
    const floorIdleMiB = floor.rssMiB();
    await floor.stop();

    const bare = await startChild("node", [...TSX, "bench/bare-bolt.ts"], env, options.port);
    await load(bare, fake, 0); // warm-up
    const bareRun = await load(bare, fake, 0);
    const barePaced = await pacedLoad(bare, fake, 0);
    await bare.stop();

    const postgres = options.database === "postgres";
    const statementsFile = join(dataDir, "statements.json");
    const countedEnv = { ...env, BENCH_STATEMENTS_FILE: statementsFile };
    // BENCH_CPU_PROF=<dir>: the service writes a V8 CPU profile there when it stops (see summarise-profile.ts).
    const profiling = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const preload = [...profiling, ...(postgres ? [...TSX, ...COUNTED] : TSX)];
    const service = await startChild("node", [...preload, "src/main.ts"], countedEnv, options.port);
    await sleep(1000);
    const idleMiB = service.rssMiB();
    // Warm-up provisions every person (users.info once each) and warms the JIT; then the measured run.
    const warmUp = await load(service, fake, 100_000);
    await untilDelivered(fake, warmUp.sent * 2, 60_000);
    const postsBefore = fake.sent("chat.postMessage").length;
    const statementsBefore = postgres ? await settledStatements(service, statementsFile) : undefined;
    const measured = await peakRssDuring(service, () => load(service, fake, 200_000));
    // Kudos DMs and channel posts go out after the ack, through the outbox: wait for them (bounded).
    const expected = postsBefore + measured.result.sent * 2;
    const drainStart = performance.now();
    await untilDelivered(fake, expected, 60_000);
    const delivered = fake.sent("chat.postMessage").length - postsBefore;
    // Per kudos: the request's own statements and the outbox's work to send its DM and channel post.
    const statements = statementsBefore
      ? perKudos(statementsBefore, await settledStatements(service, statementsFile), measured.result.sent)
      : undefined;
    const paced = await pacedLoad(service, fake, 300_000);
    await service.stop();
    // PostgreSQL: the floor a kudos can't beat (same HTTP stack, the same writes in one transaction with pg),
    // run alone after the service against the people the service provisioned.
    const writesFloor = postgres ? await runWritesFloor(countedEnv, options.port, fake, statementsFile) : undefined;
    // Every command is answered at its response_url: count what people were told, so a fast ack that hid a
    // failure cannot pass for throughput.
    const answers: Record<string, number> = {};
    for (const response of fake.responses) {
      const text = String((response.body as { text?: string }).text ?? "");
      const outcome = text.startsWith("Kudos recorded") ? "recorded" : text.slice(0, 60);
      answers[outcome] = (answers[outcome] ?? 0) + 1;
    }
    return {
      database: options.database,
      bare: bareRun,
      service: measured.result,
      paced: {
        perSecond: PACED_PER_SECOND,
        bare: barePaced,
        service: paced,
        p50Ratio: round(paced.p50Ms / barePaced.p50Ms),
        p99Ratio: round(paced.p99Ms / barePaced.p99Ms),
      },
      p50Ratio: round(measured.result.p50Ms / bareRun.p50Ms),
      p99Ratio: round(measured.result.p99Ms / bareRun.p99Ms),
      throughputRatio: round(measured.result.throughputPerSec / bareRun.throughputPerSec),
      ...(writesFloor && statements
        ? {
            writesFloor: {
              ...writesFloor,
              p99Ratio: round(measured.result.p99Ms / writesFloor.load.p99Ms),
              // How many times the floor's kudos/s Momentum's is below (target ≤ 1.5).
              throughputFloorOverService: round(writesFloor.load.throughputPerSec / measured.result.throughputPerSec),
              peakMemoryRatio: round(measured.peakMiB / writesFloor.peakMiB),
              statementsPerKudos: statements.total,
              statementsRatio: round(statements.total / writesFloor.statementsPerKudos),
              statementsByShape: statements.byShape,
            },
          }
        : {}),
      answers,
      messagesDelivered: `${delivered}/${measured.result.sent * 2}`,
      drainMsAfterLoad: Math.round(performance.now() - drainStart),
      memory: {
        floorIdleMiB,
        serviceIdleMiB: idleMiB,
        servicePeakUnderLoadMiB: measured.peakMiB,
        idleRatio: round(idleMiB / floorIdleMiB),
        loadRatio: round(measured.peakMiB / floorIdleMiB),
      },
    };
  } finally {
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The floor process under the same closed loop: latency, throughput, peak memory, statements per kudos. */
async function runWritesFloor(env: Record<string, string>, port: number, fake: FakeSlack, statementsFile: string) {
  const floor = await startChild("node", [...TSX, ...COUNTED, "bench/kudos-floor.ts"], env, port);
  try {
    await load(floor, fake, 400_000); // warm-up
    const before = await settledStatements(floor, statementsFile);
    const measured = await peakRssDuring(floor, () => load(floor, fake, 500_000));
    const after = await settledStatements(floor, statementsFile);
    const statements = perKudos(before, after, measured.result.sent);
    return { load: measured.result, peakMiB: measured.peakMiB, statementsPerKudos: statements.total };
  } finally {
    await floor.stop();
  }
}
