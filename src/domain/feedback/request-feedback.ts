// Asks several people for feedback on a person about a topic: on yourself, or (managers) on a direct report, or
// (HR) on anyone. Each asked person gets a DM with "Answer" and "Decline"; the DM says who will read the answer.
// Who that is gets fixed now: the subject, plus their manager when a self-request is shared, or plus whoever
// asked when it is about someone else.
import { randomUUID } from "node:crypto";
import { forbidden, validationError } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { enqueueDeliveries, type NewDelivery } from "../notifications/outbox.ts";
import { hasRole } from "../people/person.ts";
import { parseInput } from "../validation.ts";
import { RequestFeedbackInput, type FeedbackAudience, type RequestFeedbackOptions } from "./feedback.schemas.ts";
import {
  loadFeedbackPeople,
  requireActiveActor,
  requireActivePerson,
  sharedReaderFor,
  type FeedbackPerson,
} from "./feedback-people.ts";

export interface RequestFeedbackResult {
  requestId: string;
  /** True when this request had already been made (a retry): nobody was asked twice. */
  duplicate: boolean;
  subjectName: string;
  askedNames: string[];
  /** Who will read the answers, subject first. */
  readerNames: string[];
  /** Asked people Momentum can't DM yet. */
  unreachableNames: string[];
}

export async function requestFeedback(
  ctx: DomainContext,
  options: RequestFeedbackOptions,
): Promise<RequestFeedbackResult> {
  const input = parseInput(RequestFeedbackInput, options);
  const askedIds = [...new Set(input.askedIds)];
  const previous = await findRequest(ctx, input.requestKey);
  if (previous) return previous;

  const people = await loadFeedbackPeople(ctx.prisma, [input.requesterId, input.subjectId, ...askedIds]);
  const requester = requireActiveActor(people, input.requesterId, "ask for feedback");
  const subject = requireActivePerson(people, input.subjectId, "receive feedback");
  const aboutSelf = subject.id === requester.id;
  if (!aboutSelf) requireMayAskAbout(requester, subject);
  const asked = askedIds.map((id) => requireActivePerson(people, id, "be asked for feedback"));
  for (const person of asked) {
    if (person.id === subject.id)
      throw validationError(
        aboutSelf
          ? "You can't ask yourself for feedback: mention the people you'd like to hear from."
          : `${subject.name} can't be asked for feedback about themselves.`,
      );
    if (person.id === requester.id)
      throw validationError("Ask other people: to give your own feedback, use the feedback command with their name.");
  }
  const sharedWith = aboutSelf ? sharedReaderFor(subject, input.audience) : { id: requester.id, name: requester.name };
  // About someone else, a manager asking is sharing with the manager; HR asking is recorded as HR being the reader.
  const audience: FeedbackAudience = aboutSelf
    ? input.audience
    : subject.manager?.id === requester.id
      ? "recipient_and_manager"
      : "recipient";
  const readerNames = [subject.name, ...(sharedWith ? [sharedWith.name] : [])];

  const requestId = randomUUID();
  const asks = asked.map((person) => ({ id: randomUUID(), person }));
  const now = ctx.clock.now();
  const stored = await ctx.prisma.$transaction(async (tx) => {
    const inserted = await tx.feedbackRequest.createMany({
      data: [
        {
          id: requestId,
          requestKey: input.requestKey,
          requesterId: requester.id,
          subjectId: subject.id,
          topic: input.topic,
          audience,
          sharedWithId: sharedWith?.id ?? null,
          createdAt: now,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return false;
    await tx.feedbackAsk.createMany({
      data: asks.map((ask) => ({ id: ask.id, requestId, askedId: ask.person.id, createdAt: now })),
    });
    const deliveries: NewDelivery[] = asks.map((ask) => ({
      key: `feedback-ask:${ask.id}`,
      kind: "feedback.requested",
      target: { kind: "person", personId: ask.person.id },
      message: {
        type: "feedback.requested",
        askId: ask.id,
        requesterName: requester.name,
        subjectName: subject.name,
        aboutRequester: aboutSelf,
        topic: input.topic,
        readerNames,
      },
    }));
    await enqueueDeliveries(tx, deliveries, now);
    return true;
  });
  if (!stored) return (await findRequest(ctx, input.requestKey))!;

  ctx.logger.info({ requestId, asked: asks.length, aboutSelf }, "feedback requested");
  return {
    requestId,
    duplicate: false,
    subjectName: subject.name,
    askedNames: asked.map((person) => person.name),
    readerNames,
    unreachableNames: asked.filter((person) => !person.reachable).map((person) => person.name),
  };
}

function requireMayAskAbout(requester: FeedbackPerson, subject: FeedbackPerson): void {
  if (hasRole(requester, "hr")) return;
  if (!hasRole(requester, "manager"))
    throw forbidden("You can ask for feedback about yourself; managers can also ask about their direct reports.");
  if (subject.manager?.id !== requester.id)
    throw forbidden(`${subject.name} isn't one of your direct reports, so you can't ask for feedback about them.`);
}

async function findRequest(ctx: DomainContext, requestKey: string): Promise<RequestFeedbackResult | null> {
  const row = await ctx.prisma.feedbackRequest.findUnique({
    where: { requestKey },
    select: { id: true, subjectId: true, sharedWithId: true, asks: { select: { askedId: true } } },
  });
  if (!row) return null;
  const ids = [row.subjectId, ...(row.sharedWithId ? [row.sharedWithId] : []), ...row.asks.map((ask) => ask.askedId)];
  const names = new Map(
    (await ctx.prisma.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map(
      (person) => [person.id, person.name],
    ),
  );
  return {
    requestId: row.id,
    duplicate: true,
    subjectName: names.get(row.subjectId) ?? "",
    askedNames: row.asks.map((ask) => names.get(ask.askedId) ?? ""),
    readerNames: [row.subjectId, ...(row.sharedWithId ? [row.sharedWithId] : [])].map((id) => names.get(id) ?? ""),
    unreachableNames: [],
  };
}
