// Exactly one directory sync per platform and local day across every instance: the day's key is claimed with a
// lease before the work; a claim whose instance died (lease over, not finished) is taken over. The claim names its
// instance, so a restarted instance hands its own unfinished claims back at once instead of waiting out the lease.
import type { DomainContext } from "../context.ts";

export async function claimDailyRun(
  ctx: DomainContext,
  key: string,
  now: Date,
  leaseMs: number,
  owner: string,
): Promise<boolean> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  // A lease that ends exactly now is over: a claim handed back at restart (leaseUntil = now) is free at once.
  const rows = await ctx.prisma.$queryRaw<{ key: string }[]>`
    INSERT INTO "DirectorySyncRun" ("key", "leaseOwner", "leaseUntil", "createdAt")
    VALUES (${key}, ${owner}, (${until}::timestamptz AT TIME ZONE 'UTC'), (${at}::timestamptz AT TIME ZONE 'UTC'))
    ON CONFLICT ("key") DO UPDATE SET "leaseOwner" = EXCLUDED."leaseOwner", "leaseUntil" = EXCLUDED."leaseUntil"
      WHERE "DirectorySyncRun"."finishedAt" IS NULL AND "DirectorySyncRun"."leaseUntil" <= (${at}::timestamptz AT TIME ZONE 'UTC')
    RETURNING "key"`;
  return rows.length === 1;
}

export async function finishDailyRun(ctx: DomainContext, key: string, now: Date): Promise<void> {
  await ctx.prisma.directorySyncRun.update({ where: { key }, data: { finishedAt: now } });
}

/** A failed run gives its claim back after `retryMs` (not the whole lease), so a later tick tries again. */
export async function releaseDailyRun(ctx: DomainContext, key: string, now: Date, retryMs: number): Promise<void> {
  await ctx.prisma.directorySyncRun.updateMany({
    where: { key, finishedAt: null },
    data: { leaseUntil: new Date(now.getTime() + retryMs) },
  });
}

/**
 * At start: unfinished claims this instance held before it stopped (it crashed mid-sync) end now, so the next tick
 * takes the sync over. Other instances' claims are left alone: they may be running. Returns how many were handed back.
 */
export async function handBackOwnDailyRuns(ctx: DomainContext, owner: string, now: Date): Promise<number> {
  const handedBack = await ctx.prisma.directorySyncRun.updateMany({
    where: { leaseOwner: owner, finishedAt: null, leaseUntil: { gt: now } },
    data: { leaseUntil: now },
  });
  return handedBack.count;
}
