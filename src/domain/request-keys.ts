// Double submits and retries, one mechanism: a use case takes the request key its platform derived (a Slack view id,
// a Teams activity id) and claims it inside its own transaction. The claim commits with the work or rolls back with
// it, so a failed attempt leaves no mark and the same request sent again is done, once.
import { z } from "zod";
import type { PrismaClient } from "../db/database.ts";
import type { DomainContext, Tx } from "./context.ts";
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

/** What a keyed request came to: done now (with the use case's result), or already done by an earlier delivery. */
export type RequestOutcome<T> = { done: true; result: T } | { done: false };

/**
 * Runs a use case once per request key, for requests a platform may deliver again (a Teams message or card click):
 * the key is claimed in the same transaction as everything the use case writes, so a failed attempt leaves no
 * mark and the redelivery does the work, once. The use case receives a context whose database is that transaction;
 * its own `$transaction` calls join it, so its steps stay all-or-nothing.
 */
export async function onceForRequest<T>(
  ctx: DomainContext,
  requestKey: string,
  useCase: (ctx: DomainContext) => Promise<T>,
): Promise<RequestOutcome<T>> {
  const key = parseInput(RequestKeySchema, requestKey);
  return ctx.prisma.$transaction(
    async (tx): Promise<RequestOutcome<T>> => {
      if (!(await claimRequestKey(tx, key, ctx.clock.now()))) return { done: false };
      return { done: true, result: await useCase({ ...ctx, prisma: joiningClient(tx) }) };
    },
    // As long as the longest use case a person can start from chat allows itself (a review launch for a big org).
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** The transaction client, with `$transaction` running its work inside the transaction already open. */
function joiningClient(tx: Tx): PrismaClient {
  const join = async (work: unknown): Promise<unknown> => {
    if (typeof work === "function") return (work as (client: PrismaClient) => Promise<unknown>)(client);
    const results: unknown[] = [];
    // The array form's queries run in order, as Prisma runs them in a batch transaction.
    for (const query of work as Promise<unknown>[]) results.push(await query);
    return results;
  };
  const client = new Proxy(tx, {
    get(target, property) {
      if (property === "$transaction") return join;
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as PrismaClient;
  return client;
}
