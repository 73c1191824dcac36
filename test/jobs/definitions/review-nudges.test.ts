// Automatic review nudges and the manager-due-date request, evaluated minute by minute on a manual clock. Self
// reviews are due Friday 4 December 2026 (nudges Tuesday 1 and Thursday 3 December), manager reviews Friday 11
// December (nudges Tuesday 8 and Thursday 10). Working hours are the org's 09:00–18:00, Monday to Friday.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createReviewCycle } from "../../../src/domain/reviews/create-review-cycle.ts";
import { launchReviewCycle } from "../../../src/domain/reviews/launch-review-cycle.ts";
import { submitReview } from "../../../src/domain/reviews/submit-review.ts";
import { milestoneDate, reviewNudgesJob } from "../../../src/jobs/definitions/review-nudges.ts";
import { reviewManagerRequestsJob } from "../../../src/jobs/definitions/review-manager-requests.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { createOrg, FULL_ANSWERS, MANAGER_DUE, NOW, SELF_DUE, type Org } from "../../domain/reviews/review-support.ts";
import { jobContext, sweep, tick, type JobContext } from "./job-harness.ts";

let db: TestDatabase;
let ctx: JobContext;
let org: Org;
let names: Map<string, string>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(async () => {
  await resetDatabase(db);
  ctx = jobContext(db);
  ctx.clock.set(NOW);
  org = await createOrg(db);
  names = new Map(Object.values(org).map((person) => [person.id, person.name]));
  const { cycleId } = await createReviewCycle(ctx, {
    actorId: org.hr.id,
    name: "H2",
    participants: { kind: "organisation", managerId: org.max.id },
    selfDueDate: SELF_DUE,
    managerDueDate: MANAGER_DUE,
  });
  await launchReviewCycle(ctx, { actorId: org.hr.id, cycleId });
});

const selfOf = (subjectId: string) => db.prisma.review.findFirstOrThrow({ where: { subjectId, kind: "self" } });
const submitSelf = async (person: { id: string }) =>
  submitReview(ctx, { actorId: person.id, reviewId: (await selfOf(person.id)).id, answers: FULL_ANSWERS });

/** Who got a nudge at which instant, by name. */
async function nudged(from: string, to: string) {
  // Working days start on the hour in every zone here, so hourly ticks see every first possible minute.
  const found = await sweep(ctx, reviewNudgesJob, from, to, 60);
  const rows = await db.prisma.delivery.findMany({ where: { key: { in: found.map((entry) => entry.key) } } });
  return found.map((entry) => `${entry.at} ${names.get(rows.find((row) => row.key === entry.key)!.personId!)}`);
}

describe("automatic review nudges", () => {
  it("when self-reviews are pending, each author is nudged 3 days and 1 day before the due date at the start of their own working day, once each", async () => {
    await submitSelf(org.eve); // Eve is done: never nudged.
    expect(await nudged("2026-11-30T00:00:00Z", "2026-12-05T00:00:00Z")).toEqual([
      "2026-12-01T08:00:00.000Z Dana Doer", // 09:00 in Berlin
      "2026-12-01T09:00:00.000Z Finn Fresh", // 09:00 UTC
      "2026-12-03T08:00:00.000Z Dana Doer",
      "2026-12-03T09:00:00.000Z Finn Fresh",
    ]);
    const keys = (await db.prisma.delivery.findMany({ where: { kind: "review.nudge" }, select: { key: true } })).map(
      (row) => row.key,
    );
    const dana = (await selfOf(org.dana.id)).id;
    expect(keys).toContain(`review-nudge:${dana}:${SELF_DUE}:3d`);
    expect(keys).toContain(`review-nudge:${dana}:${SELF_DUE}:1d`);
    // Evaluating the same minutes again (another instance, a restart) adds nothing.
    expect(await nudged("2026-12-01T07:00:00Z", "2026-12-01T12:00:00Z")).toEqual([]);
  });

  it("when a manager has two reports' reviews due the same day, they get one nudge that day listing both", async () => {
    await submitSelf(org.eve);
    await submitSelf(org.dana);
    const lines = await nudged("2026-12-08T00:00:00Z", "2026-12-09T00:00:00Z");
    expect(lines).toEqual(["2026-12-08T09:00:00.000Z Max Manager"]);
    const [nudge] = await db.prisma.delivery.findMany({ where: { kind: "review.nudge", personId: org.max.id } });
    expect(
      (nudge.message as { items: { subjectName: string }[] }).items.map((item) => item.subjectName).sort(),
    ).toEqual(["Dana Doer", "Eve Early"]);
    expect(nudge.expiresAt?.toISOString()).toBe("2026-12-12T00:00:00.000Z");
  });

  it("when the nudge day falls on a weekend it moves back to the Friday; nobody is nudged at night or once they submitted", async () => {
    expect(milestoneDate("2026-12-07", 1, [1, 2, 3, 4, 5])).toBe("2026-12-04");
    expect(milestoneDate("2026-12-04", 3, [1, 2, 3, 4, 5])).toBe("2026-12-01");
    expect(await tick(ctx, reviewNudgesJob, "2026-12-01T02:00:00Z")).toEqual([]);
    await submitSelf(org.finn);
    expect((await nudged("2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z")).some((line) => line.includes("Finn"))).toBe(
      false,
    );
  });

  it("when a self-review is submitted after its nudge was queued, the queued nudge is cancelled", async () => {
    await tick(ctx, reviewNudgesJob, "2026-12-01T09:00:00Z");
    await submitSelf(org.finn);
    const [finns] = await db.prisma.delivery.findMany({ where: { kind: "review.nudge", personId: org.finn.id } });
    expect(finns.status).toBe("cancelled");
  });
});

describe("the manager-due-date request", () => {
  it("when the manager due date begins in the manager's zone, they get 'Review <name>' for each report whose self-review never came, once", async () => {
    await submitSelf(org.eve); // Max was already asked for Eve when she submitted.
    expect(await tick(ctx, reviewManagerRequestsJob, "2026-12-10T22:59:00Z")).toEqual([]);
    // Midnight in Berlin: Dana's due date has begun (for Finn); Max (UTC) waits another hour.
    const berlin = await tick(ctx, reviewManagerRequestsJob, "2026-12-10T23:00:00Z");
    const utc = await tick(ctx, reviewManagerRequestsJob, "2026-12-11T00:00:00Z");
    expect([berlin.length, utc.length]).toEqual([1, 1]);
    const rows = await db.prisma.delivery.findMany({ where: { key: { in: [...berlin, ...utc] } } });
    expect(
      rows.map((row) => `${names.get(row.personId!)}: ${(row.message as { subjectName: string }).subjectName}`).sort(),
    ).toEqual(["Dana Doer: Finn Fresh", "Max Manager: Dana Doer"]);
    expect(rows.every((row) => (row.message as { selfSubmitted: boolean }).selfSubmitted === false)).toBe(true);
    expect(await db.prisma.delivery.count({ where: { kind: "review.manager-requested", personId: org.max.id } })).toBe(
      2,
    );
    expect(await tick(ctx, reviewManagerRequestsJob, "2026-12-11T09:00:00Z")).toEqual([]);
  });
});
