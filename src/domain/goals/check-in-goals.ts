// Quick goal progress inside the weekly check-in form: up to five of the person's open goals, each with one
// optional number pre-filled with its current value. The values are checked with the rest of the form, before
// anything is stored; after the check-in is saved, each value the person changed becomes a goal update.
import type { DomainContext, Tx } from "../context.ts";
import { parseInput } from "../validation.ts";
import { goalNumber, PersonIdSchema, type GoalMeasure } from "./goal.schemas.ts";
import { GoalValidationError } from "./goal-validation-error.ts";
import { recordGoalProgress, validateGoalProgress } from "./update-goal-progress.ts";

export const CHECK_IN_GOALS_MAX = 5;
export const CHECK_IN_GOAL_COMMENT = "from weekly check-in";

export interface CheckInGoal {
  id: string;
  title: string;
  measure: GoalMeasure;
  startValue: number;
  targetValue: number;
  currentValue: number;
}

/** The person's open goals for the form, soonest due first. */
export async function listCheckInGoals(ctx: DomainContext, options: { personId: string }): Promise<CheckInGoal[]> {
  const personId = parseInput(PersonIdSchema, options.personId);
  return ctx.prisma.goal.findMany({
    where: { ownerId: personId, status: { not: "done" } },
    select: { id: true, title: true, measure: true, startValue: true, targetValue: true, currentValue: true },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    take: CHECK_IN_GOALS_MAX,
  });
}

/** One goal's field as submitted: the raw input, and the value the form was opened with. */
export interface CheckInGoalEntry {
  goalId: string;
  raw: unknown;
  shown: number | null;
}

export interface CheckInGoalChange {
  goalId: string;
  value: number;
}

export type CheckInGoalValues =
  { ok: true; changes: CheckInGoalChange[] } | { ok: false; errors: Record<string, string> };

const goalValue = goalNumber("Give the progress as a number, e.g. 40.");

/**
 * Pure: which goals changed, or each bad value's message keyed by goal id. A field left empty, or left at the
 * value the form showed, is no update.
 */
export function readCheckInGoalValues(entries: CheckInGoalEntry[]): CheckInGoalValues {
  const changes: CheckInGoalChange[] = [];
  const errors: Record<string, string> = {};
  for (const entry of entries.slice(0, CHECK_IN_GOALS_MAX)) {
    if (entry.raw === undefined || entry.raw === null || (typeof entry.raw === "string" && entry.raw.trim() === ""))
      continue;
    const parsed = goalValue.safeParse(entry.raw);
    if (!parsed.success) {
      errors[entry.goalId] = parsed.error.issues[0]?.message ?? "Give the progress as a number, e.g. 40.";
      continue;
    }
    if (parsed.data !== entry.shown) changes.push({ goalId: entry.goalId, value: parsed.data });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, changes };
}

export interface CheckInGoalProgressResult {
  updated: { goalId: string; title: string; progressPercent: number }[];
  /** Goals that could not be updated (gone, or no longer the person's): the check-in itself is saved. */
  skipped: number;
}

/**
 * Records each change as a goal update with the comment "from weekly check-in", inside the check-in's own
 * transaction (submitCheckIn): the check-in and its goal values are saved together or not at all.
 */
export async function recordCheckInGoalProgress(
  tx: Tx,
  options: { personId: string; changes: CheckInGoalChange[] },
  now: Date,
): Promise<CheckInGoalProgressResult> {
  const result: CheckInGoalProgressResult = { updated: [], skipped: 0 };
  for (const change of options.changes.slice(0, CHECK_IN_GOALS_MAX)) {
    try {
      const input = validateGoalProgress({
        actorId: options.personId,
        goalId: change.goalId,
        value: change.value,
        comment: CHECK_IN_GOAL_COMMENT,
      });
      const updated = await recordGoalProgress(tx, input, now);
      result.updated.push({ goalId: updated.goalId, title: updated.title, progressPercent: updated.progressPercent });
    } catch (error) {
      // The goal was deleted or handed over while the form was open (refused before any write, so the transaction
      // is intact); the rest of the check-in still counts.
      if (!(error instanceof GoalValidationError)) throw error;
      result.skipped += 1;
    }
  }
  return result;
}
