import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createReviewCycle } from "../../../src/domain/reviews/create-review-cycle.ts";
import { launchReviewCycle } from "../../../src/domain/reviews/launch-review-cycle.ts";
import { nudgePending, nudgePreview } from "../../../src/domain/reviews/nudge-pending.ts";
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

const nudges = () => db.prisma.delivery.findMany({ where: { kind: "review.nudge" }, orderBy: { personId: "asc" } });

describe("/review nudge", () => {
  it("when HR previews, it counts only people with something pending; confirming queues one DM each, and confirming the same preview twice adds nothing", async () => {
    // Eve submitted: her manager (Max) now has her review to write; Dana and Finn still owe their self-reviews.
    await submitReview(ctx, {
      actorId: org.eve.id,
      reviewId: (await db.prisma.review.findFirstOrThrow({ where: { subjectId: org.eve.id, kind: "self" } })).id,
      answers: FULL_ANSWERS,
    });
    const preview = await nudgePreview(ctx, { actorId: org.hr.id, cycleId });
    expect(preview).toMatchObject({ cycleName: "H2", people: 3, reviews: 3 });
    expect(preview.sampleNames.sort()).toEqual(["Dana Doer", "Finn Fresh", "Max Manager"]);

    expect(await nudgePending(ctx, { actorId: org.hr.id, cycleId, runId: preview.runId })).toMatchObject({
      people: 3,
      queued: 3,
    });
    expect(await nudgePending(ctx, { actorId: org.hr.id, cycleId, runId: preview.runId })).toMatchObject({
      people: 3,
      queued: 0,
    });
    const queued = await nudges();
    expect(queued.map((row) => row.personId).sort()).toEqual([org.dana.id, org.finn.id, org.max.id].sort());
    const toMax = queued.find((row) => row.personId === org.max.id)!;
    expect(toMax.message).toMatchObject({
      type: "review.nudge",
      items: [{ kind: "manager", subjectName: "Eve Early", dueLabel: "Friday 11 December" }],
      more: 0,
    });
    expect(queued.every((row) => row.respectQuietHours && row.expiresAt !== null)).toBe(true);

    // A new preview is a new run: HR can nudge again on purpose.
    const again = await nudgePreview(ctx, { actorId: org.hr.id, cycleId });
    expect(again.runId).not.toBe(preview.runId);
    expect((await nudgePending(ctx, { actorId: org.hr.id, cycleId, runId: again.runId })).queued).toBe(3);
  });

  it("when the confirm button carries a forged run id, HR is told it is out of date and nothing is queued", async () => {
    expect((await refusal(nudgePending(ctx, { actorId: org.hr.id, cycleId, runId: "not-a-run" }))).userMessage).toBe(
      "That nudge button is out of date. Run /review nudge again.",
    );
    expect(await nudges()).toHaveLength(0);
  });
});
