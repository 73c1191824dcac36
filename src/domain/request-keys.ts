// Double submits and retries, one mechanism: a use case takes the request key its platform derived (a Slack view id,
// a Teams activity id) and claims it inside its own transaction. The claim commits with the work or rolls back with
// it, so a failed attempt leaves no mark and the same request sent again is done, once.
import { z } from "zod";
import type { PrismaClient } from "../db/database.ts";
import type { Tx } from "./context.ts";
import { parseInput } from "./validation.ts";

/**
 * True the first time `requestKey` is claimed; false when a request with the same key has already committed.
 * INSERT … ON CONFLICT DO NOTHING: a concurrent copy of the same request waits for ours and then finds the key taken.
 */
export async function claimRequestKey(tx: Tx, requestKey: string, now: Date): Promise<boolean> {
  const { count } = await tx.processedEvent.createMany({
    data: [{ key: `request:${requestKey}`, createdAt: now }],
    skipDuplicates: true,
  });
  return count === 1;
}

/** A request key as a use case accepts it. */
export const RequestKeySchema = z.string().min(1).max(300);

/**
 * Runs `work` in one transaction that first claims `requestKey` (when there is one): null, with nothing done, when
 * a request with the same key has already committed.
 */
export async function onceInTransaction<T>(
  prisma: PrismaClient,
  requestKey: string | undefined,
  now: Date,
  work: (tx: Tx) => Promise<T>,
): Promise<T | null> {
  const key = requestKey === undefined ? undefined : parseInput(RequestKeySchema, requestKey);
  return prisma.$transaction(async (tx) => {
    if (key !== undefined && !(await claimRequestKey(tx, key, now))) return null;
    return work(tx);
  });
}
