// `/review status`: completion by step and by manager, and who is pending. HR sees the whole cycle; a manager sees
// their direct reports only; employees are refused. Counts and names only: never an answer.
import { forbidden } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { hasRole } from "../people/person.ts";
import { parseInput } from "../validation.ts";
import { loadPendingReviews } from "./pending-reviews.ts";
import { dueDateLabel, findCycle, loadActor } from "./review-access.ts";
import { CycleIdSchema } from "./review.schemas.ts";

export interface StepCompletion {
  submitted: number;
  total: number;
}

export interface ReviewStatusReport {
  scope: "organisation" | "team";
  cycle: {
    id: string;
    name: string;
    status: "draft" | "active" | "closed";
    selfDueLabel: string;
    managerDueLabel: string;
  };
  steps: { self: StepCompletion; manager: StepCompletion };
  byManager: { managerName: string; self: StepCompletion; manager: StepCompletion }[];
  /** Who still has to write what, by name; at most PENDING_LIST_MAX entries (`pendingCount` has them all). */
  pending: { authorName: string; kind: "self" | "manager"; subjectName: string }[];
  pendingCount: number;
}

export const PENDING_LIST_MAX = 30;

export async function reviewStatus(
  ctx: DomainContext,
  options: { actorId: string; cycleId?: string },
): Promise<ReviewStatusReport> {
  const actor = await loadActor(ctx, options.actorId);
  const isHr = hasRole(actor, "hr");
  if (!isHr && actor.role !== "manager")
    throw forbidden("Sorry, only HR and managers can see the status of a review cycle.");
  const cycle = await findCycle(
    ctx,
    options.cycleId === undefined ? undefined : parseInput(CycleIdSchema, options.cycleId),
  );
  const reviews = await ctx.prisma.review.findMany({
    where: { cycleId: cycle.id, ...(isHr ? {} : { subject: { managerId: actor.id } }) },
    select: {
      id: true,
      kind: true,
      status: true,
      subject: { select: { name: true, manager: { select: { id: true, name: true } } } },
      author: { select: { name: true } },
    },
    orderBy: [{ subject: { name: "asc" } }, { kind: "asc" }],
  });
  // Pending as nudges see it (one definition): not yet open manager reviews and inactive authors are not pending.
  const pendingIds = new Set(
    (await loadPendingReviews(ctx, ctx.clock.now(), [cycle.id], isHr ? {} : { subjectManagerId: actor.id })).map(
      (review) => review.reviewId,
    ),
  );
  const steps = { self: { submitted: 0, total: 0 }, manager: { submitted: 0, total: 0 } };
  const byManager = new Map<string, { managerName: string; self: StepCompletion; manager: StepCompletion }>();
  const pending: ReviewStatusReport["pending"] = [];
  let pendingCount = 0;
  for (const review of reviews) {
    const done = review.status === "submitted" ? 1 : 0;
    steps[review.kind].total += 1;
    steps[review.kind].submitted += done;
    const manager = review.subject.manager;
    const key = manager?.id ?? "";
    const group = byManager.get(key) ?? {
      managerName: manager?.name ?? "No manager",
      self: { submitted: 0, total: 0 },
      manager: { submitted: 0, total: 0 },
    };
    group[review.kind].total += 1;
    group[review.kind].submitted += done;
    byManager.set(key, group);
    if (pendingIds.has(review.id)) {
      pendingCount += 1;
      if (pending.length < PENDING_LIST_MAX)
        pending.push({ authorName: review.author.name, kind: review.kind, subjectName: review.subject.name });
    }
  }
  return {
    scope: isHr ? "organisation" : "team",
    cycle: {
      id: cycle.id,
      name: cycle.name,
      status: cycle.status,
      selfDueLabel: dueDateLabel(cycle.selfDueDate),
      managerDueLabel: dueDateLabel(cycle.managerDueDate),
    },
    steps,
    byManager: [...byManager.values()].sort((a, b) => a.managerName.localeCompare(b.managerName)),
    pending,
    pendingCount,
  };
}
