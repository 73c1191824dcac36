// "Cancel" on a preview: the draft and its text are deleted at once. Only the giver's click deletes anything.
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { CancelFeedbackDraftInput, type CancelFeedbackDraftOptions } from "./feedback.schemas.ts";

export async function cancelFeedbackDraft(
  ctx: DomainContext,
  options: CancelFeedbackDraftOptions,
): Promise<{ cancelled: boolean }> {
  const input = parseInput(CancelFeedbackDraftInput, options);
  const deleted = await ctx.prisma.feedbackDraft.deleteMany({ where: { id: input.draftId, giverId: input.giverId } });
  return { cancelled: deleted.count > 0 };
}
