// `/review nudge`: HR first sees how many people would be nudged, then confirms. The confirmation carries the run
// id the preview made, and each person's DM is keyed by it: a double click, or the same confirmation delivered
// twice, nudges each person once.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { DomainContext } from "../context.ts";
import { enqueueDeliveries } from "../notifications/outbox.ts";
import { requireRole } from "../people/person.ts";
import { parseInput } from "../validation.ts";
import { groupByAuthor, loadPendingReviews, nudgeMessage } from "./pending-reviews.ts";
import { cycleIsActive, findCycle, loadActor, REVIEW_NUDGE_KIND, reviewKeys } from "./review-access.ts";
import { CycleIdSchema } from "./review.schemas.ts";

/** A manual nudge that could not go out within three days is stale: cancelled rather than sent late. */
const MANUAL_NUDGE_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000;
const RunIdSchema = z.uuid({ error: "That nudge button is out of date. Run /review nudge again." });

export interface NudgePreview {
  cycleId: string;
  cycleName: string;
  /** Pass back to nudgePending: it makes the confirmation idempotent. */
  runId: string;
  people: number;
  reviews: number;
  /** A few names, for HR to recognise. */
  sampleNames: string[];
}

export async function nudgePreview(
  ctx: DomainContext,
  options: { actorId: string; cycleId?: string },
): Promise<NudgePreview> {
  const actor = await loadActor(ctx, options.actorId);
  requireRole(actor, "hr", "nudge people about reviews");
  const cycle = await findCycle(
    ctx,
    options.cycleId === undefined ? undefined : parseInput(CycleIdSchema, options.cycleId),
  );
  cycleIsActive(cycle);
  const pending = await loadPendingReviews(ctx, ctx.clock.now(), [cycle.id]);
  const byAuthor = groupByAuthor(pending);
  return {
    cycleId: cycle.id,
    cycleName: cycle.name,
    runId: randomUUID(),
    people: byAuthor.size,
    reviews: pending.length,
    sampleNames: [...byAuthor.values()].slice(0, 5).map((items) => items[0].authorName),
  };
}

export async function nudgePending(
  ctx: DomainContext,
  options: { actorId: string; cycleId: string; runId: string },
): Promise<{ cycleName: string; people: number; queued: number }> {
  const actor = await loadActor(ctx, options.actorId);
  requireRole(actor, "hr", "nudge people about reviews");
  const runId = parseInput(RunIdSchema, options.runId);
  const cycle = await findCycle(ctx, parseInput(CycleIdSchema, options.cycleId));
  cycleIsActive(cycle);
  const now = ctx.clock.now();
  const byAuthor = groupByAuthor(await loadPendingReviews(ctx, now, [cycle.id]));
  const queued = await enqueueDeliveries(
    ctx.prisma,
    [...byAuthor].map(([authorId, items]) => ({
      key: reviewKeys.manualNudge(runId, authorId),
      kind: REVIEW_NUDGE_KIND,
      target: { kind: "person" as const, personId: authorId },
      message: nudgeMessage(items),
      notBefore: now,
      expiresAt: new Date(now.getTime() + MANUAL_NUDGE_LIFETIME_MS),
      respectQuietHours: true,
    })),
    now,
  );
  ctx.logger.info({ cycleId: cycle.id, people: byAuthor.size, queued }, "review nudge run");
  return { cycleName: cycle.name, people: byAuthor.size, queued };
}
