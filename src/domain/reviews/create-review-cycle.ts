// HR creates a review cycle as a draft: who takes part, the two due dates and the questions (the default template
// unless edited). Nothing is sent until it is launched.
import { DateTime } from "luxon";
import { validationError } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { requireRole } from "../people/person.ts";
import { parseInput } from "../validation.ts";
import { dueDateDayOffWarnings } from "./due-date-days-off.ts";
import { resolveParticipants } from "./participants.ts";
import { loadActor } from "./review-access.ts";
import {
  CreateReviewCycleSchema,
  defaultReviewQuestions,
  QuestionsSchema,
  type CreateReviewCycleInput,
  type ReviewQuestion,
} from "./review.schemas.ts";

export type CreateReviewCycleOptions = CreateReviewCycleInput;

export interface CreatedReviewCycle {
  cycleId: string;
  name: string;
  participantCount: number;
  managerReviewCount: number;
  selfDueDate: string;
  managerDueDate: string;
  questions: ReviewQuestion[];
  /** Due dates that fall on a holiday or closure of many of the people writing by then. */
  dueDateWarnings: string[];
}

export async function createReviewCycle(
  ctx: DomainContext,
  options: CreateReviewCycleOptions,
): Promise<CreatedReviewCycle> {
  const input = parseInput(CreateReviewCycleSchema, options);
  const actor = await loadActor(ctx, input.actorId);
  requireRole(actor, "hr", "create a review cycle");
  const today = DateTime.fromJSDate(ctx.clock.now(), { zone: ctx.org.defaultTimeZone }).toISODate()!;
  if (input.selfDueDate <= today) throw validationError("The self-review due date must be in the future.");
  if (input.managerDueDate < input.selfDueDate)
    throw validationError("The manager-review due date can't be before the self-review due date.");
  const questions = parseInput(QuestionsSchema, input.questions ?? defaultReviewQuestions(ctx.org.kudosValues));
  // Resolved now so HR sees at once who the cycle covers (and an empty organisation is refused); launch resolves
  // again, so people who join before the launch take part.
  const participants = await resolveParticipants(ctx, input.participants);
  const ids = new Set(participants.map((person) => person.id));
  const managerReviewCount = participants.filter((person) => person.managerId !== null).length;
  const cycle = await ctx.prisma.reviewCycle.create({
    data: {
      name: input.name,
      createdById: actor.id,
      participants: input.participants,
      selfDueDate: input.selfDueDate,
      managerDueDate: input.managerDueDate,
      questions: questions as unknown as object,
      createdAt: ctx.clock.now(),
    },
    select: { id: true },
  });
  await ctx.prisma.auditEvent.create({
    data: {
      createdAt: ctx.clock.now(),
      actor: actor.id,
      action: "review-cycle.created",
      subject: cycle.id,
      detail: { participants: ids.size },
    },
  });
  ctx.logger.info({ cycleId: cycle.id, participants: ids.size }, "review cycle created");
  const dueDateWarnings = await dueDateDayOffWarnings(ctx, participants, input);
  return {
    cycleId: cycle.id,
    name: input.name,
    participantCount: ids.size,
    managerReviewCount,
    selfDueDate: input.selfDueDate,
    managerDueDate: input.managerDueDate,
    questions,
    dueDateWarnings,
  };
}
