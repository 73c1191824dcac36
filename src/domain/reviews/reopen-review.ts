// HR reopens a submitted review so its author can change it; the answers stay as a draft.
import { AppError, notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { requireRole } from "../people/person.ts";
import { parseInput } from "../validation.ts";
import { cycleIsActive, loadActor } from "./review-access.ts";
import { ReviewIdSchema } from "./review.schemas.ts";

export async function reopenReview(
  ctx: DomainContext,
  options: { actorId: string; reviewId: string },
): Promise<{ reviewId: string; kind: "self" | "manager"; subjectName: string; authorName: string }> {
  const actor = await loadActor(ctx, options.actorId);
  requireRole(actor, "hr", "reopen a review");
  const review = await ctx.prisma.review.findUnique({
    where: { id: parseInput(ReviewIdSchema, options.reviewId) },
    include: {
      cycle: { select: { name: true, status: true } },
      subject: { select: { name: true } },
      author: { select: { name: true } },
    },
  });
  if (!review) throw notFound("That review couldn't be found.");
  cycleIsActive(review.cycle);
  const reopened = await ctx.prisma.review.updateMany({
    where: { id: review.id, status: "submitted" },
    data: { status: "draft", submittedAt: null, updatedAt: ctx.clock.now() },
  });
  if (reopened.count === 0)
    throw new AppError("CONFLICT", "That review isn't submitted, so there is nothing to reopen.");
  await ctx.prisma.auditEvent.create({
    data: { createdAt: ctx.clock.now(), actor: actor.id, action: "review.reopened", subject: review.id },
  });
  return { reviewId: review.id, kind: review.kind, subjectName: review.subject.name, authorName: review.author.name };
}
