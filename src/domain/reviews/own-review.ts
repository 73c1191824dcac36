// The review the actor is about to write: theirs (the author), in an active cycle, not yet submitted.
import { AppError, forbidden, notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { cycleIsActive, loadActor } from "./review-access.ts";
import { storedQuestions } from "./review-answers.ts";
import type { ReviewQuestion } from "./review.schemas.ts";

export interface WritableReview {
  id: string;
  kind: "self" | "manager";
  cycleId: string;
  cycleName: string;
  subjectId: string;
  subjectName: string;
  authorId: string;
  questions: ReviewQuestion[];
  managerDueDate: string;
}

export async function loadWritableReview(
  ctx: DomainContext,
  actorId: string,
  reviewId: string,
): Promise<WritableReview> {
  const actor = await loadActor(ctx, actorId);
  const review = await ctx.prisma.review.findUnique({
    where: { id: reviewId },
    include: {
      cycle: { select: { name: true, status: true, questions: true, managerDueDate: true } },
      subject: { select: { name: true } },
    },
  });
  if (!review) throw notFound("That review couldn't be found.");
  if (review.authorId !== actor.id) throw forbidden("Sorry, this review isn't yours to write.");
  cycleIsActive(review.cycle);
  if (review.status === "submitted") throw alreadySubmitted();
  return {
    id: review.id,
    kind: review.kind,
    cycleId: review.cycleId,
    cycleName: review.cycle.name,
    subjectId: review.subjectId,
    subjectName: review.subject.name,
    authorId: review.authorId,
    questions: storedQuestions(review.cycle.questions),
    managerDueDate: review.cycle.managerDueDate,
  };
}

export function alreadySubmitted(): AppError {
  return new AppError(
    "CONFLICT",
    "This review is already submitted, so it can't be changed. Ask HR if it needs reopening.",
  );
}
