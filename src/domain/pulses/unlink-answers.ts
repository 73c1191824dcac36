// Closing the one link the database itself keeps. A first answer writes its participation row and its answer row in
// one transaction, so PostgreSQL stamps both with the same transaction id (the hidden `xmin` column), and rows sit in
// the table in the order they arrived: anyone with SQL access could join the two tables on xmin and undo the
// anonymity. Each scheduler tick rewrites a round's answers when any of them still shares an xmin with a
// participation row: deleted and re-inserted in random order with new random ids, in one transaction, so every
// answer of the round carries the same transaction id and no arrival order. The respondent's key still finds their
// answer (its fingerprint moves with it). What remains is the minute between an answer and the next tick, and old row
// versions that only PostgreSQL's own maintenance (VACUUM) clears.
import type { DomainContext } from "../context.ts";

/** Rewrites the answers of each round that still shares a transaction id with a participation row; returns how many. */
export async function unlinkAnswers(ctx: Pick<DomainContext, "prisma">, roundIds: string[]): Promise<number> {
  let rewritten = 0;
  for (const roundId of roundIds) {
    const [{ linked }] = await ctx.prisma.$queryRaw<{ linked: boolean }[]>`
      SELECT EXISTS (
        SELECT 1 FROM "PulseAnswer" a JOIN "PulseParticipation" p ON p.xmin = a.xmin AND p."roundId" = a."roundId"
        WHERE a."roundId" = ${roundId}
      ) AS linked`;
    if (!linked) continue;
    await ctx.prisma.$executeRaw`
      WITH moved AS (DELETE FROM "PulseAnswer" WHERE "roundId" = ${roundId} RETURNING "roundId", "teamId", scores, comment, "tokenHash")
      INSERT INTO "PulseAnswer" (id, "roundId", "teamId", scores, comment, "tokenHash")
      SELECT gen_random_uuid()::text, "roundId", "teamId", scores, comment, "tokenHash" FROM moved ORDER BY random()`;
    rewritten++;
  }
  return rewritten;
}
