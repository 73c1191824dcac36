// The manager shares their submitted review with the report once the cycle is closed; the report gets a DM with
// "Read my review". Before this, the report cannot read it. Sharing twice is harmless (one DM).
import { AppError, forbidden, notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { enqueueDeliveries } from "../notifications/outbox.ts";
import { parseInput } from "../validation.ts";
import { loadActor, reviewKeys } from "./review-access.ts";
import { ReviewIdSchema } from "./review.schemas.ts";

export const REVIEW_RELEASED_KIND = "review.released";

export interface ReleasedReview {
  reviewId: string;
  subjectName: string;
  /** False when it had already been shared. */
  releasedNow: boolean;
}

export async function releaseReview(
  ctx: DomainContext,
  options: { actorId: string; reviewId: string },
): Promise<ReleasedReview> {
  const actor = await loadActor(ctx, options.actorId);
  const review = await ctx.prisma.review.findUnique({
    where: { id: parseInput(ReviewIdSchema, options.reviewId) },
    include: { cycle: { select: { name: true, status: true } }, subject: { select: { name: true } } },
  });
  if (!review || review.kind !== "manager") throw notFound("That review couldn't be found.");
  if (review.authorId !== actor.id) throw forbidden("Sorry, only the manager who wrote this review can share it.");
  if (review.cycle.status !== "closed")
    throw new AppError("CONFLICT", "Reviews can be shared once HR has closed the cycle.");
  if (review.status !== "submitted")
    throw new AppError("CONFLICT", "This review was never submitted, so there is nothing to share.");
  const now = ctx.clock.now();
  const releasedNow = await ctx.prisma.$transaction(async (tx) => {
    const released = await tx.review.updateMany({
      where: { id: review.id, releasedAt: null },
      data: { releasedAt: now },
    });
    if (released.count === 0) return false;
    await enqueueDeliveries(
      tx,
      [
        {
          key: reviewKeys.released(review.id),
          kind: REVIEW_RELEASED_KIND,
          target: { kind: "person", personId: review.subjectId },
          message: {
            type: "review.released",
            reviewId: review.id,
            cycleName: review.cycle.name,
            managerName: actor.name,
          },
          notBefore: now,
        },
      ],
      now,
    );
    return true;
  });
  return { reviewId: review.id, subjectName: review.subject.name, releasedNow };
}
