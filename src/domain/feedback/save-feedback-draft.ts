// Feedback typed in a chat command waits here while the giver reads the preview: the "Send" buttons carry only
// the draft id (Slack button values hold 2,000 characters, the feedback alone may be that long). Drafts live for
// DRAFT_TTL_MINUTES and are deleted when sent or cancelled; each new draft purges the expired ones.
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { SaveFeedbackDraftInput, type SaveFeedbackDraftOptions } from "./feedback.schemas.ts";
import { previewFeedback, type FeedbackPreview } from "./preview-feedback.ts";

export const DRAFT_TTL_MINUTES = 30;

export interface SavedFeedbackDraft {
  draftId: string;
  /** Who reads it with each choice of audience. */
  preview: FeedbackPreview;
}

export async function saveFeedbackDraft(
  ctx: DomainContext,
  options: SaveFeedbackDraftOptions,
): Promise<SavedFeedbackDraft> {
  const input = parseInput(SaveFeedbackDraftInput, options);
  // Refusals (yourself, an inactive recipient, a deactivated giver) come before anything is stored.
  const preview = await previewFeedback(ctx, {
    giverId: input.giverId,
    recipientId: input.recipientId,
    audience: "recipient",
  });
  const now = ctx.clock.now();
  await ctx.prisma.feedbackDraft.deleteMany({ where: { expiresAt: { lt: now } } });
  const draft = await ctx.prisma.feedbackDraft.create({
    data: {
      giverId: input.giverId,
      recipientId: input.recipientId,
      text: input.text,
      createdAt: now,
      expiresAt: new Date(now.getTime() + DRAFT_TTL_MINUTES * 60_000),
    },
    select: { id: true },
  });
  return { draftId: draft.id, preview };
}
