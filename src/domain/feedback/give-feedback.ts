// Gives private feedback: stored once per request, and in the same transaction a DM is queued to the recipient
// and, when shared, to the one other reader (their manager, or whoever asked for it). The DMs carry the text:
// they are 1:1 messages to the intended readers only, never a channel post.
import { randomUUID } from "node:crypto";
import { AppError, validationError } from "../../shared/errors.ts";
import type { DomainContext, Tx } from "../context.ts";
import { enqueueDeliveries, type NewDelivery } from "../notifications/outbox.ts";
import { parseInput } from "../validation.ts";
import { GiveFeedbackInput, type FeedbackAudience, type GiveFeedbackOptions } from "./feedback.schemas.ts";
import {
  loadFeedbackPeople,
  requireActiveActor,
  requireActivePerson,
  sharedReaderFor,
  type FeedbackPerson,
} from "./feedback-people.ts";

export interface GiveFeedbackResult {
  feedbackId: string;
  /** True when this request had already been handled (a double click, a retry): nothing new was stored or sent. */
  duplicate: boolean;
  recipientName: string;
  audience: FeedbackAudience;
  /** The one other reader, if any. */
  sharedWithName: string | null;
  /** Readers Momentum can't DM yet: the feedback is stored, and they can read it in their feedback list. */
  unreachableNames: string[];
}

interface Reader {
  id: string;
  name: string;
  reason: "manager" | "requester";
}

export async function giveFeedback(ctx: DomainContext, options: GiveFeedbackOptions): Promise<GiveFeedbackResult> {
  const input = parseInput(GiveFeedbackInput, options);
  if (input.giverId === input.recipientId)
    throw validationError("Feedback is for someone else: you can't give feedback to yourself.");
  const previous = await findByRequestKey(ctx, input.requestKey);
  if (previous) return previous;

  const ask = input.askId ? await loadAsk(ctx, input.askId, input.giverId, input.recipientId) : null;
  const people = await loadFeedbackPeople(ctx.prisma, [
    input.giverId,
    input.recipientId,
    ...(ask?.sharedWithId ? [ask.sharedWithId] : []),
  ]);
  const giver = requireActiveActor(people, input.giverId, "give feedback");
  const recipient = requireActivePerson(people, input.recipientId, "receive feedback");
  const audience = ask ? ask.audience : input.audience;
  const shared = ask ? askReader(people, ask) : withReason(sharedReaderFor(recipient, audience), "manager");

  const feedbackId = randomUUID();
  const now = ctx.clock.now();
  const stored = await ctx.prisma.$transaction(async (tx) => {
    // Answering closes the ask under its row lock: of two racing answers, the second finds it answered.
    if (ask) await closeAsk(tx, ask.id, giver.id);
    const inserted = await tx.feedback.createMany({
      data: [
        {
          id: feedbackId,
          requestKey: input.requestKey,
          giverId: giver.id,
          recipientId: recipient.id,
          text: input.text,
          audience,
          askId: ask?.id ?? null,
          sharedWithId: shared?.id ?? null,
          createdAt: now,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return false; // the same request racing itself: the other copy stored and queued it
    await enqueueDeliveries(
      tx,
      deliveriesFor({ feedbackId, giver, recipient, shared, text: input.text, topic: ask?.topic ?? null }),
      now,
    );
    return true;
  });
  if (!stored) return (await findByRequestKey(ctx, input.requestKey))!;

  ctx.logger.info({ feedbackId, audience, answersAsk: Boolean(ask) }, "feedback given");
  const readers = [recipient, ...(shared && shared.id !== giver.id ? [people.get(shared.id)] : [])].filter(
    (person): person is FeedbackPerson => Boolean(person),
  );
  return {
    feedbackId,
    duplicate: false,
    recipientName: recipient.name,
    audience,
    sharedWithName: shared?.name ?? null,
    unreachableNames: readers.filter((person) => !person.reachable).map((person) => person.name),
  };
}

function deliveriesFor(options: {
  feedbackId: string;
  giver: FeedbackPerson;
  recipient: FeedbackPerson;
  shared: Reader | null;
  text: string;
  topic: string | null;
}): NewDelivery[] {
  const { feedbackId, giver, recipient, shared, text, topic } = options;
  const common = {
    feedbackId,
    giverName: giver.name,
    recipientName: recipient.name,
    text,
    topic,
    sharedWithName: shared?.name ?? null,
    sharedReason: shared?.reason ?? null,
  };
  const deliveries: NewDelivery[] = [
    {
      key: `feedback-dm:${feedbackId}:recipient`,
      kind: "feedback.received",
      target: { kind: "person", personId: recipient.id },
      message: { type: "feedback.received", reader: "recipient", ...common },
    },
  ];
  // The giver wrote it: a manager giving shared feedback to their own report gets no copy of their own words.
  if (shared && shared.id !== giver.id) {
    deliveries.push({
      key: `feedback-dm:${feedbackId}:shared`,
      kind: "feedback.received",
      target: { kind: "person", personId: shared.id },
      message: { type: "feedback.received", reader: "shared", ...common },
    });
  }
  return deliveries;
}

function withReason(reader: { id: string; name: string } | null, reason: Reader["reason"]): Reader | null {
  return reader ? { ...reader, reason } : null;
}

interface AskToAnswer {
  id: string;
  audience: FeedbackAudience;
  topic: string;
  requesterId: string;
  sharedWithId: string | null;
}

async function loadAsk(ctx: DomainContext, askId: string, giverId: string, recipientId: string): Promise<AskToAnswer> {
  const ask = await ctx.prisma.feedbackAsk.findUnique({
    where: { id: askId },
    select: {
      id: true,
      askedId: true,
      status: true,
      request: { select: { subjectId: true, requesterId: true, topic: true, audience: true, sharedWithId: true } },
    },
  });
  if (!ask || ask.askedId !== giverId || ask.request.subjectId !== recipientId)
    throw new AppError("FORBIDDEN", "This feedback request was sent to someone else, so you can't answer it.");
  if (ask.status !== "pending") throw alreadyClosed(ask.status);
  return {
    id: ask.id,
    audience: ask.request.audience,
    topic: ask.request.topic,
    requesterId: ask.request.requesterId,
    sharedWithId: ask.request.sharedWithId,
  };
}

/** The reader fixed when the request was made; one who has since left reads nothing. */
function askReader(people: Map<string, FeedbackPerson>, ask: AskToAnswer): Reader | null {
  const person = ask.sharedWithId ? people.get(ask.sharedWithId) : undefined;
  if (!person || !person.active) return null;
  return { id: person.id, name: person.name, reason: person.id === ask.requesterId ? "requester" : "manager" };
}

async function closeAsk(tx: Tx, askId: string, answererId: string): Promise<void> {
  const closed = await tx.feedbackAsk.updateMany({
    where: { id: askId, askedId: answererId, status: "pending" },
    data: { status: "answered" },
  });
  if (closed.count === 0) throw alreadyClosed("answered");
}

export function alreadyClosed(status: string): AppError {
  return status === "declined"
    ? new AppError("CONFLICT", "You declined this feedback request, so it can't be answered any more.")
    : new AppError(
        "CONFLICT",
        "You've already answered this feedback request. Answers can't be changed after they're sent.",
      );
}

/** The feedback a request already stored, described for its giver (and only for them). */
export async function findByRequestKey(
  ctx: DomainContext,
  requestKey: string,
  giverId?: string,
): Promise<GiveFeedbackResult | null> {
  const row = await ctx.prisma.feedback.findUnique({
    where: { requestKey },
    select: { id: true, giverId: true, audience: true, sharedWithId: true, recipient: { select: { name: true } } },
  });
  if (!row || (giverId !== undefined && row.giverId !== giverId)) return null;
  const sharedWith = row.sharedWithId
    ? await ctx.prisma.person.findUnique({ where: { id: row.sharedWithId }, select: { name: true } })
    : null;
  return {
    feedbackId: row.id,
    duplicate: true,
    recipientName: row.recipient.name,
    audience: row.audience,
    sharedWithName: sharedWith?.name ?? null,
    unreachableNames: [],
  };
}
