// R5: PostgreSQL stops for 30 s under a steady load of /kudos commands. A SEPARATE throwaway cluster (own port and
// data directory) is started for this test, so the shared test cluster is never touched. During the outage users
// are told to try again (ephemeral, at their response_url), the process stays up and /readyz answers 503; after the
// database is back /readyz answers 200, every stored kudos has its deliveries (nothing half-written), and the
// queued deliveries go out.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRY_AGAIN_MESSAGE } from "../../src/shared/errors.ts";
import { startFakeSlack, type FakeSlack } from "../support/fake-slack.ts";
import { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SlackDriver } from "../support/slack.ts";
import { httpStatus, startChildService, waitFor, type ChildService } from "./support/child-service.ts";
import { report } from "./support/figures.ts";
import { adminQuery, postgresAvailable, throwawayCluster } from "./support/postgres.ts";

const PORT = 55439;
const OUTAGE_MS = 30_000;
const USERS = 40;
const cluster = throwawayCluster(PORT);
let fake: FakeSlack;
let service: ChildService;
let url: string;

beforeAll(async () => {
  if (!postgresAvailable) return;
  const adminUrl = cluster.start();
  await adminQuery(adminUrl, "DROP DATABASE IF EXISTS momentum_r5");
  await adminQuery(adminUrl, "CREATE DATABASE momentum_r5");
  url = adminUrl.replace(/\/postgres$/, "/momentum_r5");
  fake = await startFakeSlack({ token: SLACK_BOT_TOKEN });
  for (let index = 1; index <= USERS; index++)
    fake.addUser({ id: `UR5${index}`, name: `Outage Person ${index}`, email: `r5-${index}@example.com`, tz: "UTC" });
  service = await startChildService("r5", {
    DATABASE_URL: url,
    SLACK_SIGNING_SECRET,
    SLACK_BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: "warn",
    SCHEDULER_ENABLED: "false",
    KUDOS_DAILY_LIMIT: "100",
  });
}, 120_000);
afterAll(async () => {
  await service?.kill();
  await fake?.stop();
  if (postgresAvailable) cluster.destroy();
});

describe.skipIf(!postgresAvailable)("R5 database outage", () => {
  it("when PostgreSQL is down for 30 s under steady load, users are told to try again, the service stays up, and nothing is lost or half-written", async () => {
    const driver = new SlackDriver(service.url, fake);
    const phases = { before: [] as number[], during: [] as number[], after: [] as number[] };
    let phase: keyof typeof phases = "before";
    const readyDuring: number[] = [];
    let stop = false;
    let index = 0;
    // Steady load: a kudos every 100 ms from rotating people, for the whole test.
    const load = (async () => {
      const send = driver.command.bind(driver);
      driver.command = (...args: Parameters<typeof send>) =>
        send(...args).catch(() => ({ status: 0 }) as Awaited<ReturnType<typeof send>>);
      while (!stop) {
        index++;
        const answer = await driver.command(
          "/kudos",
          `<@UR5${1 + ((index + 1) % USERS)}|r> thanks for ${index} #craft`,
          { as: `UR5${1 + (index % USERS)}` },
        );
        phases[phase].push(answer.status);
        if (answer.status === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    await new Promise((resolve) => setTimeout(resolve, 5000));
    const repliesBefore = fake.responses.length;
    phase = "during";
    cluster.stop();
    const outageStarted = Date.now();
    while (Date.now() - outageStarted < OUTAGE_MS) {
      readyDuring.push(await httpStatus(`${service.url}/readyz`, 3000));
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    const repliesDuring = fake.responses.slice(repliesBefore);
    cluster.start();
    phase = "after";
    const readyAgain = await waitFor(async () => (await httpStatus(`${service.url}/readyz`)) === 200, 30_000, 500);
    const recoveredMs = Date.now() - outageStarted - OUTAGE_MS;
    await new Promise((resolve) => setTimeout(resolve, 5000));
    stop = true;
    await load;

    // The queued deliveries go out once the database is back. Rows a worker had claimed when the database went away
    // could not record their outcome; they return to the queue when their claim lease (2 minutes) runs out.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const drained = await waitFor(
      async () =>
        Number((await client.query(`SELECT count(*) FROM "Delivery" WHERE status <> 'sent'`)).rows[0].count) === 0,
      150_000,
      1000,
    );
    const drainedAfterSeconds = (Date.now() - outageStarted - OUTAGE_MS) / 1000;
    const kudos = Number((await client.query(`SELECT count(*) FROM "Kudos"`)).rows[0].count);
    // Each kudos was stored with its DM in one transaction: none without it.
    const orphans = Number(
      (
        await client.query(
          `SELECT count(*) FROM "Kudos" k WHERE NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d.key = 'kudos-dm:' || k.id)`,
        )
      ).rows[0].count,
    );
    const statuses = (
      await client.query(`SELECT status::text, count(*)::int AS n FROM "Delivery" GROUP BY status`)
    ).rows
      .map((row) => `${row.status}:${row.n}`)
      .join(",");
    await client.end();

    const tryAgain = repliesDuring.filter(
      (reply) => reply.body.text === TRY_AGAIN_MESSAGE && reply.body.response_type === "ephemeral",
    ).length;
    const unexpected = repliesDuring.filter((reply) => /Something went wrong/.test(String(reply.body.text))).length;
    report("R5", {
      outageSeconds: OUTAGE_MS / 1000,
      commandsBefore: phases.before.length,
      commandsDuring: phases.during.length,
      commandsAfter: phases.after.length,
      non200: [...phases.before, ...phases.during, ...phases.after].filter((status) => status !== 200).length,
      tryAgainReplies: tryAgain,
      otherErrorReplies: unexpected,
      readyzDuring: [...new Set(readyDuring)].join("/"),
      readyzBackAfterSeconds: (recoveredMs / 1000).toFixed(1),
      kudosStored: kudos,
      kudosWithoutDelivery: orphans,
      outbox: statuses,
      outboxDrainedAfterSeconds: drainedAfterSeconds.toFixed(1),
      processAlive: service.process.exitCode === null,
      unhandledRejections: service.count(/unhandled promise rejection/),
    });

    if (service.process.exitCode !== null || service.process.signalCode !== null)
      console.log(
        `R5: the service died (${service.process.exitCode ?? service.process.signalCode}): ${service.stderr()}`,
      );
    expect(service.process.exitCode).toBeNull();
    expect(readyDuring.every((status) => status === 503)).toBe(true);
    expect(readyAgain).toBe(true);
    expect(tryAgain).toBeGreaterThan(0);
    expect(unexpected).toBe(0);
    expect(orphans).toBe(0);
    expect(drained).toBe(true);
    expect(phases.after.length).toBeGreaterThan(0);
    expect(service.count(/unhandled promise rejection/)).toBe(0);
  });
});
