// Preloaded into a bench child (`node --import ./bench/support/count-statements.ts`): counts every SQL statement
// the process sends through `pg` (Prisma's PostgreSQL driver adapter and plain `pg` alike), grouped by its first
// words, and writes the tally to BENCH_STATEMENTS_FILE on SIGUSR2 so the bench can diff two snapshots.
import { writeFileSync } from "node:fs";
import pg from "pg";

const tally = new Map<string, number>();
let total = 0;

function shapeOf(query: unknown): string {
  const text = typeof query === "string" ? query : ((query as { text?: string } | null)?.text ?? "");
  const flat = text.replace(/\s+/g, " ").trim();
  const table = flat.match(/(?:FROM|INTO|UPDATE)\s+("?[\w.]+"?(?:\."?\w+"?)?)/i)?.[1] ?? "";
  return `${flat.split(" ")[0]?.toUpperCase() ?? "?"} ${table}`.trim();
}

const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  total++;
  const shape = shapeOf(args[0]);
  tally.set(shape, (tally.get(shape) ?? 0) + 1);
  return original.apply(this, args);
} as typeof pg.Client.prototype.query;

process.on("SIGUSR2", () => {
  const file = process.env.BENCH_STATEMENTS_FILE;
  if (file) writeFileSync(file, JSON.stringify({ total, byShape: Object.fromEntries(tally) }));
});
