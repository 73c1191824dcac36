// Creates a goal at one of three levels. HR and admins set company goals, managers (and above) team goals, and
// everyone their own; the creator owns it (a team goal's owner is the manager who leads the team). A goal aligns
// only upward: a personal goal to a team or company goal, a team goal to a company goal, and never to one that is
// done.
import { randomUUID } from "node:crypto";
import { AppError, notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { onceInTransaction } from "../request-keys.ts";
import { requireRole, type Role } from "../people/person.ts";
import {
  CreateGoalSchema,
  GOAL_LEVEL_LABELS,
  type CreateGoalInput,
  type GoalLevel,
  type GoalMeasure,
} from "./goal.schemas.ts";
import { fieldErrorsOf, GoalValidationError } from "./goal-validation-error.ts";

export type CreateGoalOptions = CreateGoalInput;

export interface GoalParentSummary {
  id: string;
  title: string;
  level: GoalLevel;
}

export interface CreatedGoal {
  goalId: string;
  level: GoalLevel;
  title: string;
  measure: GoalMeasure;
  startValue: number;
  targetValue: number;
  dueDate: string;
  parent: GoalParentSummary | null;
}

/** Who may create a goal of each level, and how the refusal reads. */
const LEVEL_ROLE: Record<GoalLevel, { role: Role; action: string }> = {
  company: { role: "hr", action: "create company goals" },
  team: { role: "manager", action: "create team goals" },
  person: { role: "employee", action: "create goals" },
};

/** The levels a goal of each level may align to. */
export const ALIGNS_TO: Record<GoalLevel, GoalLevel[]> = {
  person: ["team", "company"],
  team: ["company"],
  company: [],
};

/** The levels `role` may create, in the order a form offers them. */
export function creatableLevels(role: Role): GoalLevel[] {
  return (["person", "team", "company"] as const).filter((level) => {
    try {
      requireRole({ role }, LEVEL_ROLE[level].role, LEVEL_ROLE[level].action);
      return true;
    } catch {
      return false;
    }
  });
}

export type ValidGoalDraft = ReturnType<typeof validateGoalDraft>;

/** Every invalid field at once; a number goal needs both a start and a target, and they must differ. */
export function validateGoalDraft(input: unknown) {
  const result = CreateGoalSchema.safeParse(input ?? {});
  const errors = result.success
    ? {}
    : fieldErrorsOf(result.error.issues, [
        "level",
        "title",
        "measure",
        "startValue",
        "targetValue",
        "dueDate",
        "parentId",
      ]);
  const raw = (input ?? {}) as Record<string, unknown>;
  const draft = result.success ? result.data : null;
  if (raw.measure === "number" || draft?.measure === "number") {
    const blank = (value: unknown) =>
      value === undefined || value === null || (typeof value === "string" && value.trim() === "");
    if (blank(raw.startValue)) errors.startValue ??= "Give the number you start from, e.g. 0.";
    if (blank(raw.targetValue)) errors.targetValue ??= "Give the number you aim for, e.g. 20.";
    // Checked even when other fields are wrong, so every problem shows in one round trip.
    const start = CreateGoalSchema.shape.startValue.safeParse(raw.startValue);
    const target = CreateGoalSchema.shape.targetValue.safeParse(raw.targetValue);
    if (start.success && target.success && start.data !== undefined && start.data === target.data)
      errors.targetValue ??= "The target must differ from the start.";
  }
  if (!draft || Object.keys(errors).length > 0) {
    throw new GoalValidationError(
      Object.keys(errors).length > 0 ? errors : { title: "These details couldn't be read. Please try again." },
    );
  }
  // A percent goal always runs from 0 to 100.
  const percent = draft.measure === "percent";
  return {
    ...draft,
    startValue: percent ? 0 : draft.startValue!,
    targetValue: percent ? 100 : draft.targetValue!,
    parentId: draft.parentId ?? null,
  };
}

/** With a request key: null when that request has already been handled (a retried copy), and nothing is stored. */
export async function createGoal(
  ctx: DomainContext,
  options: CreateGoalOptions & { requestKey: string },
): Promise<CreatedGoal | null>;
export async function createGoal(ctx: DomainContext, options: CreateGoalOptions): Promise<CreatedGoal>;
export async function createGoal(
  ctx: DomainContext,
  options: CreateGoalOptions & { requestKey?: string },
): Promise<CreatedGoal | null> {
  const draft = validateGoalDraft(options);
  const actor = await ctx.prisma.person.findUnique({
    where: { id: draft.actorId },
    select: { id: true, role: true, active: true },
  });
  if (!actor) throw notFound("I couldn't find your Momentum profile.");
  if (!actor.active)
    throw new AppError("FORBIDDEN", "Your Momentum account is deactivated, so you can't create goals.");
  try {
    requireRole(actor, LEVEL_ROLE[draft.level].role, LEVEL_ROLE[draft.level].action);
  } catch (error) {
    throw new GoalValidationError({ level: (error as AppError).userMessage }, "FORBIDDEN");
  }
  const parent = draft.parentId ? await checkParent(ctx, draft.level, draft.parentId) : null;

  const now = ctx.clock.now();
  const goalId = randomUUID();
  const stored = await onceInTransaction(ctx.prisma, options.requestKey, now, (tx) =>
    tx.goal.create({
      data: {
        id: goalId,
        level: draft.level,
        ownerId: actor.id,
        title: draft.title,
        measure: draft.measure,
        startValue: draft.startValue,
        targetValue: draft.targetValue,
        currentValue: draft.startValue,
        dueDate: draft.dueDate,
        status: "on_track",
        parentId: parent?.id ?? null,
        lastUpdateAt: now,
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    }),
  );
  if (!stored) return null;
  ctx.logger.info({ goalId, level: draft.level, aligned: parent !== null }, "goal created");
  const { actorId: _actor, parentId: _parent, ...fields } = draft;
  return { goalId, ...fields, parent };
}

async function checkParent(ctx: DomainContext, level: GoalLevel, parentId: string): Promise<GoalParentSummary> {
  const allowed = ALIGNS_TO[level];
  if (allowed.length === 0)
    throw new GoalValidationError({ parentId: "Company goals are the top level: they don't align to another goal." });
  const parent = await ctx.prisma.goal.findUnique({
    where: { id: parentId },
    select: { id: true, title: true, level: true, status: true },
  });
  if (!parent)
    throw new GoalValidationError(
      { parentId: "That goal no longer exists. Pick another one to align to." },
      "NOT_FOUND",
    );
  if (!allowed.includes(parent.level)) {
    const names = allowed.map((name) => GOAL_LEVEL_LABELS[name].toLowerCase()).join(" or ");
    throw new GoalValidationError({
      parentId: `A ${GOAL_LEVEL_LABELS[level].toLowerCase()} goal can only align to a ${names} goal.`,
    });
  }
  if (parent.status === "done")
    throw new GoalValidationError({ parentId: "That goal is already done. Pick an open goal to align to." });
  return { id: parent.id, title: parent.title, level: parent.level };
}
