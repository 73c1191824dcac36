// HR launches a draft cycle: one self review per participant, one manager review per participant with a manager,
// and a DM to each participant with "Write my self-review" through the outbox, all in one transaction. The draft →
// active switch is a conditional update, so a double click launches once. Reviews and DMs go in bulk (unnest), so a
// launch for 10,000 people is a handful of statements.
import { randomUUID } from "node:crypto";
import { AppError } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { enqueueDeliveries, type NewDelivery } from "../notifications/outbox.ts";
import { requireRole } from "../people/person.ts";
import { parseInput } from "../validation.ts";
import { countUnreachable } from "../directory/list-reachability.ts";
import { insertReviews, type NewReview } from "./insert-reviews.ts";
import { resolveParticipants } from "./participants.ts";
import { dueDateLabel, findCycle, loadActor, reviewKeys } from "./review-access.ts";
import { CycleIdSchema, ParticipantsSchema } from "./review.schemas.ts";

export interface LaunchReviewCycleOptions {
  actorId: string;
  /** The cycle's id or name. */
  cycleId: string;
}

export interface LaunchedReviewCycle {
  cycleId: string;
  name: string;
  selfReviews: number;
  managerReviews: number;
  selfDueDate: string;
  managerDueDate: string;
  /** Participants Momentum can't message on any platform yet: their request waits in the outbox, or fails. */
  unreachable: number;
}

export const REVIEW_SELF_REQUEST_KIND = "review.self-requested";

export async function launchReviewCycle(
  ctx: DomainContext,
  options: LaunchReviewCycleOptions,
): Promise<LaunchedReviewCycle> {
  const actor = await loadActor(ctx, options.actorId);
  requireRole(actor, "hr", "launch a review cycle");
  const cycle = await findCycle(ctx, parseInput(CycleIdSchema, options.cycleId));
  if (cycle.status !== "draft")
    throw new AppError("CONFLICT", `The review cycle "${cycle.name}" was already launched.`);
  const row = await ctx.prisma.reviewCycle.findUniqueOrThrow({
    where: { id: cycle.id },
    select: { participants: true },
  });
  const now = ctx.clock.now();

  const counts = await ctx.prisma.$transaction(
    async (tx) => {
      const switched = await tx.reviewCycle.updateMany({
        where: { id: cycle.id, status: "draft" },
        data: { status: "active", launchedAt: now },
      });
      if (switched.count === 0)
        throw new AppError("CONFLICT", `The review cycle "${cycle.name}" was already launched.`);
      const people = await resolveParticipants({ prisma: tx }, parseInput(ParticipantsSchema, row.participants));
      const managerIds = [...new Set(people.flatMap((person) => (person.managerId ? [person.managerId] : [])))];
      const activeManagers = new Set(
        (await tx.person.findMany({ where: { id: { in: managerIds }, active: true }, select: { id: true } })).map(
          (manager) => manager.id,
        ),
      );
      const reviews: NewReview[] = [];
      const deliveries: NewDelivery[] = [];
      for (const person of people) {
        const selfId = randomUUID();
        reviews.push({ id: selfId, cycleId: cycle.id, kind: "self", subjectId: person.id, authorId: person.id });
        deliveries.push({
          key: reviewKeys.selfRequest(selfId),
          kind: REVIEW_SELF_REQUEST_KIND,
          target: { kind: "person", personId: person.id },
          message: {
            type: "review.self-requested",
            reviewId: selfId,
            cycleName: cycle.name,
            dueLabel: dueDateLabel(cycle.selfDueDate),
          },
          notBefore: now,
          respectQuietHours: true,
        });
        // A manager who left (inactive) writes nothing; HR sees the report without a manager step.
        const managerId = person.managerId;
        if (managerId && activeManagers.has(managerId)) {
          reviews.push({
            id: randomUUID(),
            cycleId: cycle.id,
            kind: "manager",
            subjectId: person.id,
            authorId: managerId,
          });
        }
      }
      await insertReviews(tx, reviews, now);
      await enqueueDeliveries(tx, deliveries, now);
      await tx.auditEvent.create({
        data: {
          createdAt: ctx.clock.now(),
          actor: actor.id,
          action: "review-cycle.launched",
          subject: cycle.id,
          detail: { participants: people.length },
        },
      });
      const unreachable = await countUnreachable(
        { prisma: tx },
        people.map((person) => person.id),
      );
      return { selfReviews: people.length, managerReviews: reviews.length - people.length, unreachable };
    },
    { timeout: 60_000 },
  );
  ctx.logger.info({ cycleId: cycle.id, ...counts }, "review cycle launched");
  return {
    cycleId: cycle.id,
    name: cycle.name,
    ...counts,
    selfDueDate: cycle.selfDueDate,
    managerDueDate: cycle.managerDueDate,
  };
}
