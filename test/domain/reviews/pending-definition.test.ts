// "Pending" has one meaning: what /review status lists as pending is exactly who /review nudge would nudge, and
// what the author's home and their manager's team summary count.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createReviewCycle } from "../../../src/domain/reviews/create-review-cycle.ts";
import { exportReviewCycle } from "../../../src/domain/reviews/export-review-cycle.ts";
import { launchReviewCycle } from "../../../src/domain/reviews/launch-review-cycle.ts";
import { nudgePreview } from "../../../src/domain/reviews/nudge-pending.ts";
import { reviewStatus } from "../../../src/domain/reviews/review-status.ts";
import { submitReview } from "../../../src/domain/reviews/submit-review.ts";
import { getHome } from "../../../src/domain/summaries/get-home.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import {
  createOrg,
  FULL_ANSWERS,
  MANAGER_DUE,
  reviewContext,
  SELF_DUE,
  type Org,
  type ReviewContext,
} from "./review-support.ts";

let db: TestDatabase;
let ctx: ReviewContext;
let org: Org;
let cycleId: string;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(async () => {
  await resetDatabase(db);
  ctx = reviewContext(db);
  org = await createOrg(db);
  cycleId = (
    await createReviewCycle(ctx, {
      actorId: org.hr.id,
      name: "H2",
      participants: { kind: "organisation", managerId: org.max.id },
      selfDueDate: SELF_DUE,
      managerDueDate: MANAGER_DUE,
    })
  ).cycleId;
  await launchReviewCycle(ctx, { actorId: org.hr.id, cycleId });
});

describe("who is pending", () => {
  it("when Dana has not written her self-review, Max's review of her is not open yet: status does not list Max for Dana, nudge does not count him, and his home does not show it", async () => {
    // Eve submitted, so Max's review of Eve is open; his reviews of Dana and Finn wait for their self-reviews.
    await submitReview(ctx, {
      actorId: org.eve.id,
      reviewId: (await db.prisma.review.findFirstOrThrow({ where: { subjectId: org.eve.id, kind: "self" } })).id,
      answers: FULL_ANSWERS,
    });

    const status = await reviewStatus(ctx, { actorId: org.hr.id, cycleId });
    const listed = status.pending.map((entry) => `${entry.authorName}:${entry.kind}:${entry.subjectName}`).sort();
    expect(listed).toEqual(["Dana Doer:self:Dana Doer", "Finn Fresh:self:Finn Fresh", "Max Manager:manager:Eve Early"]);
    expect(status.pendingCount).toBe(3);

    const preview = await nudgePreview(ctx, { actorId: org.hr.id, cycleId });
    expect(preview.reviews).toBe(status.pendingCount);

    const home = await getHome(ctx, { personId: org.max.id });
    expect(home.pendingReviews.map((review) => `${review.kind}:${review.subjectName}`)).toEqual(["manager:Eve Early"]);
  });

  it("when HR exports the cycle, the rows marked pending are exactly the reviews status lists, and a manager review still waiting for its self-review says not open yet", async () => {
    await submitReview(ctx, {
      actorId: org.eve.id,
      reviewId: (await db.prisma.review.findFirstOrThrow({ where: { subjectId: org.eve.id, kind: "self" } })).id,
      answers: FULL_ANSWERS,
    });
    await db.prisma.person.update({ where: { id: org.finn.id }, data: { active: false } });

    const exported = await exportReviewCycle(ctx, { cycle: cycleId });
    const pendingRows = exported.rows
      .filter((row) => row.status === "pending" || row.status === "draft")
      .map((row) => `${row.author}:${row.step}:${row.person}`);
    const status = await reviewStatus(ctx, { actorId: org.hr.id, cycleId });
    expect(pendingRows.sort()).toEqual(
      status.pending.map((entry) => `${entry.authorName}:${entry.kind}:${entry.subjectName}`).sort(),
    );
    const row = (author: string, step: string, person: string) =>
      exported.rows.find((entry) => entry.author === author && entry.step === step && entry.person === person)?.status;
    expect(row("Max Manager", "manager", "Dana Doer")).toBe("not open yet");
    expect(row("Finn Fresh", "self", "Finn Fresh")).toBe("not submitted");
  });

  it("when an author has left (deactivated), their unwritten review is no longer listed as pending by status or counted by nudge", async () => {
    await db.prisma.person.update({ where: { id: org.finn.id }, data: { active: false } });
    const status = await reviewStatus(ctx, { actorId: org.hr.id, cycleId });
    expect(status.pending.map((entry) => entry.authorName)).not.toContain("Finn Fresh");
    expect(status.pendingCount).toBe((await nudgePreview(ctx, { actorId: org.hr.id, cycleId })).reviews);
  });
});
