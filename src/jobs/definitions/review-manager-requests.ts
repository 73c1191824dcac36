// "Review <name>" at the manager due date, whether or not the self-review came in. Submitting a self-review queues
// the same DM under the same key (`review-manager-request:<reviewId>`), so each manager gets it once per report,
// whichever comes first. Three queries per tick, however many reviews are open.
import { DateTime } from "luxon";
import type { NewDelivery } from "../../domain/notifications/outbox.ts";
import { dueDateLabel, localDateReached, reviewKeys, zoneOf } from "../../domain/reviews/review-access.ts";
import { REVIEW_MANAGER_REQUEST_KIND } from "../../domain/reviews/submit-review.ts";
import type { JobDefinition } from "../job.ts";
import { loadClaimedDeliveries } from "./check-in-candidates.ts";

export const reviewManagerRequestsJob: JobDefinition = {
  id: "review-manager-requests",
  async due(ctx, now) {
    // The latest local date anywhere is at most one day ahead of UTC's: cycles due later can wait.
    const latestLocalDate = DateTime.fromJSDate(now, { zone: "UTC" }).plus({ days: 1 }).toISODate()!;
    const reviews = await ctx.prisma.review.findMany({
      where: {
        kind: "manager",
        status: { in: ["pending", "draft"] },
        author: { active: true },
        cycle: { status: "active", managerDueDate: { lte: latestLocalDate } },
      },
      select: {
        id: true,
        cycleId: true,
        subjectId: true,
        authorId: true,
        author: { select: { timeZone: true } },
        subject: { select: { name: true } },
        cycle: { select: { name: true, managerDueDate: true } },
      },
    });
    const reached = reviews.filter((review) =>
      localDateReached(review.cycle.managerDueDate, zoneOf(ctx, review.author.timeZone), now),
    );
    if (reached.length === 0) return [];
    const claimed = await loadClaimedDeliveries(
      ctx,
      reached.map((review) => reviewKeys.managerRequest(review.id)),
    );
    const open = reached.filter((review) => !claimed.has(reviewKeys.managerRequest(review.id)));
    if (open.length === 0) return [];
    const submittedSelf = new Set(
      (
        await ctx.prisma.review.findMany({
          where: {
            kind: "self",
            status: "submitted",
            cycleId: { in: [...new Set(open.map((review) => review.cycleId))] },
            subjectId: { in: open.map((review) => review.subjectId) },
          },
          select: { cycleId: true, subjectId: true },
        })
      ).map((row) => `${row.cycleId}:${row.subjectId}`),
    );
    return open.map((review): NewDelivery => ({
      key: reviewKeys.managerRequest(review.id),
      kind: REVIEW_MANAGER_REQUEST_KIND,
      target: { kind: "person", personId: review.authorId },
      message: {
        type: "review.manager-requested",
        reviewId: review.id,
        cycleName: review.cycle.name,
        subjectName: review.subject.name,
        dueLabel: dueDateLabel(review.cycle.managerDueDate),
        selfSubmitted: submittedSelf.has(`${review.cycleId}:${review.subjectId}`),
      },
      notBefore: now,
      respectQuietHours: true,
    }));
  },
};
