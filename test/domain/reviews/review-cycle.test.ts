import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeReviewCycle } from "../../../src/domain/reviews/close-review-cycle.ts";
import { createReviewCycle } from "../../../src/domain/reviews/create-review-cycle.ts";
import { exportReviewCycle } from "../../../src/domain/reviews/export-review-cycle.ts";
import { getReviewForm } from "../../../src/domain/reviews/get-review-form.ts";
import { launchReviewCycle } from "../../../src/domain/reviews/launch-review-cycle.ts";
import { readReview } from "../../../src/domain/reviews/read-review.ts";
import { releaseReview } from "../../../src/domain/reviews/release-review.ts";
import { reopenReview } from "../../../src/domain/reviews/reopen-review.ts";
import { reviewStatus } from "../../../src/domain/reviews/review-status.ts";
import { ReviewValidationError } from "../../../src/domain/reviews/review-validation-error.ts";
import {
  questionsFromText,
  questionsToText,
  defaultReviewQuestions,
} from "../../../src/domain/reviews/review.schemas.ts";
import { saveReviewDraft } from "../../../src/domain/reviews/save-review-draft.ts";
import { submitReview } from "../../../src/domain/reviews/submit-review.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import {
  createOrg,
  FULL_ANSWERS,
  MANAGER_DUE,
  refusal,
  reviewContext,
  SELF_DUE,
  type Org,
  type ReviewContext,
} from "./review-support.ts";
import { SEEDED_AT } from "../../support/fixtures.ts";
import { UNSTORABLE_TEXT } from "../../../src/domain/text.schemas.ts";

let db: TestDatabase;
let ctx: ReviewContext;
let org: Org;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(async () => {
  await resetDatabase(db);
  ctx = reviewContext(db);
  org = await createOrg(db);
});

async function launched(participants: Parameters<typeof createReviewCycle>[1]["participants"] = { kind: "everyone" }) {
  const cycle = await createReviewCycle(ctx, {
    actorId: org.hr.id,
    name: "H2 2026",
    participants,
    selfDueDate: SELF_DUE,
    managerDueDate: MANAGER_DUE,
  });
  await launchReviewCycle(ctx, { actorId: org.hr.id, cycleId: cycle.cycleId });
  return cycle;
}
const reviewOf = (subjectId: string, kind: "self" | "manager") =>
  db.prisma.review.findFirstOrThrow({ where: { subjectId, kind } });
const deliveries = (kind: string) => db.prisma.delivery.findMany({ where: { kind }, orderBy: { key: "asc" } });

describe("creating a review cycle", () => {
  it("when HR creates one without questions, it is a draft with the default template: ratings on goals and on each company value, then two open questions", async () => {
    const cycle = await createReviewCycle(ctx, {
      actorId: org.hr.id,
      name: "H2 2026",
      participants: { kind: "everyone" },
      selfDueDate: SELF_DUE,
      managerDueDate: MANAGER_DUE,
    });
    expect(cycle.participantCount).toBe(7);
    expect(cycle.questions.map((question) => [question.kind, question.label])).toEqual([
      ["rating", "Goals: how well were the goals of this period met?"],
      ["rating", "Living our value: teamwork"],
      ["rating", "Living our value: ownership"],
      ["rating", "Living our value: craft"],
      ["text", "Achievements: what are you most proud of this period?"],
      ["text", "Growth areas: where would you like to grow next?"],
    ]);
    expect(await db.prisma.reviewCycle.findUniqueOrThrow({ where: { id: cycle.cycleId } })).toMatchObject({
      status: "draft",
    });
    expect(await db.prisma.review.count()).toBe(0);
    expect(await db.prisma.delivery.count()).toBe(0);
  });

  it("when the questions are edited as text, one per line, '[1-5]' lines are ratings and the rest free text", () => {
    const text = questionsToText(defaultReviewQuestions(["teamwork"]));
    expect(text.split("\n")[0]).toBe("[1-5] Goals: how well were the goals of this period met?");
    expect(questionsFromText("[1-5] Impact\n\n  What went well?  \n")).toEqual([
      { id: "q1", kind: "rating", label: "Impact" },
      { id: "q2", kind: "text", label: "What went well?" },
    ]);
  });

  it("when the dates are in the past, out of order or missing, or an organisation is empty, HR is told why and nothing is stored", async () => {
    const base = {
      actorId: org.hr.id,
      name: "H2",
      participants: { kind: "everyone" as const },
      selfDueDate: SELF_DUE,
      managerDueDate: MANAGER_DUE,
    };
    expect((await refusal(createReviewCycle(ctx, { ...base, selfDueDate: "2026-11-25" }))).userMessage).toBe(
      "The self-review due date must be in the future.",
    );
    expect((await refusal(createReviewCycle(ctx, { ...base, managerDueDate: "2026-12-01" }))).userMessage).toBe(
      "The manager-review due date can't be before the self-review due date.",
    );
    expect((await refusal(createReviewCycle(ctx, { ...base, selfDueDate: "2026-02-30" }))).userMessage).toBe(
      "Pick the self-review due date.",
    );
    expect((await refusal(createReviewCycle(ctx, { ...base, name: "  " }))).userMessage).toBe("Give the cycle a name.");
    expect(
      (
        await refusal(
          createReviewCycle(ctx, { ...base, participants: { kind: "organisation", managerId: org.eve.id } }),
        )
      ).userMessage,
    ).toBe("That manager has nobody reporting to them yet.");
    expect((await refusal(createReviewCycle(ctx, { ...base, questions: [] }))).userMessage).toBe(
      "Ask at least one question.",
    );
    expect(await db.prisma.reviewCycle.count()).toBe(0);
  });

  it("when a manager's organisation takes part, it is everyone under them, reports of reports included, and not the manager", async () => {
    const cycle = await launched({ kind: "organisation", managerId: org.max.id });
    const reviews = await db.prisma.review.findMany({
      where: { cycleId: cycle.cycleId },
      include: { subject: true, author: true },
    });
    expect(reviews.map((review) => `${review.kind}:${review.subject.name}<-${review.author.name}`).sort()).toEqual([
      "manager:Dana Doer<-Max Manager",
      "manager:Eve Early<-Max Manager",
      "manager:Finn Fresh<-Dana Doer",
      "self:Dana Doer<-Dana Doer",
      "self:Eve Early<-Eve Early",
      "self:Finn Fresh<-Finn Fresh",
    ]);
  });
});

describe("launching", () => {
  it("when HR launches, each participant gets one queued 'Write my self-review' DM, managers get a manager review per report, and a second launch is refused", async () => {
    const cycle = await launched({ kind: "people", personIds: [org.eve.id, org.sol.id] });
    expect(await db.prisma.review.count({ where: { kind: "self" } })).toBe(2);
    expect(await db.prisma.review.count({ where: { kind: "manager" } })).toBe(1); // Sol has no manager
    const dms = await deliveries("review.self-requested");
    expect(dms.map((dm) => dm.personId).sort()).toEqual([org.eve.id, org.sol.id].sort());
    expect(dms[0].message).toMatchObject({
      type: "review.self-requested",
      cycleName: "H2 2026",
      dueLabel: "Friday 4 December",
    });
    expect(dms.every((dm) => dm.respectQuietHours)).toBe(true);

    expect((await refusal(launchReviewCycle(ctx, { actorId: org.hr.id, cycleId: cycle.cycleId }))).userMessage).toBe(
      'The review cycle "H2 2026" was already launched.',
    );
    expect(await db.prisma.delivery.count()).toBe(2);
  });
});

describe("writing a self-review", () => {
  it("when Eve saves a draft and closes the form, it reopens with her answers; submitting needs every answer and is then final", async () => {
    await launched();
    const review = await reviewOf(org.eve.id, "self");
    await saveReviewDraft(ctx, {
      actorId: org.eve.id,
      reviewId: review.id,
      answers: { q1: "4", q5: "Shipped the importer" },
    });

    const form = await getReviewForm(ctx, { actorId: org.eve.id, reviewId: review.id });
    expect(form).toMatchObject({
      kind: "self",
      status: "draft",
      editable: true,
      answers: { q1: 4, q5: "Shipped the importer" },
      selfReview: null,
    });

    const missing = await refusal(
      submitReview(ctx, { actorId: org.eve.id, reviewId: review.id, answers: { q1: "4", q2: "9", q5: "Shipped" } }),
    );
    expect(missing).toBeInstanceOf(ReviewValidationError);
    expect((missing as ReviewValidationError).fieldErrors).toEqual({
      q2: "Pick a rating from 1 to 5.",
      q3: "Pick a rating from 1 to 5.",
      q4: "Pick a rating from 1 to 5.",
      q6: "Please answer this question.",
    });
    expect((await reviewOf(org.eve.id, "self")).answers).toEqual({ q1: 4, q5: "Shipped the importer" });

    const unstorable = await refusal(
      saveReviewDraft(ctx, { actorId: org.eve.id, reviewId: review.id, answers: { q1: "4", q5: "Shipped\u0000 it" } }),
    );
    expect((unstorable as ReviewValidationError).fieldErrors).toEqual({ q5: UNSTORABLE_TEXT });
    expect((await reviewOf(org.eve.id, "self")).answers).toEqual({ q1: 4, q5: "Shipped the importer" });

    await submitReview(ctx, { actorId: org.eve.id, reviewId: review.id, answers: FULL_ANSWERS });
    expect(await reviewOf(org.eve.id, "self")).toMatchObject({
      status: "submitted",
      answers: { q1: 4, q2: 5, q3: 3, q4: 4, q5: "Shipped the importer", q6: "Public speaking" },
    });
    expect((await refusal(saveReviewDraft(ctx, { actorId: org.eve.id, reviewId: review.id, answers: {} }))).code).toBe(
      "CONFLICT",
    );
    expect((await getReviewForm(ctx, { actorId: org.eve.id, reviewId: review.id })).editable).toBe(false);
  });

  it("when the self-review is submitted, the manager is asked once with 'Review <name>', and the form shows the self-review beside each question", async () => {
    await launched();
    const self = await reviewOf(org.eve.id, "self");
    const managerReview = await reviewOf(org.eve.id, "manager");
    const before = await getReviewForm(ctx, { actorId: org.max.id, reviewId: managerReview.id });
    expect(before.selfReview).toEqual({ submitted: false, answers: {} });

    await saveReviewDraft(ctx, { actorId: org.eve.id, reviewId: self.id, answers: { q5: "draft words" } });
    expect((await getReviewForm(ctx, { actorId: org.max.id, reviewId: managerReview.id })).selfReview).toEqual({
      submitted: false,
      answers: {},
    });

    await submitReview(ctx, { actorId: org.eve.id, reviewId: self.id, answers: FULL_ANSWERS });
    const asked = await deliveries("review.manager-requested");
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ key: `review-manager-request:${managerReview.id}`, personId: org.max.id });
    expect(asked[0].message).toMatchObject({
      subjectName: "Eve Early",
      selfSubmitted: true,
      dueLabel: "Friday 11 December",
    });
    expect((await getReviewForm(ctx, { actorId: org.max.id, reviewId: managerReview.id })).selfReview).toMatchObject({
      submitted: true,
      answers: { q6: "Public speaking" },
    });

    // HR reopens it; Eve submits again: the manager is not asked twice.
    await reopenReview(ctx, { actorId: org.hr.id, reviewId: self.id });
    expect(await reviewOf(org.eve.id, "self")).toMatchObject({ status: "draft", submittedAt: null });
    await submitReview(ctx, { actorId: org.eve.id, reviewId: self.id, answers: { ...FULL_ANSWERS, q6: "Mentoring" } });
    expect(await deliveries("review.manager-requested")).toHaveLength(1);
  });

  it("when the self-review form opens, it shows the person's goals and the kudos they received in the period, private ones on their own form only", async () => {
    await launched();
    await db.prisma.goal.create({
      data: {
        level: "person",
        ownerId: org.eve.id,
        title: "Ship the importer",
        dueDate: "2026-12-31",
        currentValue: 60,
        lastUpdateAt: SEEDED_AT,
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      },
    });
    const kudos = (visibility: "public" | "private", message: string) =>
      db.prisma.kudos.create({
        data: {
          batchId: message,
          requestKey: message,
          giverId: org.dana.id,
          recipientId: org.eve.id,
          message,
          visibility,
          platform: "slack",
          createdAt: new Date("2026-11-20T10:00:00Z"),
        },
      });
    await kudos("public", "Great demo");
    await kudos("private", "Thanks for covering");
    const own = await getReviewForm(ctx, { actorId: org.eve.id, reviewId: (await reviewOf(org.eve.id, "self")).id });
    expect(own.context.goals).toEqual([
      { title: "Ship the importer", status: "on track", progress: "60%", dueDate: "2026-12-31" },
    ]);
    expect(own.context.kudos.total).toBe(2);
    expect(own.context.kudos.recent.map((item) => item.message).sort()).toEqual(["Great demo", "Thanks for covering"]);
    const managers = await getReviewForm(ctx, {
      actorId: org.max.id,
      reviewId: (await reviewOf(org.eve.id, "manager")).id,
    });
    expect(managers.context.kudos.recent.map((item) => item.message)).toEqual(["Great demo"]);
  });

  it("when someone who isn't the author opens, saves or submits a review (a replayed button), they are refused and nothing changes", async () => {
    await launched();
    const self = await reviewOf(org.eve.id, "self");
    for (const actor of [org.sol, org.max, org.hr, org.admin]) {
      expect((await refusal(getReviewForm(ctx, { actorId: actor.id, reviewId: self.id }))).userMessage).toBe(
        "Sorry, this review isn't yours to write.",
      );
      expect(
        (await refusal(saveReviewDraft(ctx, { actorId: actor.id, reviewId: self.id, answers: { q5: "x" } }))).code,
      ).toBe("FORBIDDEN");
      expect(
        (await refusal(submitReview(ctx, { actorId: actor.id, reviewId: self.id, answers: FULL_ANSWERS }))).code,
      ).toBe("FORBIDDEN");
    }
    expect(await reviewOf(org.eve.id, "self")).toMatchObject({ status: "pending", answers: null });
  });
});

describe("status, close, release and export", () => {
  it("when HR asks, the status counts each step and each manager and names who is pending; a manager sees their own reports only; never an answer", async () => {
    await launched();
    await submitReview(ctx, {
      actorId: org.eve.id,
      reviewId: (await reviewOf(org.eve.id, "self")).id,
      answers: FULL_ANSWERS,
    });
    const all = await reviewStatus(ctx, { actorId: org.hr.id });
    expect(all.scope).toBe("organisation");
    expect(all.steps).toEqual({ self: { submitted: 1, total: 7 }, manager: { submitted: 0, total: 4 } });
    expect(all.byManager.find((group) => group.managerName === "Max Manager")).toEqual({
      managerName: "Max Manager",
      self: { submitted: 1, total: 2 },
      manager: { submitted: 0, total: 2 },
    });
    // Pending as nudges see it: six self-reviews, and of the manager reviews only Eve's (her self-review is in).
    expect(all.pendingCount).toBe(7);
    expect(JSON.stringify(all)).not.toContain("Public speaking");

    const team = await reviewStatus(ctx, { actorId: org.max.id });
    expect(team.scope).toBe("team");
    expect(team.steps).toEqual({ self: { submitted: 1, total: 2 }, manager: { submitted: 0, total: 2 } });
    expect(team.pending.map((item) => `${item.kind}:${item.subjectName}`).sort()).toEqual([
      "manager:Eve Early",
      "self:Dana Doer",
    ]);
  });

  it("when the cycle closes, the manager is offered 'Share', the report can't read the review until it is shared, then can; the export holds only shareable answers", async () => {
    await launched();
    await submitReview(ctx, {
      actorId: org.eve.id,
      reviewId: (await reviewOf(org.eve.id, "self")).id,
      answers: FULL_ANSWERS,
    });
    const managerReview = await reviewOf(org.eve.id, "manager");
    await submitReview(ctx, {
      actorId: org.max.id,
      reviewId: managerReview.id,
      answers: { ...FULL_ANSWERS, q5: "Eve carried the launch" },
    });
    await saveReviewDraft(ctx, {
      actorId: org.max.id,
      reviewId: (await reviewOf(org.dana.id, "manager")).id,
      answers: { q5: "Dana draft words" },
    });

    expect((await refusal(releaseReview(ctx, { actorId: org.max.id, reviewId: managerReview.id }))).userMessage).toBe(
      "Reviews can be shared once HR has closed the cycle.",
    );
    const closed = await closeReviewCycle(ctx, { actorId: org.hr.id, cycleId: "h2 2026" });
    expect(closed).toMatchObject({ readyToShare: 1 });
    expect((await deliveries("review.release-ready")).map((dm) => dm.personId)).toEqual([org.max.id]);
    expect(
      (
        await refusal(
          submitReview(ctx, {
            actorId: org.dana.id,
            reviewId: (await reviewOf(org.dana.id, "self")).id,
            answers: FULL_ANSWERS,
          }),
        )
      ).userMessage,
    ).toBe('The review cycle "H2 2026" is closed.');

    expect((await refusal(readReview(ctx, { actorId: org.eve.id, reviewId: managerReview.id }))).userMessage).toBe(
      "Your manager hasn't shared this review with you yet.",
    );
    const before = await exportReviewCycle(ctx, { cycle: "H2 2026" });
    expect(JSON.stringify(before)).not.toContain("Eve carried the launch");
    expect(JSON.stringify(before)).not.toContain("Dana draft words");

    expect((await refusal(releaseReview(ctx, { actorId: org.hr.id, reviewId: managerReview.id }))).userMessage).toBe(
      "Sorry, only the manager who wrote this review can share it.",
    );
    expect(await releaseReview(ctx, { actorId: org.max.id, reviewId: managerReview.id })).toMatchObject({
      releasedNow: true,
    });
    expect(await releaseReview(ctx, { actorId: org.max.id, reviewId: managerReview.id })).toMatchObject({
      releasedNow: false,
    });
    const released = await deliveries("review.released");
    expect(released.map((dm) => [dm.personId, (dm.message as { managerName: string }).managerName])).toEqual([
      [org.eve.id, "Max Manager"],
    ]);

    const read = await readReview(ctx, { actorId: org.eve.id, reviewId: managerReview.id });
    expect(read).toMatchObject({
      kind: "manager",
      authorName: "Max Manager",
      answers: { q5: "Eve carried the launch" },
    });
    expect((await refusal(readReview(ctx, { actorId: org.dana.id, reviewId: managerReview.id }))).userMessage).toBe(
      "Sorry, you can't read this review.",
    );

    const after = await exportReviewCycle(ctx, { cycle: "H2 2026" });
    const eveRows = after.rows.filter((row) => row.person === "Eve Early");
    expect(eveRows.map((row) => [row.step, row.status, row.answers.q5])).toEqual([
      ["self", "submitted", "Shipped the importer"],
      ["manager", "shared", "Eve carried the launch"],
    ]);
    expect(after.rows.find((row) => row.person === "Dana Doer" && row.step === "manager")).toMatchObject({
      status: "draft",
      answers: {},
    });
  });
});
