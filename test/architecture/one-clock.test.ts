import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { linesMatching, sourceFiles } from "./source-scan.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

// One clock for all logic (issue 10): every instant a rule compares comes from the injected Clock. A wall-clock read
// anywhere else made the suite pass in November and fail in December, and would hide scheduling bugs from tests.
const root = new URL("../../src", import.meta.url).pathname;
const schema = readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");

/** The only places allowed to read the wall clock, and why. */
const ALLOWED: Record<string, string> = {
  "shared/clock.ts": "the system clock itself: production's Clock",
  "db/migrate.ts":
    "started_at/finished_at of Prisma's own _prisma_migrations bookkeeping, written as `prisma migrate` writes them",
};

const WALL_CLOCK_READS: [RegExp, string][] = [
  [/\bnew\s+Date\s*\(\s*\)/, "new Date()"],
  [/\bDate\.now\s*\(/, "Date.now()"],
  [/\bDateTime\.(now|local|utc)\s*\(\s*\)/, "luxon's current time"],
  // SQL's now() is a bare call; clock.now() and performance.now() are method calls and are not matched.
  [
    /(?<![.\w])(now|clock_timestamp|statement_timestamp|transaction_timestamp)\s*\(\s*\)|\bCURRENT_(TIMESTAMP|DATE|TIME)\b|\bLOCALTIMESTAMP\b/i,
    "the database's clock",
  ],
];

function wallClockReads(code: string): string[] {
  return linesMatching(code, WALL_CLOCK_READS);
}

describe("one clock for all logic", () => {
  it("finds the wall-clock reads a use case could add (the check itself can fail)", () => {
    expect(wallClockReads("const now = new Date();")).toEqual(["line 1: new Date()"]);
    expect(wallClockReads("if (Date.now() > deadline) return;")).toEqual(["line 1: Date.now()"]);
    expect(wallClockReads("const today = DateTime.now().setZone(zone);")).toEqual(["line 1: luxon's current time"]);
    expect(wallClockReads('await tx.$executeRaw`UPDATE "Delivery" SET "notBefore" = now()`;')).toEqual([
      "line 1: the database's clock",
    ]);
    expect(wallClockReads("const now = ctx.clock.now(); const at = new Date(iso); // never new Date()")).toEqual([]);
  });

  it("keeps src free of wall-clock reads outside the clock module and the listed exceptions", () => {
    const offenders = sourceFiles(root)
      .map((path) => relative(root, path))
      .filter((path) => !(path in ALLOWED))
      .flatMap((path) => wallClockReads(readFileSync(join(root, path), "utf8")).map((read) => `${path} ${read}`));
    expect(offenders).toEqual([]);
  });

  it("has the schema leave every timestamp to the code: no now() default and no @updatedAt (which stamps the wall clock)", () => {
    const lines = schema.split("\n").filter((line) => /@default\(now\(\)\)|@updatedAt/.test(line));
    expect(lines).toEqual([]);
  });
});

describe("the migrated database", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("has no column that defaults to the database's clock", async () => {
    const columns = await db.prisma.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
         AND (column_default ILIKE '%now()%' OR column_default ILIKE '%current_timestamp%')`,
    );
    expect(columns).toEqual([]);
  });
});
