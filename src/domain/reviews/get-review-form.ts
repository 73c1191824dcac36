// What a review form opens with: the questions, what was saved so far, and context. The self-review shows the
// person's goals and the kudos they received in the period; the manager's form shows the report's self-review
// beside each question. Only the review's author can open it, whatever button payload is sent.
import { DateTime } from "luxon";
import { forbidden, notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { dueDateLabel, loadActor } from "./review-access.ts";
import { storedAnswers, storedQuestions } from "./review-answers.ts";
import { ReviewIdSchema, type ReviewAnswers, type ReviewQuestion } from "./review.schemas.ts";

/** Kudos and goals of the last six months are "the period" a review looks back on. */
export const REVIEW_PERIOD_MONTHS = 6;
const CONTEXT_ITEMS = 5;

export interface ReviewContext {
  goals: { title: string; status: string; progress: string; dueDate: string }[];
  kudos: { total: number; recent: { giverName: string; message: string; value: string | null }[] };
}

export interface ReviewForm {
  reviewId: string;
  kind: "self" | "manager";
  cycle: { id: string; name: string; status: "draft" | "active" | "closed"; dueLabel: string };
  subject: { id: string; name: string };
  status: "pending" | "draft" | "submitted";
  submittedAt: Date | null;
  /** False once submitted (final until HR reopens it) or once the cycle closed. */
  editable: boolean;
  questions: ReviewQuestion[];
  answers: ReviewAnswers;
  /** Manager reviews only: the report's self-review, answers shown once it was submitted. */
  selfReview: { submitted: boolean; answers: ReviewAnswers } | null;
  context: ReviewContext;
}

export async function getReviewForm(
  ctx: DomainContext,
  options: { actorId: string; reviewId: string },
): Promise<ReviewForm> {
  const reviewId = parseInput(ReviewIdSchema, options.reviewId);
  const actor = await loadActor(ctx, options.actorId);
  const review = await ctx.prisma.review.findUnique({
    where: { id: reviewId },
    include: {
      cycle: {
        select: {
          id: true,
          name: true,
          status: true,
          questions: true,
          selfDueDate: true,
          managerDueDate: true,
          launchedAt: true,
        },
      },
      subject: { select: { id: true, name: true } },
    },
  });
  if (!review) throw notFound("That review couldn't be found.");
  if (review.authorId !== actor.id) throw forbidden("Sorry, this review isn't yours to write.");
  const questions = storedQuestions(review.cycle.questions);
  const self =
    review.kind === "manager"
      ? await ctx.prisma.review.findUnique({
          where: { cycleId_subjectId_kind: { cycleId: review.cycleId, subjectId: review.subjectId, kind: "self" } },
          select: { status: true, answers: true },
        })
      : null;
  const since = DateTime.fromJSDate(review.cycle.launchedAt ?? ctx.clock.now())
    .minus({ months: REVIEW_PERIOD_MONTHS })
    .toJSDate();
  return {
    reviewId: review.id,
    kind: review.kind,
    cycle: {
      id: review.cycle.id,
      name: review.cycle.name,
      status: review.cycle.status,
      dueLabel: dueDateLabel(review.kind === "self" ? review.cycle.selfDueDate : review.cycle.managerDueDate),
    },
    subject: review.subject,
    status: review.status,
    submittedAt: review.submittedAt,
    editable: review.status !== "submitted" && review.cycle.status === "active",
    questions,
    answers: storedAnswers(review.answers),
    // A draft self-review is the report's own: the manager sees it only once submitted.
    selfReview: self
      ? {
          submitted: self.status === "submitted",
          answers: self.status === "submitted" ? storedAnswers(self.answers) : {},
        }
      : review.kind === "manager"
        ? { submitted: false, answers: {} }
        : null,
    context: await loadReviewContext(ctx, review.subjectId, since, review.kind === "self"),
  };
}

/** The subject's goals, and kudos received since `since`; private kudos only on the subject's own form. */
async function loadReviewContext(
  ctx: DomainContext,
  subjectId: string,
  since: Date,
  includePrivate: boolean,
): Promise<ReviewContext> {
  const kudosWhere = {
    recipientId: subjectId,
    createdAt: { gte: since },
    ...(includePrivate ? {} : { visibility: "public" as const }),
  };
  const [goals, total, recent] = await Promise.all([
    ctx.prisma.goal.findMany({ where: { ownerId: subjectId }, orderBy: { dueDate: "desc" }, take: CONTEXT_ITEMS }),
    ctx.prisma.kudos.count({ where: kudosWhere }),
    ctx.prisma.kudos.findMany({
      where: kudosWhere,
      orderBy: { createdAt: "desc" },
      take: CONTEXT_ITEMS,
      include: { giver: { select: { name: true } } },
    }),
  ]);
  return {
    goals: goals.map((goal) => ({
      title: goal.title,
      status: goal.status.replace("_", " "),
      progress:
        goal.measure === "percent"
          ? `${Math.round(goal.currentValue)}%`
          : `${goal.currentValue} of ${goal.targetValue}`,
      dueDate: goal.dueDate,
    })),
    kudos: {
      total,
      recent: recent.map((kudos) => ({
        giverName: kudos.giver?.name ?? "A former colleague",
        message: kudos.message,
        value: kudos.value,
      })),
    },
  };
}
