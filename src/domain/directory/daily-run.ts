// Exactly one directory sync per platform and local day across every instance: the day's key is claimed with a
// lease before the work; a claim whose instance died (lease over, not finished) is taken over.
import type { DomainContext } from "../context.ts";

export async function claimDailyRun(ctx: DomainContext, key: string, now: Date, leaseMs: number): Promise<boolean> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const rows = await ctx.prisma.$queryRaw<{ key: string }[]>`
    INSERT INTO "DirectorySyncRun" ("key", "leaseUntil", "createdAt")
    VALUES (${key}, (${until}::timestamptz AT TIME ZONE 'UTC'), (${at}::timestamptz AT TIME ZONE 'UTC'))
    ON CONFLICT ("key") DO UPDATE SET "leaseUntil" = EXCLUDED."leaseUntil"
      WHERE "DirectorySyncRun"."finishedAt" IS NULL AND "DirectorySyncRun"."leaseUntil" < (${at}::timestamptz AT TIME ZONE 'UTC')
    RETURNING "key"`;
  return rows.length === 1;
}

export async function finishDailyRun(ctx: DomainContext, key: string, now: Date): Promise<void> {
  await ctx.prisma.directorySyncRun.update({ where: { key }, data: { finishedAt: now } });
}

/** A failed run gives its claim back after `retryMs` (not the whole lease), so a later tick tries again. */
export async function releaseDailyRun(ctx: DomainContext, key: string, now: Date, retryMs: number): Promise<void> {
  await ctx.prisma.directorySyncRun.updateMany({ where: { key, finishedAt: null }, data: { leaseUntil: new Date(now.getTime() + retryMs) } });
}
