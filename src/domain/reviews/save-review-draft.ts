// Saves what the author has written so far. Anything may be blank; what is there must be well formed. Closing the
// form after a save loses nothing: the form reopens with these answers.
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { alreadySubmitted, loadWritableReview } from "./own-review.ts";
import { readReviewAnswers } from "./review-answers.ts";
import { ReviewIdSchema, type ReviewAnswers } from "./review.schemas.ts";

export interface SaveReviewDraftOptions {
  actorId: string;
  reviewId: string;
  answers: unknown;
}

export interface SavedReviewDraft {
  reviewId: string;
  kind: "self" | "manager";
  cycleName: string;
  subjectName: string;
  answered: number;
  questionCount: number;
}

export async function saveReviewDraft(ctx: DomainContext, options: SaveReviewDraftOptions): Promise<SavedReviewDraft> {
  const review = await loadWritableReview(ctx, options.actorId, parseInput(ReviewIdSchema, options.reviewId));
  const answers: ReviewAnswers = readReviewAnswers(review.questions, options.answers, "draft");
  // Conditional on "not submitted": a draft saved in the same instant as a submission never overwrites it.
  const saved = await ctx.prisma.review.updateMany({
    where: { id: review.id, status: { in: ["pending", "draft"] } },
    data: { status: "draft", answers, updatedAt: ctx.clock.now() },
  });
  if (saved.count === 0) throw alreadySubmitted();
  return {
    reviewId: review.id,
    kind: review.kind,
    cycleName: review.cycleName,
    subjectName: review.subjectName,
    answered: Object.keys(answers).length,
    questionCount: review.questions.length,
  };
}
