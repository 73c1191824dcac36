// One database per test file: in-memory PGlite for the "embedded" project, a fresh PostgreSQL database for the
// "postgres" project. Tests in a file share it and call resetDatabase() between cases.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../src/db/database.ts";

export type TestDatabaseKind = "embedded" | "postgres";

export const testDatabaseKind: TestDatabaseKind = process.env.MOMENTUM_TEST_DB === "postgres" ? "postgres" : "embedded";

export interface TestDatabase extends Database {
  /** The URL other processes (e.g. a second service instance) can use; postgres only. */
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  if (testDatabaseKind === "embedded") {
    const db = await openDatabase({ dataDir: "memory://" });
    return { ...db, drop: () => db.close() };
  }
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error("TEST_POSTGRES_URL is not set (vitest.config.ts starts a cluster when it can)");
  const name = `momentum_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: "unused", poolSize: options.poolSize });
  return {
    ...db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Empties every table of the app (not the migrations table) so each test starts from nothing. */
export async function resetDatabase(db: Database): Promise<void> {
  const rows = await db.prisma.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (rows.length === 0) return;
  await db.prisma.$executeRawUnsafe(`TRUNCATE ${rows.map((row) => `"${row.tablename}"`).join(", ")} CASCADE`);
}
