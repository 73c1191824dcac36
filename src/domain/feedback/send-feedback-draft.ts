// The giver's "Send" click on a preview. The draft id is the request key, so a double click (or clicking both
// send buttons) stores and sends once; a click by anyone but the giver finds nothing.
import { notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { SendFeedbackDraftInput, type SendFeedbackDraftOptions } from "./feedback.schemas.ts";
import { findByRequestKey, giveFeedback, type GiveFeedbackResult } from "./give-feedback.ts";

const GONE =
  "This preview has expired or was already handled, so nothing was sent. Please type the feedback command again.";

export async function sendFeedbackDraft(
  ctx: DomainContext,
  options: SendFeedbackDraftOptions,
): Promise<GiveFeedbackResult> {
  const input = parseInput(SendFeedbackDraftInput, options);
  const requestKey = `draft:${input.draftId}`;
  const draft = await ctx.prisma.feedbackDraft.findUnique({ where: { id: input.draftId } });
  if (!draft || draft.giverId !== input.giverId) {
    const sent = await findByRequestKey(ctx, requestKey, input.giverId);
    if (sent) return sent;
    throw notFound(GONE);
  }
  if (draft.expiresAt <= ctx.clock.now()) {
    await ctx.prisma.feedbackDraft.deleteMany({ where: { id: draft.id } });
    throw notFound(GONE);
  }
  // A refusal (sharing with a manager who doesn't exist) keeps the draft, so the giver can pick the other button.
  const result = await giveFeedback(ctx, {
    giverId: draft.giverId,
    recipientId: draft.recipientId,
    text: draft.text,
    audience: input.audience,
    requestKey,
  });
  await ctx.prisma.feedbackDraft.deleteMany({ where: { id: draft.id } });
  return result;
}
