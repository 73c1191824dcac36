// Builders for the pulse tests: an org with teams, a launched pulse, ticks of the pulse-rounds job that insert what
// it returns (as the scheduler does), and answers with every agreement item filled in.
import { randomUUID } from "node:crypto";
import type { Database } from "../../../src/db/database.ts";
import type { DomainContext } from "../../../src/domain/context.ts";
import { enqueueDeliveries } from "../../../src/domain/notifications/outbox.ts";
import { submitPulseAnswer } from "../../../src/domain/pulses/answer-pulse.ts";
import { launchPulse } from "../../../src/domain/pulses/launch-pulse.ts";
import type { PulseDraftOptions } from "../../../src/domain/pulses/pulse.schemas.ts";
import { pulseRoundsJob } from "../../../src/jobs/definitions/pulse-rounds.ts";
import type { ManualClock } from "../../../src/shared/clock.ts";
import { createPerson } from "../../support/fixtures.ts";

export type PulseContext = DomainContext & { clock: ManualClock };

export const ALL_ITEMS = [
  "enps",
  "recognition",
  "growth",
  "workload",
  "manager_support",
  "alignment",
  "comment",
] as const;

export function draft(actorId: string, overrides: Partial<PulseDraftOptions> = {}): PulseDraftOptions {
  return {
    actorId,
    title: "December pulse",
    libraryIds: [...ALL_ITEMS],
    customQuestions: [],
    audience: { kind: "everyone" },
    cadence: "biweekly",
    weekday: 2,
    time: "10:00",
    openDays: 3,
    shareResults: true,
    ...overrides,
  };
}

export async function launch(ctx: PulseContext, actorId: string, overrides: Partial<PulseDraftOptions> = {}) {
  return launchPulse(ctx, { draft: draft(actorId, overrides), requestKey: `test:${randomUUID()}` });
}

/** Evaluates the job at `at` and inserts its deliveries; resolves to the keys that were new. */
export async function tick(ctx: PulseContext, at: string): Promise<string[]> {
  const now = new Date(at);
  ctx.clock.set(now);
  const due = await pulseRoundsJob.due(ctx, now);
  const before = new Set((await ctx.prisma.delivery.findMany({ select: { key: true } })).map((row) => row.key));
  await enqueueDeliveries(ctx.prisma, due, now);
  return due.map((delivery) => delivery.key).filter((key) => !before.has(key));
}

/** What the delivery worker does once a platform accepted the DMs. */
export async function markAllSent(db: Database, at: string): Promise<void> {
  await db.prisma.delivery.updateMany({
    where: { status: "pending" },
    data: { status: "sent", sentAt: new Date(at), attempts: 1 },
  });
}

export async function reachable(
  db: Database,
  name: string,
  fields: { managerId?: string | null; timeZone?: string; role?: "employee" | "manager" | "hr" | "admin" } = {},
) {
  return createPerson(db, { name, slackUserId: `U${randomUUID().slice(0, 8)}`, ...fields });
}

/** A manager and `size` reports, all reachable. */
export async function team(db: Database, managerName: string, size: number, managerId: string | null = null) {
  const manager = await reachable(db, managerName, { role: "manager", managerId });
  const members = [];
  for (let index = 0; index < size; index++)
    members.push(await reachable(db, `${managerName} report ${index + 1}`, { managerId: manager.id }));
  return { manager, members };
}

export async function answer(
  ctx: PulseContext,
  personId: string,
  roundId: string,
  enps: number,
  options: { agreement?: number; comment?: string } = {},
) {
  const agreement = String(options.agreement ?? 4);
  return submitPulseAnswer(ctx, {
    personId,
    roundId,
    answers: {
      enps: String(enps),
      recognition: agreement,
      growth: agreement,
      workload: agreement,
      manager_support: agreement,
      alignment: agreement,
    },
    comment: options.comment ?? null,
  });
}
