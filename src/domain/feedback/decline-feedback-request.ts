// The asked person declines: the ask is closed and can no longer be answered. Only they can decline it.
import { AppError } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { DeclineFeedbackRequestInput, type DeclineFeedbackRequestOptions } from "./feedback.schemas.ts";
import { getFeedbackAsk } from "./get-feedback-ask.ts";

export async function declineFeedbackRequest(
  ctx: DomainContext,
  options: DeclineFeedbackRequestOptions,
): Promise<{ subjectName: string }> {
  const input = parseInput(DeclineFeedbackRequestInput, options);
  const ask = await getFeedbackAsk(ctx, { askId: input.askId, personId: input.answererId });
  const closed = await ctx.prisma.feedbackAsk.updateMany({
    where: { id: ask.askId, askedId: input.answererId, status: "pending" },
    data: { status: "declined" },
  });
  if (closed.count === 0) throw new AppError("CONFLICT", "This feedback request was already answered or declined.");
  ctx.logger.info({ askId: ask.askId }, "feedback request declined");
  return { subjectName: ask.subjectName };
}
