// Start-up migration runner. Applies prisma/migrations/*/migration.sql in name order and records each one in
// Prisma's own `_prisma_migrations` table with Prisma's checksum (sha256 of the file), so a later
// `prisma migrate deploy` on a connected machine accepts the database. Concurrent instances serialise on the
// advisory lock Prisma Migrate itself uses; each migration runs in its own transaction.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface SqlRunner {
  /** Runs a multi-statement script. */
  exec(sql: string): Promise<unknown>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

const PRISMA_MIGRATE_LOCK = 72707369;
export const MIGRATIONS_DIR = new URL("../../prisma/migrations", import.meta.url).pathname;

export interface MigrationResult {
  applied: string[];
  /** Applied earlier but changed on disk since: reported, never re-run. */
  modified: string[];
}

export async function migrate(db: SqlRunner, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const applied: string[] = [];
  const modified: string[] = [];
  await db.query(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK})`);
  try {
    await db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await db.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const names = existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name)
          .sort()
      : [];
    for (const name of names) {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      if (done.has(name)) {
        if (done.get(name) !== checksum) modified.push(name);
        continue;
      }
      await db.exec("BEGIN");
      try {
        await db.exec(sql);
        await db.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 1)`,
          [randomUUID(), checksum, name],
        );
        await db.exec("COMMIT");
        applied.push(name);
      } catch (error) {
        await db.exec("ROLLBACK");
        throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
  } finally {
    await db.query(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_LOCK})`);
  }
  return { applied, modified };
}
