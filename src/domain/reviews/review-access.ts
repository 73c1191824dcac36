// What the review use cases share: who is acting, which cycle is meant, the outbox keys, and due-date labels.
import { DateTime } from "luxon";
import { AppError, forbidden, notFound } from "../../shared/errors.ts";
import type { DomainContext, Tx } from "../context.ts";
import type { PersonRecord } from "../people/person.ts";
import { isIanaTimeZone } from "../schedule/local-time.ts";
import { storedQuestions } from "./review-answers.ts";
import type { ReviewQuestion } from "./review.schemas.ts";

export const PERSON_RECORD_SELECT = {
  id: true,
  email: true,
  name: true,
  timeZone: true,
  role: true,
  managerId: true,
  active: true,
} as const;

/** The person acting; a deactivated account is refused like everywhere else. */
export async function loadActor(ctx: DomainContext, actorId: string): Promise<PersonRecord> {
  const actor = await ctx.prisma.person.findUnique({ where: { id: actorId }, select: PERSON_RECORD_SELECT });
  if (!actor) throw notFound("Momentum doesn't know you yet. Please try again.");
  if (!actor.active) throw forbidden("Your Momentum account is deactivated, so you can't take part in reviews.");
  return actor;
}

export interface CycleRecord {
  id: string;
  name: string;
  status: "draft" | "active" | "closed";
  selfDueDate: string;
  managerDueDate: string;
  questions: ReviewQuestion[];
  launchedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
}

const CYCLE_SELECT = {
  id: true,
  name: true,
  status: true,
  selfDueDate: true,
  managerDueDate: true,
  questions: true,
  launchedAt: true,
  closedAt: true,
  createdAt: true,
} as const;

function toCycle(row: { questions: unknown } & Omit<CycleRecord, "questions">): CycleRecord {
  return { ...row, questions: storedQuestions(row.questions) };
}

/**
 * The cycle a person names: its id, or its name (case-insensitive, newest first). Without a reference: the newest
 * active cycle, else the newest one.
 */
export async function findCycle(ctx: DomainContext | { prisma: Tx }, reference?: string): Promise<CycleRecord> {
  const ref = reference?.trim();
  const prisma = ctx.prisma;
  if (ref) {
    const byId = /^[0-9a-f-]{36}$/i.test(ref)
      ? await prisma.reviewCycle.findUnique({ where: { id: ref }, select: CYCLE_SELECT })
      : null;
    const row =
      byId ??
      (await prisma.reviewCycle.findFirst({
        where: { name: { equals: ref, mode: "insensitive" } },
        orderBy: { createdAt: "desc" },
        select: CYCLE_SELECT,
      }));
    if (!row) throw notFound(`There is no review cycle called "${ref.slice(0, 80)}".`);
    return toCycle(row);
  }
  const row =
    (await prisma.reviewCycle.findFirst({
      where: { status: "active" },
      orderBy: { launchedAt: "desc" },
      select: CYCLE_SELECT,
    })) ?? (await prisma.reviewCycle.findFirst({ orderBy: { createdAt: "desc" }, select: CYCLE_SELECT }));
  if (!row) throw notFound("There is no review cycle yet.");
  return toCycle(row);
}

export function cycleIsActive(cycle: Pick<CycleRecord, "status" | "name">): void {
  if (cycle.status === "draft")
    throw new AppError("CONFLICT", `The review cycle "${cycle.name}" hasn't been launched yet.`);
  if (cycle.status === "closed") throw new AppError("CONFLICT", `The review cycle "${cycle.name}" is closed.`);
}

/** Outbox keys: deterministic per review (or per person and nudge run), so a retried request adds nothing. */
export const reviewKeys = {
  selfRequest: (reviewId: string) => `review-self-request:${reviewId}`,
  managerRequest: (reviewId: string) => `review-manager-request:${reviewId}`,
  releaseReady: (reviewId: string) => `review-release-ready:${reviewId}`,
  released: (reviewId: string) => `review-released:${reviewId}`,
  autoNudge: (reviewId: string, dueDate: string, milestone: "3d" | "1d") =>
    `review-nudge:${reviewId}:${dueDate}:${milestone}`,
  manualNudge: (runId: string, personId: string) => `review-nudge-run:${runId}:${personId}`,
};

export const REVIEW_NUDGE_KIND = "review.nudge";

/** Cancels automatic nudges still queued for these reviews (their author has nothing left to do). */
export async function cancelQueuedNudges(tx: Tx, reviewIds: string[], reason: string, now: Date): Promise<void> {
  if (reviewIds.length === 0) return;
  await tx.delivery.updateMany({
    where: {
      status: "pending",
      kind: REVIEW_NUDGE_KIND,
      OR: reviewIds.map((id) => ({ key: { startsWith: `review-nudge:${id}:` } })),
    },
    data: { status: "cancelled", lastError: reason, updatedAt: now },
  });
}

/** "Friday 11 December": a due date as people read it. */
export function dueDateLabel(isoDate: string): string {
  const date = DateTime.fromISO(isoDate, { zone: "UTC" });
  return date.isValid ? date.setLocale("en-GB").toFormat("cccc d LLLL") : isoDate;
}

export function zoneOf(ctx: DomainContext, timeZone: string): string {
  return isIanaTimeZone(timeZone) ? timeZone : ctx.org.defaultTimeZone;
}

/** True once `isoDate` has begun in `zone` (the local date at `now` is on or after it). */
export function localDateReached(isoDate: string, zone: string, now: Date): boolean {
  return DateTime.fromJSDate(now, { zone }).toISODate()! >= isoDate;
}
