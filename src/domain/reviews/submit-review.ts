// Submits a review: every question answered, then final until HR reopens it. A submitted self-review asks the
// manager for theirs ("Review <name>") through the outbox, under the same key the manager-due-date job uses, so the
// manager gets that DM once whichever comes first. Queued nudges for this review are cancelled.
import type { DomainContext } from "../context.ts";
import { enqueueDeliveries } from "../notifications/outbox.ts";
import { parseInput } from "../validation.ts";
import { alreadySubmitted, loadWritableReview } from "./own-review.ts";
import { cancelQueuedNudges, dueDateLabel, reviewKeys } from "./review-access.ts";
import { readReviewAnswers } from "./review-answers.ts";
import { ReviewIdSchema } from "./review.schemas.ts";

export const REVIEW_MANAGER_REQUEST_KIND = "review.manager-requested";

export interface SubmitReviewOptions {
  actorId: string;
  reviewId: string;
  answers: unknown;
}

export interface SubmittedReview {
  reviewId: string;
  kind: "self" | "manager";
  cycleName: string;
  subjectName: string;
  /** Self-reviews: whether a manager was asked for their review now. */
  managerAsked: boolean;
}

/** Throws ReviewValidationError (per question) when anything is missing or malformed; nothing is stored then. */
export async function submitReview(ctx: DomainContext, options: SubmitReviewOptions): Promise<SubmittedReview> {
  const review = await loadWritableReview(ctx, options.actorId, parseInput(ReviewIdSchema, options.reviewId));
  const answers = readReviewAnswers(review.questions, options.answers, "final");
  const now = ctx.clock.now();
  const managerAsked = await ctx.prisma.$transaction(async (tx) => {
    const submitted = await tx.review.updateMany({
      where: { id: review.id, status: { in: ["pending", "draft"] } },
      data: { status: "submitted", answers, submittedAt: now, updatedAt: now },
    });
    if (submitted.count === 0) throw alreadySubmitted();
    await cancelQueuedNudges(tx, [review.id], "review already submitted", now);
    if (review.kind !== "self") return false;
    const managerReview = await tx.review.findUnique({
      where: { cycleId_subjectId_kind: { cycleId: review.cycleId, subjectId: review.subjectId, kind: "manager" } },
      select: { id: true, authorId: true, status: true },
    });
    if (!managerReview || managerReview.status === "submitted") return false;
    const queued = await enqueueDeliveries(
      tx,
      [
        {
          key: reviewKeys.managerRequest(managerReview.id),
          kind: REVIEW_MANAGER_REQUEST_KIND,
          target: { kind: "person", personId: managerReview.authorId },
          message: {
            type: "review.manager-requested",
            reviewId: managerReview.id,
            cycleName: review.cycleName,
            subjectName: review.subjectName,
            dueLabel: dueDateLabel(review.managerDueDate),
            selfSubmitted: true,
          },
          notBefore: now,
          respectQuietHours: true,
        },
      ],
      now,
    );
    return queued > 0;
  });
  ctx.logger.info({ reviewId: review.id, kind: review.kind }, "review submitted");
  return {
    reviewId: review.id,
    kind: review.kind,
    cycleName: review.cycleName,
    subjectName: review.subjectName,
    managerAsked,
  };
}
