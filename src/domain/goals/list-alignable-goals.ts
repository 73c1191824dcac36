// The goals a person's new goal can align to: the open team goals of their manager's team (the goals their manager
// owns at team level) and the open company goals. For a team goal only company goals qualify.
import type { DomainContext } from "../context.ts";
import { notFound } from "../../shared/errors.ts";
import { parseInput } from "../validation.ts";
import { ALIGNS_TO } from "./create-goal.ts";
import { PersonIdSchema, type GoalLevel } from "./goal.schemas.ts";

/** A Slack static_select holds at most 100 options. */
export const ALIGNABLE_LIMIT = 100;

export interface AlignableGoal {
  id: string;
  title: string;
  level: GoalLevel;
  ownerName: string;
  dueDate: string;
}

export interface ListAlignableGoalsOptions {
  personId: string;
  /** The level of the goal being created (default person). */
  level?: GoalLevel;
}

/** Company goals first, then team goals; soonest due first within each. */
export async function listAlignableGoals(
  ctx: DomainContext,
  options: ListAlignableGoalsOptions,
): Promise<AlignableGoal[]> {
  const personId = parseInput(PersonIdSchema, options.personId);
  const levels = ALIGNS_TO[options.level ?? "person"];
  if (levels.length === 0) return [];
  const person = await ctx.prisma.person.findUnique({ where: { id: personId }, select: { managerId: true } });
  if (!person) throw notFound("I couldn't find your Momentum profile.");
  const teamOwner = levels.includes("team") ? person.managerId : null;
  const rows = await ctx.prisma.goal.findMany({
    where: {
      status: { not: "done" },
      OR: [{ level: "company" }, ...(teamOwner ? [{ level: "team" as const, ownerId: teamOwner }] : [])],
    },
    select: { id: true, title: true, level: true, dueDate: true, owner: { select: { name: true } } },
    orderBy: [{ level: "asc" }, { dueDate: "asc" }, { createdAt: "asc" }],
    take: ALIGNABLE_LIMIT,
  });
  return rows.map(({ owner, ...row }) => ({ ...row, ownerName: owner.name }));
}
