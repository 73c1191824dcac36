// What the outbox holds right now, for /metrics: rows still to do or needing attention by kind and status, and how
// long the oldest due row has waited. Read at scrape time from the (status, notBefore) index, so every instance
// reports the fleet's outbox, not only its own work.
import type { PrismaClient } from "../db/database.ts";
import type { OutboxSnapshot } from "../ops/metrics.ts";

export async function readOutboxSnapshot(prisma: PrismaClient, now: Date): Promise<OutboxSnapshot> {
  const rows = await prisma.$queryRaw<{ kind: string; status: string; count: number }[]>`
    SELECT kind, status::text AS status, count(*)::int AS count FROM "Delivery"
    WHERE status IN ('pending', 'sending', 'failed') GROUP BY kind, status`;
  const [oldest] = await prisma.$queryRaw<{ due: Date | null }[]>`
    SELECT min("notBefore") AS due FROM "Delivery" WHERE status = 'pending' AND "notBefore" <= ${now}`;
  const age = oldest?.due ? Math.max(0, (now.getTime() - oldest.due.getTime()) / 1000) : 0;
  return { byKindAndStatus: rows, oldestDueAgeSeconds: age };
}
