// What the answer form shows: the request, for the person it was sent to only. A replayed "Answer" click by
// anyone else is refused before a form opens.
import { AppError } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { FeedbackAskInput, type FeedbackAskOptions } from "./feedback.schemas.ts";
import { alreadyClosed } from "./give-feedback.ts";

export interface FeedbackAskView {
  askId: string;
  subjectId: string;
  subjectName: string;
  requesterName: string;
  aboutRequester: boolean;
  topic: string;
  /** Who will read the answer, subject first. */
  readerNames: string[];
}

export const NOT_YOUR_ASK = "This feedback request was sent to someone else, so you can't answer it.";

/** Loads a pending ask for the person it was sent to; anyone else, or an ask already closed, is refused. */
export async function getFeedbackAsk(ctx: DomainContext, options: FeedbackAskOptions): Promise<FeedbackAskView> {
  const input = parseInput(FeedbackAskInput, options);
  const ask = await ctx.prisma.feedbackAsk.findUnique({
    where: { id: input.askId },
    select: {
      id: true,
      askedId: true,
      status: true,
      request: { select: { requesterId: true, subjectId: true, topic: true, sharedWithId: true } },
    },
  });
  if (!ask || ask.askedId !== input.personId) throw new AppError("FORBIDDEN", NOT_YOUR_ASK);
  if (ask.status !== "pending") throw alreadyClosed(ask.status);
  const { request } = ask;
  const ids = [request.subjectId, request.requesterId, ...(request.sharedWithId ? [request.sharedWithId] : [])];
  const names = new Map(
    (await ctx.prisma.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map(
      (person) => [person.id, person.name],
    ),
  );
  return {
    askId: ask.id,
    subjectId: request.subjectId,
    subjectName: names.get(request.subjectId) ?? "",
    requesterName: names.get(request.requesterId) ?? "",
    aboutRequester: request.requesterId === request.subjectId,
    topic: request.topic,
    readerNames: [request.subjectId, ...(request.sharedWithId ? [request.sharedWithId] : [])].map(
      (id) => names.get(id) ?? "",
    ),
  };
}
