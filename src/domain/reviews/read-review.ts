// Reading a finished review. Its author can always read it; the report reads their manager's review only once the
// manager shared it. Nobody else can, whatever id they send (HR uses the export).
import { forbidden, notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { loadActor } from "./review-access.ts";
import { storedAnswers, storedQuestions } from "./review-answers.ts";
import { ReviewIdSchema, type ReviewAnswers, type ReviewQuestion } from "./review.schemas.ts";

export interface ReadableReview {
  reviewId: string;
  kind: "self" | "manager";
  cycleName: string;
  subjectName: string;
  authorName: string;
  submittedAt: Date | null;
  questions: ReviewQuestion[];
  answers: ReviewAnswers;
}

export async function readReview(
  ctx: DomainContext,
  options: { actorId: string; reviewId: string },
): Promise<ReadableReview> {
  const actor = await loadActor(ctx, options.actorId);
  const review = await ctx.prisma.review.findUnique({
    where: { id: parseInput(ReviewIdSchema, options.reviewId) },
    include: {
      cycle: { select: { name: true, questions: true } },
      subject: { select: { name: true } },
      author: { select: { name: true } },
    },
  });
  if (!review) throw notFound("That review couldn't be found.");
  const isAuthor = review.authorId === actor.id;
  const isReleasedToSubject =
    review.subjectId === actor.id &&
    review.kind === "manager" &&
    review.releasedAt !== null &&
    review.status === "submitted";
  if (!isAuthor && !isReleasedToSubject) {
    throw forbidden(
      review.subjectId === actor.id
        ? "Your manager hasn't shared this review with you yet."
        : "Sorry, you can't read this review.",
    );
  }
  return {
    reviewId: review.id,
    kind: review.kind,
    cycleName: review.cycle.name,
    subjectName: review.subject.name,
    authorName: review.author.name,
    submittedAt: review.submittedAt,
    questions: storedQuestions(review.cycle.questions),
    answers: storedAnswers(review.answers),
  };
}
