// "A review-cycle launch offers to announce itself": the announcements feature calls this to prefill its form
// with the cycle's own words. HR only, like the launch.
import type { DomainContext } from "../context.ts";
import { requireRole } from "../people/person.ts";
import { parseInput } from "../validation.ts";
import { dueDateLabel, findCycle, loadActor } from "./review-access.ts";
import { CycleIdSchema } from "./review.schemas.ts";

export interface ReviewCycleAnnouncement {
  cycleId: string;
  cycleName: string;
  /** A suggested announcement text HR can edit before posting. */
  text: string;
}

export async function reviewCycleAnnouncement(
  ctx: DomainContext,
  options: { actorId: string; cycleId: string },
): Promise<ReviewCycleAnnouncement> {
  const actor = await loadActor(ctx, options.actorId);
  requireRole(actor, "hr", "announce a review cycle");
  const cycle = await findCycle(ctx, parseInput(CycleIdSchema, options.cycleId));
  const text = [
    `The review cycle "${cycle.name}" has started.`,
    `Everyone taking part gets a message from Momentum with a button to write their self-review, due ${dueDateLabel(cycle.selfDueDate)}.`,
    `Managers write their reviews by ${dueDateLabel(cycle.managerDueDate)}. Drafts are saved as you go.`,
  ].join(" ");
  return { cycleId: cycle.id, cycleName: cycle.name, text };
}
