// The feedback a person may read, newest first: what they received, and what was shared with them (as the
// recipient's manager, or because they asked for it), each clearly marked. This and the DMs are the only places
// feedback text is ever read.
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { ListFeedbackInput, type ListFeedbackOptions } from "./feedback.schemas.ts";
import { feedbackReadableBy } from "./feedback-people.ts";

export type FeedbackListReason = "to-you" | "shared-as-manager" | "you-asked";

export interface FeedbackListItem {
  id: string;
  /** Null when the giver's account was removed. */
  giverName: string | null;
  recipientName: string;
  text: string;
  createdAt: Date;
  /** The request it answers, if any. */
  topic: string | null;
  reason: FeedbackListReason;
}

export async function listFeedbackForMe(ctx: DomainContext, options: ListFeedbackOptions): Promise<FeedbackListItem[]> {
  const input = parseInput(ListFeedbackInput, options);
  const rows = await ctx.prisma.feedback.findMany({
    where: feedbackReadableBy(input.personId),
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: input.limit,
    select: {
      id: true,
      text: true,
      createdAt: true,
      recipientId: true,
      giver: { select: { name: true } },
      recipient: { select: { name: true } },
      ask: { select: { request: { select: { topic: true, requesterId: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    giverName: row.giver?.name ?? null,
    recipientName: row.recipient.name,
    text: row.text,
    createdAt: row.createdAt,
    topic: row.ask?.request.topic ?? null,
    reason:
      row.recipientId === input.personId
        ? "to-you"
        : row.ask?.request.requesterId === input.personId
          ? "you-asked"
          : "shared-as-manager",
  }));
}
