// Creates or edits the person's check-in of the current period. One per person per period: a second submission
// (an edit, a double click, a retried request) updates the same row until the deadline; after it, a new period
// has begun and the submission starts that period's check-in. Goal values changed in the form are recorded in the
// same transaction, and the platform's request key makes the same request sent twice count once.
import { randomUUID } from "node:crypto";
import type { DomainContext, Tx } from "../context.ts";
import {
  CheckInAnswersSchema,
  CHECK_IN_FIELDS,
  PersonIdSchema,
  type CheckInAnswers,
  type CheckInAnswersInput,
  type CheckInField,
} from "./check-in.schemas.ts";
import { CheckInValidationError } from "./check-in-validation-error.ts";
import { loadPersonPeriod, promptDeliveryKey, reminderDeliveryKey } from "./current-period.ts";
import { parseInput } from "../validation.ts";
import {
  recordCheckInGoalProgress,
  type CheckInGoalChange,
  type CheckInGoalProgressResult,
} from "../goals/check-in-goals.ts";
import { onceInTransaction } from "../request-keys.ts";

export interface SubmitCheckInOptions {
  personId: string;
  answers: CheckInAnswersInput;
  /** Goal values the person changed in the form: recorded as goal updates with the check-in, in one transaction. */
  goalChanges?: CheckInGoalChange[];
  /**
   * The platform's key for this request (a Slack view, a Teams activity): the same request sent again saves
   * nothing more and answers `duplicate: true`. A failed attempt leaves no mark, so sending it again saves it.
   */
  requestKey?: string;
  /** Defaults to the context's clock. */
  now?: Date;
}

export interface SubmitCheckInResult {
  checkInId: string;
  /** True for the first submission of the period, false for an edit. */
  created: boolean;
  periodKey: string;
  deadline: Date;
  /** Until when it can still be edited, in the person's zone: "Friday 27 November, 15:00". */
  deadlineLabel: string;
  answers: CheckInAnswers;
  goals: CheckInGoalProgressResult;
  /** True when this request key had already been handled: nothing new was stored (`created` is then false). */
  duplicate: boolean;
}

/** Throws CheckInValidationError (per-field messages) for bad answers; nothing is stored then. */
export async function submitCheckIn(ctx: DomainContext, options: SubmitCheckInOptions): Promise<SubmitCheckInResult> {
  const personId = parseInput(PersonIdSchema, options.personId);
  const answers = validateCheckInAnswers(options.answers);
  const now = options.now ?? ctx.clock.now();
  const { period, deadlineLabel } = await loadPersonPeriod(ctx, personId, now);

  const saved = await onceInTransaction(ctx.prisma, options.requestKey, now, async (tx) => {
    const row = await saveCheckIn(tx, personId, period.key, answers, now);
    // Whoever has answered gets no prompt or reminder for this period, even one already queued for later.
    await tx.delivery.updateMany({
      where: {
        key: { in: [promptDeliveryKey(personId, period.key), reminderDeliveryKey(personId, period.key)] },
        status: "pending",
      },
      data: { status: "cancelled", lastError: "check-in already submitted", updatedAt: now },
    });
    const goals = await recordCheckInGoalProgress(tx, { personId, changes: options.goalChanges ?? [] }, now);
    return { ...row, goals };
  });
  const base = { periodKey: period.key, deadline: period.deadline, deadlineLabel, answers };
  if (!saved) {
    const existing = await ctx.prisma.checkIn.findUnique({
      where: { personId_periodKey: { personId, periodKey: period.key } },
      select: { id: true },
    });
    return {
      ...base,
      checkInId: existing?.id ?? "",
      created: false,
      goals: { updated: [], skipped: 0 },
      duplicate: true,
    };
  }
  ctx.logger.info(
    { personId, periodKey: period.key, created: saved.created, goalsUpdated: saved.goals.updated.length },
    saved.created ? "check-in submitted" : "check-in edited",
  );
  return { ...base, checkInId: saved.id, created: saved.created, goals: saved.goals, duplicate: false };
}

/** Every invalid field at once, so the form can mark all of them in one round trip. */
export function validateCheckInAnswers(input: unknown): CheckInAnswers {
  const result = CheckInAnswersSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fieldErrors: Partial<Record<CheckInField, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as CheckInField;
    if (CHECK_IN_FIELDS.includes(field) && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  if (Object.keys(fieldErrors).length === 0) fieldErrors.progress = "These answers couldn't be read. Please try again.";
  throw new CheckInValidationError(fieldErrors);
}

async function saveCheckIn(tx: Tx, personId: string, periodKey: string, answers: CheckInAnswers, now: Date) {
  // INSERT … ON CONFLICT DO NOTHING rather than catching a unique violation: a failed statement would abort the
  // transaction on PostgreSQL. A concurrent first submission of the same period makes ours the edit.
  const id = randomUUID();
  const inserted = await tx.checkIn.createMany({
    data: [{ id, personId, periodKey, ...answers, submittedAt: now, updatedAt: now }],
    skipDuplicates: true,
  });
  if (inserted.count === 1) return { id, created: true };
  const row = await tx.checkIn.update({
    where: { personId_periodKey: { personId, periodKey } },
    data: { ...answers, updatedAt: now },
    select: { id: true },
  });
  return { id: row.id, created: false };
}
