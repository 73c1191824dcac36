// Records progress on a goal: a GoalUpdate in its history, and the goal's current value, status and time of last
// update. The owner updates their goal; HR and admins may also update company goals. A team goal is owned by the
// manager who leads the team, so the owner rule covers "the manager updates the team goal".
import { randomUUID } from "node:crypto";
import { notFound } from "../../shared/errors.ts";
import type { DomainContext, Tx } from "../context.ts";
import { onceInTransaction } from "../request-keys.ts";
import { hasRole } from "../people/person.ts";
import { UpdateGoalProgressSchema, type GoalStatus, type UpdateGoalProgressInput } from "./goal.schemas.ts";
import { fieldErrorsOf, GoalValidationError } from "./goal-validation-error.ts";
import { progressPercent, reachedTarget } from "./goal-progress.ts";

export type UpdateGoalProgressOptions = UpdateGoalProgressInput;

export interface GoalProgressUpdated {
  goalId: string;
  updateId: string;
  title: string;
  value: number;
  previousValue: number;
  status: GoalStatus;
  progressPercent: number;
}

/** Every invalid field at once, before anything is read or stored. */
export function validateGoalProgress(input: unknown) {
  const result = UpdateGoalProgressSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const errors = fieldErrorsOf(result.error.issues, ["goalId", "value", "status", "comment"]);
  throw new GoalValidationError(
    Object.keys(errors).length > 0 ? errors : { value: "This update couldn't be read. Please try again." },
  );
}

/** With a request key: null when that request has already been handled (a retried copy), and nothing is stored. */
export async function updateGoalProgress(
  ctx: DomainContext,
  options: UpdateGoalProgressOptions & { requestKey: string },
): Promise<GoalProgressUpdated | null>;
export async function updateGoalProgress(
  ctx: DomainContext,
  options: UpdateGoalProgressOptions,
): Promise<GoalProgressUpdated>;
export async function updateGoalProgress(
  ctx: DomainContext,
  options: UpdateGoalProgressOptions & { requestKey?: string },
): Promise<GoalProgressUpdated | null> {
  const input = validateGoalProgress(options);
  const now = ctx.clock.now();
  const updated = await onceInTransaction(ctx.prisma, options.requestKey, now, (tx) =>
    recordGoalProgress(tx, input, now),
  );
  if (!updated) return null;
  ctx.logger.info({ goalId: updated.goalId, status: updated.status }, "goal progress updated");
  return updated;
}

/** The update inside a caller's transaction (a check-in records its goal values with the check-in itself). */
export async function recordGoalProgress(
  tx: Tx,
  input: ReturnType<typeof validateGoalProgress>,
  now: Date,
): Promise<GoalProgressUpdated> {
  const [actor, goal] = await Promise.all([
    tx.person.findUnique({ where: { id: input.actorId }, select: { id: true, role: true, active: true } }),
    tx.goal.findUnique({
      where: { id: input.goalId },
      select: {
        id: true,
        ownerId: true,
        level: true,
        title: true,
        startValue: true,
        targetValue: true,
        currentValue: true,
        status: true,
      },
    }),
  ]);
  if (!actor) throw notFound("I couldn't find your Momentum profile.");
  if (!goal) throw new GoalValidationError({ goalId: "That goal no longer exists." }, "NOT_FOUND");
  const mayUpdate = actor.active && (goal.ownerId === actor.id || (goal.level === "company" && hasRole(actor, "hr")));
  if (!mayUpdate) {
    const who =
      goal.level === "company"
        ? "its owner, HR and admins"
        : goal.level === "team"
          ? "the team's manager"
          : "its owner";
    throw new GoalValidationError({ goalId: `Sorry, only ${who} can update that goal.` }, "FORBIDDEN");
  }

  // Reaching the target means done, unless the person says otherwise; falling back below it reopens a done goal.
  const status: GoalStatus =
    input.status ?? (reachedTarget(goal, input.value) ? "done" : goal.status === "done" ? "on_track" : goal.status);
  const updateId = randomUUID();
  await tx.goalUpdate.create({
    data: {
      id: updateId,
      goalId: goal.id,
      authorId: actor.id,
      value: input.value,
      status,
      comment: input.comment ?? null,
      createdAt: now,
    },
  });
  await tx.goal.update({
    where: { id: goal.id },
    data: { currentValue: input.value, status, lastUpdateAt: now, updatedAt: now },
  });
  return {
    goalId: goal.id,
    updateId,
    title: goal.title,
    value: input.value,
    previousValue: goal.currentValue,
    status,
    progressPercent: progressPercent({ ...goal, currentValue: input.value }),
  };
}
