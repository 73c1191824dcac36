// P1: signed /kudos slash commands at 50 concurrent against the full service (Bolt → domain → database →
// outbox → fake Slack), next to a bare Bolt app that only acknowledges (the floor). Also the service's resident
// memory idle and under this load, next to a process that loads the same libraries and opens the same database.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startFakeSlack, type FakeSlack } from "../test/support/fake-slack.ts";
import { signSlackBody, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET } from "../test/support/slack.ts";
import { runLoad, runPacedLoad, round, type LoadResult } from "./support/load.ts";
import { peakRssDuring, startChild, TSX, type Child } from "./support/processes.ts";

const PEOPLE = 400;
const CONCURRENCY = 50;
const COUNT = 3000;
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

    const service = await startChild("node", [...TSX, "src/main.ts"], env, options.port);
    await sleep(1000);
    const idleMiB = service.rssMiB();
    // Warm-up provisions every person (users.info once each) and warms the JIT; then the measured run.
    const warmUp = await load(service, fake, 100_000);
    await untilDelivered(fake, warmUp.sent * 2, 60_000);
    const postsBefore = fake.sent("chat.postMessage").length;
    const measured = await peakRssDuring(service, () => load(service, fake, 200_000));
    // Kudos DMs and channel posts go out after the ack, through the outbox: wait for them (bounded).
    const expected = postsBefore + measured.result.sent * 2;
    const drainStart = performance.now();
    await untilDelivered(fake, expected, 60_000);
    const delivered = fake.sent("chat.postMessage").length - postsBefore;
    const paced = await pacedLoad(service, fake, 300_000);
    await service.stop();
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
