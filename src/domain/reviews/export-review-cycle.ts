// The rows of a cycle's CSV for HR, one per review. Answers appear only where they are meant to be seen outside
// the form: submitted self-reviews, and manager reviews once the manager shared them with the report. Drafts and
// unshared manager reviews are listed with their status and no answers (the privacy promise covers exports).
import type { DomainContext } from "../context.ts";
import { loadPendingReviews } from "./pending-reviews.ts";
import { findCycle } from "./review-access.ts";
import { storedAnswers } from "./review-answers.ts";
import type { ReviewAnswers, ReviewQuestion } from "./review.schemas.ts";

export interface ReviewExportRow {
  person: string;
  personEmail: string;
  manager: string;
  step: "self" | "manager";
  author: string;
  /**
   * While the cycle runs, pending or draft means the author is asked to write it now (the same list /review status
   * shows and nudges reach); not open yet: a manager review waiting for the self-review and its due date; not
   * submitted: its author has left. Once closed, pending and draft say how far an unsubmitted review got.
   * submitted; shared (a manager review released to the report).
   */
  status: "pending" | "draft" | "not open yet" | "not submitted" | "submitted" | "shared";
  submittedAt: Date | null;
  /** Empty when the answers are not for export (see above). */
  answers: ReviewAnswers;
}

export interface ReviewCycleExport {
  cycle: { id: string; name: string; status: string };
  questions: ReviewQuestion[];
  rows: ReviewExportRow[];
}

/** Operator tooling (`momentum reviews export`), run by whoever can open the database. */
export async function exportReviewCycle(ctx: DomainContext, options: { cycle: string }): Promise<ReviewCycleExport> {
  const cycle = await findCycle(ctx, options.cycle);
  const reviews = await ctx.prisma.review.findMany({
    where: { cycleId: cycle.id },
    select: {
      id: true,
      kind: true,
      status: true,
      answers: true,
      submittedAt: true,
      releasedAt: true,
      subject: { select: { name: true, email: true, manager: { select: { name: true } } } },
      author: { select: { name: true, active: true } },
    },
    orderBy: [{ subject: { name: "asc" } }, { kind: "asc" }],
  });
  // One definition of pending (pending-reviews.ts): an unsubmitted review outside it is not waiting on its author.
  const open = new Set(
    cycle.status === "active"
      ? (await loadPendingReviews(ctx, ctx.clock.now(), [cycle.id])).map((review) => review.reviewId)
      : [],
  );
  return {
    cycle: { id: cycle.id, name: cycle.name, status: cycle.status },
    questions: cycle.questions,
    rows: reviews.map((review) => {
      const shared = review.kind === "manager" && review.status === "submitted" && review.releasedAt !== null;
      const exportable = review.status === "submitted" && (review.kind === "self" || shared);
      return {
        person: review.subject.name,
        personEmail: review.subject.email,
        manager: review.subject.manager?.name ?? "",
        step: review.kind,
        author: review.author.name,
        status: shared
          ? "shared"
          : cycle.status !== "active" || review.status === "submitted" || open.has(review.id)
            ? review.status
            : notWaitingOnAuthor(review.kind, review.author.active),
        submittedAt: review.status === "submitted" ? review.submittedAt : null,
        answers: exportable ? storedAnswers(review.answers) : {},
      };
    }),
  };
}

function notWaitingOnAuthor(kind: "self" | "manager", authorActive: boolean): ReviewExportRow["status"] {
  return kind === "manager" && authorActive ? "not open yet" : "not submitted";
}
