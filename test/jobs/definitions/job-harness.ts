// Runs a job definition the way the scheduler does: evaluate at an instant, insert under the unique keys.
import type { Database } from "../../../src/db/database.ts";
import type { DomainContext, OrgSettings } from "../../../src/domain/context.ts";
import { enqueueDeliveries } from "../../../src/domain/notifications/outbox.ts";
import type { JobDefinition } from "../../../src/jobs/job.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { randomUUID } from "node:crypto";
import type { Prisma } from "../../../src/db/database.ts";
import { createPerson, domainContext, type PersonSeed } from "../../support/fixtures.ts";

export type JobContext = DomainContext & { clock: ManualClock };

/** A domain context on a clock the test moves; `org` overrides the test org's settings. */
export function jobContext(db: Database, org: Partial<OrgSettings> = {}): JobContext {
  const clock = new ManualClock("2026-01-01T00:00:00Z");
  return { ...domainContext(db, { clock, org }), clock };
}

/** Evaluates `job` at `at` and inserts what it returns; resolves to the keys that were new. */
export async function tick(ctx: JobContext, job: JobDefinition, at: string | Date): Promise<string[]> {
  const now = new Date(at);
  ctx.clock.set(now);
  const due = await job.due(ctx, now);
  const before = new Set((await ctx.prisma.delivery.findMany({ select: { key: true } })).map((row) => row.key));
  await enqueueDeliveries(ctx.prisma, due, now);
  return due.map((delivery) => delivery.key).filter((key) => !before.has(key));
}

/** Ticks every `stepMinutes` from `from` (inclusive) to `to` (exclusive); resolves to the new keys with their instant. */
export async function sweep(
  ctx: JobContext,
  job: JobDefinition,
  from: string,
  to: string,
  stepMinutes: number,
): Promise<{ at: string; key: string }[]> {
  const found: { at: string; key: string }[] = [];
  const end = new Date(to).getTime();
  for (let at = new Date(from).getTime(), ticks = 0; at < end && ticks < 5000; at += stepMinutes * 60_000, ticks++) {
    for (const key of await tick(ctx, job, new Date(at))) found.push({ at: new Date(at).toISOString(), key });
  }
  return found;
}

/** Marks a prompt as delivered, as the outbox worker does after the platform accepted it. */
export async function markSent(db: Database, key: string, at: string): Promise<void> {
  await db.prisma.delivery.update({ where: { key }, data: { status: "sent", sentAt: new Date(at), attempts: 1 } });
}

/** A person Momentum can DM (a Slack identity), with any schedule fields set directly (slot, team slot, away). */
export async function reachablePerson(db: Database, seed: PersonSeed = {}, fields: Prisma.PersonUpdateInput = {}) {
  const person = await createPerson(db, { slackUserId: `U${randomUUID().slice(0, 8)}`, ...seed });
  return Object.keys(fields).length ? db.prisma.person.update({ where: { id: person.id }, data: fields }) : person;
}
