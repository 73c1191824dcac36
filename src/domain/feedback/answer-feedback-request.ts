// Answers a feedback request, once: only the person it was sent to can answer (a replayed button or form from
// anyone else is refused and nothing is stored), and an answer can't be changed after it's sent. The answer
// reaches the subject and the reader fixed when the request was made.
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { AnswerFeedbackRequestInput, type AnswerFeedbackRequestOptions } from "./feedback.schemas.ts";
import { getFeedbackAsk } from "./get-feedback-ask.ts";
import { giveFeedback, type GiveFeedbackResult } from "./give-feedback.ts";

export async function answerFeedbackRequest(
  ctx: DomainContext,
  options: AnswerFeedbackRequestOptions,
): Promise<GiveFeedbackResult> {
  const input = parseInput(AnswerFeedbackRequestInput, options);
  const ask = await getFeedbackAsk(ctx, { askId: input.askId, personId: input.answererId });
  return giveFeedback(ctx, {
    giverId: input.answererId,
    recipientId: ask.subjectId,
    text: input.text,
    // The ask fixes the audience and reader; this value is not used for answers.
    audience: "recipient",
    requestKey: `ask:${ask.askId}`,
    askId: ask.askId,
  });
}
