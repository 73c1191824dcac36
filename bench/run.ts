// `npm run bench`: every benchmark in one run on this machine, figures printed as ratios against baselines
// measured in the same run. Bounded in count and time; loopback only.
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { runP1 } from "./p1-kudos.ts";
import { runP5 } from "./p5-startup.ts";

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
const results: Record<string, unknown> = {};

function postgresAdminUrl(): string | undefined {
  if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL;
  try {
    return execFileSync("bash", ["scripts/test-postgres.sh"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim();
  } catch {
    return undefined;
  }
}

async function freshPostgresDatabase(adminUrl: string): Promise<string> {
  const name = `momentum_bench_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function report(name: string, value: unknown) {
  results[name] = value;
  process.stdout.write(`\n## ${name}\n${JSON.stringify(value, null, 2)}\n`);
}

const adminUrl = postgresAdminUrl();
if (adminUrl) process.env.TEST_POSTGRES_URL = adminUrl;
if (wanted("P5")) report("P5 start to /readyz (embedded)", await runP5(39_101));
if (wanted("P1")) {
  // P1_DATABASE=postgres (or embedded) runs one of the two.
  const p1Database = process.env.P1_DATABASE;
  if (p1Database !== "postgres")
    report("P1 /kudos at 50 concurrent (embedded)", await runP1({ database: "embedded", port: 39_102 }));
  if (adminUrl && p1Database !== "embedded")
    report(
      "P1 /kudos at 50 concurrent (PostgreSQL)",
      await runP1({ database: "postgres", databaseUrl: await freshPostgresDatabase(adminUrl), port: 39_103 }),
    );
}
if (wanted("P2")) {
  const { runP2 } = await import("./p2-delivery.ts");
  report("P2 delivery of 10,000 prompts due in one minute", await runP2());
}
if (wanted("P3")) {
  const { runP3 } = await import("./p3-summaries.ts");
  report("P3 all managers' weekly summaries, 1,000 vs 10,000 people", await runP3());
}
if (wanted("P6")) {
  const { runP6 } = await import("./p6-directory.ts");
  report("P6 linking 10,000 people to Slack under users.list's Tier 2 (time scaled)", await runP6());
  const { runP6Teams } = await import("./p6-teams.ts");
  report(
    "P6 linking a 10,000-member Teams roster and opening a personal chat with each under the per-tenant createConversation rate (time scaled)",
    await runP6Teams(),
  );
  const { runP6TeamsBroadcast } = await import("./p6-teams-broadcast.ts");
  report(
    "P6 a check-in prompt to 100,000 Teams people through the outbox under Microsoft's proactive-message ceilings (time scaled)",
    await runP6TeamsBroadcast(),
  );
}
if (wanted("P7")) {
  const { runP6: runP7 } = await import("./p6-pulse-results.ts");
  report("P7 pulse results (8 rounds, team breakdown), 1,000 vs 10,000 people", await runP7());
}
if (wanted("P8")) {
  const { runP8 } = await import("./p8-review-launch.ts");
  report("P8 launching a review cycle for 10,000 people vs the same review rows by a plain createMany", await runP8());
}
process.stdout.write(`\nDone: ${Object.keys(results).length} benchmark(s).\n`);
process.exit(0);
