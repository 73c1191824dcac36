// PostgreSQL for the multi-process tests: a fresh database on the shared test cluster, or (R5) a separate
// throwaway cluster on its own port and data directory that the test may stop and start. The shared cluster is
// never stopped.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import pg from "pg";

export const postgresAvailable = Boolean(process.env.TEST_POSTGRES_URL);

export async function createDatabaseOn(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `momentum_rel_${randomBytes(5).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined),
  };
}

export async function adminQuery(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A cluster of our own (scripts/test-postgres.sh with another port and data dir). */
export function throwawayCluster(port: number) {
  const env = { ...process.env, TEST_PG_PORT: String(port), TEST_PG_DATA: `/tmp/momentum-pg-reliability-${port}` };
  const run = (action: string) =>
    execFileSync("bash", ["scripts/test-postgres.sh", action], {
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).trim();
  return {
    start: () => run("start"),
    stop: () => void run("stop"),
    destroy() {
      run("stop");
      rmSync(env.TEST_PG_DATA, { recursive: true, force: true });
    },
  };
}
