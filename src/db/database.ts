// The only place that creates the Prisma client. PostgreSQL when DATABASE_URL is set (production, several
// instances), otherwise embedded PGlite: the same PostgreSQL dialect in-process, so one schema and one
// migration history serve both.
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { explainConnectionError } from "./connection-errors.ts";
import { acquireDataDirLock } from "./data-dir-lock.ts";
import { migrate, type MigrationResult } from "./migrate.ts";

export type { PrismaClient } from "../generated/prisma/client.ts";
export { Prisma } from "../generated/prisma/client.ts";

export interface Database {
  prisma: PrismaClient;
  kind: "postgres" | "embedded";
  /** Where the data lives, without credentials: safe to log. */
  description: string;
  migrations: MigrationResult;
  /** Resolves when the database answers a trivial query; used by /readyz. */
  ping(): Promise<void>;
  /** PostgreSQL connections of this instance, for /metrics; undefined for the embedded database (one connection). */
  poolStats(): PoolStats | undefined;
  close(): Promise<void>;
}

export interface PoolStats {
  max: number;
  open: number;
  idle: number;
  /** Queries waiting for a free connection. */
  waiting: number;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Directory for the embedded database, or "memory://" for an in-memory one (tests). */
  dataDir: string;
  /** Pool size per instance for PostgreSQL. */
  poolSize?: number;
}

/** How long a query may wait for a pooled connection (and a transaction to start) before it fails. */
const POOL_WAIT_MS = 20_000;
const TRANSACTION_TIMEOUT_MS = 20_000;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openEmbedded(options.dataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined); // a dropped connection surfaces as the failing query's error
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw explainConnectionError(error, url);
  }
  let migrations: MigrationResult;
  try {
    migrations = await migrate({
      exec: (sql) => client.query(sql),
      query: (sql, params) => client.query(sql, params as unknown[]) as never,
    });
  } finally {
    await client.end();
  }
  // Under a burst, work waits in the pool's queue for a free connection instead of failing: a 2 s limit told
  // thousands of people "can't reach the database" during a load test while the server was fine. A server
  // that is down still fails at once (connection refused), so people get the friendly "try again" quickly;
  // only a host that swallows packets makes them wait for the limit. Requests are acknowledged before this
  // work, so Slack's 3-second window is not at stake.
  // The pool is ours (not the adapter's) so /metrics can read how many connections are in use.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: POOL_WAIT_MS });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const prisma = new PrismaClient({
    adapter,
    transactionOptions: { maxWait: POOL_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
  });
  const parsed = new URL(url);
  return {
    prisma,
    kind: "postgres",
    description: `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    migrations,
    ping: async () => {
      await prisma.$queryRawUnsafe("SELECT 1");
    },
    poolStats: () => ({ max: poolSize, open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => prisma.$disconnect(),
  };
}

async function openEmbedded(dataDir: string): Promise<Database> {
  // Loaded lazily: PGlite's WebAssembly costs memory that a PostgreSQL deployment should not pay.
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
  ]);
  const inMemory = dataDir === "memory://";
  const path = inMemory ? undefined : resolve(dataDir, "pglite");
  if (path) mkdirSync(resolve(dataDir), { recursive: true }); // PGlite creates only the last path segment
  // Before PGlite touches the files: a second process must be refused, not handed a diverging copy.
  const lock = path ? acquireDataDirLock(dataDir) : undefined;
  let pglite: InstanceType<typeof PGlite> | undefined;
  let migrations: MigrationResult;
  try {
    pglite = path ? new PGlite(path) : new PGlite();
    await pglite.waitReady;
    const opened = pglite;
    migrations = await migrate({
      exec: (sql) => opened.exec(sql),
      query: (sql, params) => opened.query(sql, params as unknown[]) as never,
    });
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
  const opened = pglite;
  // PGlite is one connection: concurrent transactions queue for it, so give them the same patience.
  const prisma = new PrismaClient({
    adapter: new PrismaPGlite(opened),
    transactionOptions: { maxWait: POOL_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
  });
  return {
    prisma,
    kind: "embedded",
    description: inMemory ? "embedded PostgreSQL (PGlite) in memory" : `embedded PostgreSQL (PGlite) in ${path}`,
    migrations,
    ping: async () => {
      await prisma.$queryRawUnsafe("SELECT 1");
    },
    poolStats: () => undefined,
    close: async () => {
      try {
        await prisma.$disconnect();
        await opened.close();
      } finally {
        lock?.release();
      }
    },
  };
}
