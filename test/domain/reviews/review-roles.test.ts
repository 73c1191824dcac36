// Every HR and manager action against every role: those without the role get a clear "only … can" and nothing
// happens (no cycle, no review change, nothing queued).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Role } from "../../../src/domain/people/person.ts";
import { closeReviewCycle } from "../../../src/domain/reviews/close-review-cycle.ts";
import { createReviewCycle } from "../../../src/domain/reviews/create-review-cycle.ts";
import { launchReviewCycle } from "../../../src/domain/reviews/launch-review-cycle.ts";
import { nudgePending, nudgePreview } from "../../../src/domain/reviews/nudge-pending.ts";
import { releaseReview } from "../../../src/domain/reviews/release-review.ts";
import { reopenReview } from "../../../src/domain/reviews/reopen-review.ts";
import { reviewCycleAnnouncement } from "../../../src/domain/reviews/review-cycle-announcement.ts";
import { reviewStatus } from "../../../src/domain/reviews/review-status.ts";
import { submitReview } from "../../../src/domain/reviews/submit-review.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { createPerson } from "../../support/fixtures.ts";
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
let draftId: string;
let activeId: string;
let submittedSelfId: string;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(async () => {
  await resetDatabase(db);
  ctx = reviewContext(db);
  org = await createOrg(db);
  const cycle = (name: string) =>
    createReviewCycle(ctx, {
      actorId: org.hr.id,
      name,
      participants: { kind: "organisation", managerId: org.max.id },
      selfDueDate: SELF_DUE,
      managerDueDate: MANAGER_DUE,
    });
  activeId = (await cycle("Active")).cycleId;
  await launchReviewCycle(ctx, { actorId: org.hr.id, cycleId: activeId });
  draftId = (await cycle("Draft")).cycleId;
  submittedSelfId = (await db.prisma.review.findFirstOrThrow({ where: { subjectId: org.eve.id, kind: "self" } })).id;
  await submitReview(ctx, { actorId: org.eve.id, reviewId: submittedSelfId, answers: FULL_ANSWERS });
});

async function snapshot() {
  const [cycles, reviews, deliveries] = await Promise.all([
    db.prisma.reviewCycle.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true } }),
    db.prisma.review.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, releasedAt: true } }),
    db.prisma.delivery.count(),
  ]);
  return { cycles, reviews, deliveries };
}

const HR_ACTIONS: [string, (actorId: string) => Promise<unknown>, string][] = [
  [
    "create a cycle",
    (actorId) =>
      createReviewCycle(ctx, {
        actorId,
        name: "X",
        participants: { kind: "everyone" },
        selfDueDate: SELF_DUE,
        managerDueDate: MANAGER_DUE,
      }),
    "Sorry, only HR can create a review cycle.",
  ],
  [
    "launch a cycle",
    (actorId) => launchReviewCycle(ctx, { actorId, cycleId: draftId }),
    "Sorry, only HR can launch a review cycle.",
  ],
  [
    "close a cycle",
    (actorId) => closeReviewCycle(ctx, { actorId, cycleId: activeId }),
    "Sorry, only HR can close a review cycle.",
  ],
  [
    "reopen a review",
    (actorId) => reopenReview(ctx, { actorId, reviewId: submittedSelfId }),
    "Sorry, only HR can reopen a review.",
  ],
  [
    "preview a nudge",
    (actorId) => nudgePreview(ctx, { actorId, cycleId: activeId }),
    "Sorry, only HR can nudge people about reviews.",
  ],
  [
    "nudge",
    (actorId) => nudgePending(ctx, { actorId, cycleId: activeId, runId: "6f1d3c1e-7a52-4c55-9a3b-0d4b7f1f2a10" }),
    "Sorry, only HR can nudge people about reviews.",
  ],
  [
    "suggest an announcement",
    (actorId) => reviewCycleAnnouncement(ctx, { actorId, cycleId: activeId }),
    "Sorry, only HR can announce a review cycle.",
  ],
];
const ROLES: Role[] = ["employee", "manager", "hr", "admin"];
const WHO: Record<Role, string> = {
  employee: "an employee",
  manager: "a manager",
  hr: "an HR person",
  admin: "an admin",
};

describe("the role matrix", () => {
  for (const [action, run, message] of HR_ACTIONS) {
    for (const role of ROLES) {
      const allowed = role === "hr" || role === "admin";
      it(`when ${WHO[role]} tries to ${action}, ${allowed ? "it is allowed" : "they are told only HR can, and nothing changes"}`, async () => {
        const actor = await createPerson(db, { name: `A ${role}`, role });
        const before = await snapshot();
        if (allowed) {
          await run(actor.id);
          return;
        }
        const error = await refusal(run(actor.id));
        expect(error).toMatchObject({ code: "FORBIDDEN", userMessage: message });
        expect(await snapshot()).toEqual(before);
      });
    }
  }

  for (const role of ROLES) {
    it(`when ${WHO[role]} who isn't in the reporting line asks for the status, ${role === "employee" ? "they are refused" : role === "manager" ? "they see an empty team" : "they see everyone"}`, async () => {
      const actor = await createPerson(db, { name: `S ${role}`, role });
      if (role === "employee") {
        expect((await refusal(reviewStatus(ctx, { actorId: actor.id, cycleId: activeId }))).userMessage).toBe(
          "Sorry, only HR and managers can see the status of a review cycle.",
        );
        return;
      }
      const status = await reviewStatus(ctx, { actorId: actor.id, cycleId: activeId });
      expect(status.steps.self.total).toBe(role === "manager" ? 0 : 3);
    });
  }

  for (const role of ROLES) {
    it(`when ${WHO[role]} who didn't write a manager review tries to share it, they are refused and it stays unshared`, async () => {
      const managerReview = await db.prisma.review.findFirstOrThrow({
        where: { subjectId: org.eve.id, kind: "manager" },
      });
      await submitReview(ctx, { actorId: org.max.id, reviewId: managerReview.id, answers: FULL_ANSWERS });
      await closeReviewCycle(ctx, { actorId: org.hr.id, cycleId: activeId });
      const actor = await createPerson(db, { name: `R ${role}`, role });
      const before = await snapshot();
      expect((await refusal(releaseReview(ctx, { actorId: actor.id, reviewId: managerReview.id }))).userMessage).toBe(
        "Sorry, only the manager who wrote this review can share it.",
      );
      expect(await snapshot()).toEqual(before);
    });
  }
});
