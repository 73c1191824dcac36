// HR closes an active cycle: nothing more can be written, queued nudges are cancelled, and each manager whose
// review is submitted gets a DM with "Share with <name>" to release it to the report.
import { AppError } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { enqueueDeliveries } from "../notifications/outbox.ts";
import { requireRole } from "../people/person.ts";
import { parseInput } from "../validation.ts";
import { cancelQueuedNudges, findCycle, loadActor, reviewKeys } from "./review-access.ts";
import { CycleIdSchema } from "./review.schemas.ts";

export const REVIEW_RELEASE_READY_KIND = "review.release-ready";

export interface ClosedReviewCycle {
  cycleId: string;
  name: string;
  /** Manager reviews submitted, each now ready to be shared by its manager. */
  readyToShare: number;
  /** Reviews left unsubmitted when the cycle closed. */
  unfinished: number;
}

export async function closeReviewCycle(
  ctx: DomainContext,
  options: { actorId: string; cycleId: string },
): Promise<ClosedReviewCycle> {
  const actor = await loadActor(ctx, options.actorId);
  requireRole(actor, "hr", "close a review cycle");
  const cycle = await findCycle(ctx, parseInput(CycleIdSchema, options.cycleId));
  if (cycle.status !== "active")
    throw new AppError(
      "CONFLICT",
      cycle.status === "closed"
        ? `The review cycle "${cycle.name}" is already closed.`
        : `The review cycle "${cycle.name}" hasn't been launched yet.`,
    );
  const now = ctx.clock.now();
  const result = await ctx.prisma.$transaction(
    async (tx) => {
      const closed = await tx.reviewCycle.updateMany({
        where: { id: cycle.id, status: "active" },
        data: { status: "closed", closedAt: now },
      });
      if (closed.count === 0) throw new AppError("CONFLICT", `The review cycle "${cycle.name}" is already closed.`);
      const reviews = await tx.review.findMany({
        where: { cycleId: cycle.id },
        select: { id: true, kind: true, status: true, authorId: true, subject: { select: { name: true } } },
      });
      await cancelQueuedNudges(
        tx,
        reviews.map((review) => review.id),
        "review cycle closed",
        now,
      );
      const ready = reviews.filter((review) => review.kind === "manager" && review.status === "submitted");
      await enqueueDeliveries(
        tx,
        ready.map((review) => ({
          key: reviewKeys.releaseReady(review.id),
          kind: REVIEW_RELEASE_READY_KIND,
          target: { kind: "person" as const, personId: review.authorId },
          message: {
            type: "review.release-ready" as const,
            reviewId: review.id,
            cycleName: cycle.name,
            subjectName: review.subject.name,
          },
          notBefore: now,
          respectQuietHours: true,
        })),
        now,
      );
      await tx.auditEvent.create({
        data: { createdAt: ctx.clock.now(), actor: actor.id, action: "review-cycle.closed", subject: cycle.id },
      });
      return {
        readyToShare: ready.length,
        unfinished: reviews.filter((review) => review.status !== "submitted").length,
      };
    },
    { timeout: 60_000 },
  );
  return { cycleId: cycle.id, name: cycle.name, ...result };
}
