// Shared helpers for the outbox tests: people with Slack identities, an in-process fake ChatNotifier with
// scripted faults, and workers on a ManualClock whose waits move the clock instead of sleeping.
import {
  classifyHttpFailure,
  DeliveryError,
  type ChatNotifier,
  type Recipient,
} from "../../src/domain/notifications/notifier.ts";
import type { NewDelivery } from "../../src/domain/notifications/outbox.ts";
import { enqueueDeliveries } from "../../src/domain/notifications/outbox.ts";
import type { PrismaClient } from "../../src/db/database.ts";
import { createDeliveryWorker, type DeliveryWorkerOptions } from "../../src/deliveries/worker.ts";
import type { ManualClock } from "../../src/shared/clock.ts";
import { createLogger } from "../../src/shared/logger.ts";
import { SEEDED_AT } from "../support/fixtures.ts";

export const org = { defaultTimeZone: "UTC", workdayStart: "09:00", workdayEnd: "18:00", workDays: [1, 2, 3, 4, 5] };
export const silentLogger = createLogger({ level: "silent", pretty: false });

export interface SeedPerson {
  email?: string;
  timeZone?: string;
  awayUntil?: string | null;
  workdayStart?: string | null;
  workdayEnd?: string | null;
  role?: "employee" | "admin";
  slack?: boolean;
}

/** Creates `count` people (person-0 …) with a Slack identity each; returns their ids in order. */
export async function seedPeople(prisma: PrismaClient, count: number, base: SeedPerson = {}): Promise<string[]> {
  const people = Array.from({ length: count }, (_, index) => ({
    id: `person-${String(index).padStart(5, "0")}`,
    email: base.email && count === 1 ? base.email : `person${index}@example.com`,
    name: `Person ${index}`,
    timeZone: base.timeZone ?? "UTC",
    awayUntil: base.awayUntil ?? null,
    workdayStart: base.workdayStart ?? null,
    workdayEnd: base.workdayEnd ?? null,
    role: base.role ?? "employee",
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  }));
  await prisma.person.createMany({ data: people });
  if (base.slack !== false) {
    await prisma.slackIdentity.createMany({
      data: people.map((person, index) => ({
        personId: person.id,
        teamId: "T1",
        userId: `U${index}`,
        dmChannel: `D${index}`,
        createdAt: SEEDED_AT,
      })),
    });
  }
  return people.map((person) => person.id);
}

export function promptFor(personId: string, extra: Partial<NewDelivery> = {}): NewDelivery {
  return {
    key: `checkin.prompt:${personId}:2026-11-27`,
    kind: "checkin.prompt",
    target: { kind: "person", personId },
    message: { type: "checkin.prompt", periodKey: "2026-11-27", deadlineLabel: "Friday 4 December, 15:00" },
    ...extra,
  };
}

/** Queues a prompt per person as a use case would at `queuedAt` (the test's clock): due from then unless `extra` says. */
export async function enqueuePrompts(
  prisma: PrismaClient,
  queuedAt: Date,
  personIds: string[],
  extra: Partial<NewDelivery> = {},
): Promise<void> {
  for (let offset = 0; offset < personIds.length; offset += 1000) {
    await enqueueDeliveries(
      prisma,
      personIds.slice(offset, offset + 1000).map((id) => promptFor(id, extra)),
      queuedAt,
    );
  }
}

/** What a fake answers to one call: success, an HTTP status (429 with Retry-After seconds), or a timeout. */
export type FakeAnswer = "ok" | { status: number; retryAfter?: number } | "timeout" | "hang";

export class FakeNotifier implements ChatNotifier {
  readonly platform = "slack" as const;
  /** Every accepted message, by recipient (person id or channel). */
  readonly delivered: string[] = [];
  calls = 0;
  constructor(private readonly answer: (call: number, to: string) => FakeAnswer = () => "ok") {}

  async sendToPerson(recipient: Recipient) {
    return this.accept(recipient.personId);
  }
  async sendToChannel(channel: string) {
    return this.accept(channel);
  }
  private async accept(to: string) {
    const answer = this.answer(this.calls++, to);
    await Promise.resolve();
    if (answer === "hang") return new Promise<never>(() => undefined);
    if (answer === "timeout") throw classifyHttpFailure(undefined);
    if (answer !== "ok") throw classifyHttpFailure(answer.status, answer.retryAfter);
    this.delivered.push(to);
    return { messageId: `ts-${this.delivered.length}` };
  }
}

export function countBy(items: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

export function manualWorker(
  prisma: PrismaClient,
  clock: ManualClock,
  notifier: ChatNotifier,
  extra: Partial<DeliveryWorkerOptions> = {},
) {
  return createDeliveryWorker({
    prisma,
    clock,
    logger: silentLogger,
    notifiers: [notifier],
    org,
    rateLimiter: null,
    sleep: async (ms) => clock.advance(ms),
    ...extra,
  });
}

/** Drains, then moves the clock past every waiting retry (and lease), until nothing is left to send (bounded). */
export async function drainUntilSettled(
  prisma: PrismaClient,
  clock: ManualClock,
  drains: Array<() => Promise<unknown>>,
  rounds = 60,
): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    await Promise.all(drains.map((drain) => drain()));
    const waiting = await prisma.delivery.findMany({
      where: { status: { in: ["pending", "sending"] } },
      select: { notBefore: true, leaseUntil: true },
    });
    if (waiting.length === 0) return;
    const wakeAt = Math.max(...waiting.map((row) => Math.max(row.notBefore.getTime(), row.leaseUntil?.getTime() ?? 0)));
    if (wakeAt >= clock.now().getTime()) clock.set(new Date(wakeAt + 1));
  }
  throw new Error(`outbox still had pending rows after ${rounds} rounds`);
}

export { DeliveryError };
