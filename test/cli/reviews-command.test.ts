import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/cli-context.ts";
import { exportCycleFile, listCycles, reviewsCommands } from "../../src/cli/commands/reviews.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import { closeReviewCycle } from "../../src/domain/reviews/close-review-cycle.ts";
import { createReviewCycle } from "../../src/domain/reviews/create-review-cycle.ts";
import { launchReviewCycle } from "../../src/domain/reviews/launch-review-cycle.ts";
import { releaseReview } from "../../src/domain/reviews/release-review.ts";
import { saveReviewDraft } from "../../src/domain/reviews/save-review-draft.ts";
import { submitReview } from "../../src/domain/reviews/submit-review.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../support/database.ts";
import {
  createOrg,
  MANAGER_DUE,
  reviewContext,
  SELF_DUE,
  type Org,
  type ReviewContext,
} from "../domain/reviews/review-support.ts";

let db: TestDatabase;
let dir: string;
let ctx: ReviewContext;
let org: Org;
beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), "momentum-reviews-cli-"));
});
afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await resetDatabase(db);
  ctx = reviewContext(db);
  org = await createOrg(db);
});

function cli(): CliContext & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { domain: ctx, out: (line) => stdout.push(line), err: (line) => stderr.push(line), stdout, stderr };
}

/** Eve and Dana (Max's reports) take part; Eve's reviews are both written, Max shares his; Dana's are drafts. */
async function runCycle() {
  const questions = [
    { id: "q1", kind: "rating" as const, label: "Goals" },
    { id: "q2", kind: "text" as const, label: "Achievements" },
  ];
  const { cycleId } = await createReviewCycle(ctx, {
    actorId: org.hr.id,
    name: "H2 2026",
    participants: { kind: "people", personIds: [org.eve.id, org.dana.id] },
    selfDueDate: SELF_DUE,
    managerDueDate: MANAGER_DUE,
    questions,
  });
  await launchReviewCycle(ctx, { actorId: org.hr.id, cycleId });
  const review = (subjectId: string, kind: "self" | "manager") =>
    db.prisma.review.findFirstOrThrow({ where: { subjectId, kind } });
  await submitReview(ctx, {
    actorId: org.eve.id,
    reviewId: (await review(org.eve.id, "self")).id,
    answers: { q1: "4", q2: '=HYPERLINK("x"), shipped, "quoted"' },
  });
  const eveManager = await review(org.eve.id, "manager");
  await submitReview(ctx, {
    actorId: org.max.id,
    reviewId: eveManager.id,
    answers: { q1: "5", q2: "Carried the launch" },
  });
  await saveReviewDraft(ctx, {
    actorId: org.dana.id,
    reviewId: (await review(org.dana.id, "self")).id,
    answers: { q2: "Dana's private draft" },
  });
  await saveReviewDraft(ctx, {
    actorId: org.max.id,
    reviewId: (await review(org.dana.id, "manager")).id,
    answers: { q2: "Max's unshared words" },
  });
  await closeReviewCycle(ctx, { actorId: org.hr.id, cycleId });
  return { cycleId, eveManagerId: eveManager.id };
}

describe("momentum reviews export", () => {
  it("when HR exports a cycle by name, the CSV has a row per review with ratings and answers only where they may be read, and formulas neutralised", async () => {
    const { eveManagerId } = await runCycle();
    const before = cli();
    expect(await exportCycleFile(before, "h2 2026")).toBe(0);
    const beforeCsv = before.stdout.join("\n");
    expect(beforeCsv).not.toContain("Carried the launch"); // not shared yet
    expect(beforeCsv).not.toContain("Dana's private draft");
    expect(beforeCsv).not.toContain("Max's unshared words");

    await releaseReview(ctx, { actorId: org.max.id, reviewId: eveManagerId });
    const path = join(dir, "h2.csv");
    const run = cli();
    expect(await exportCycleFile(run, "H2 2026", path)).toBe(0);
    expect(run.stdout).toEqual([`Exported 4 reviews of H2 2026 to ${path}.`]);
    const rows = parse(readFileSync(path), { columns: true }) as Record<string, string>[];
    expect(
      rows.map((row) => [row.person, row.manager, row.step, row.author, row.status, row.Goals, row.Achievements]),
    ).toEqual([
      ["Dana Doer", "Max Manager", "self", "Dana Doer", "draft", "", ""],
      ["Dana Doer", "Max Manager", "manager", "Max Manager", "draft", "", ""],
      ["Eve Early", "Max Manager", "self", "Eve Early", "submitted", "4", `'=HYPERLINK("x"), shipped, "quoted"`],
      ["Eve Early", "Max Manager", "manager", "Max Manager", "shared", "5", "Carried the launch"],
    ]);
    expect(rows[2].submitted_at).toBe("2026-11-25T12:00:00.000Z");
    expect(Object.keys(rows[0])).toEqual([
      "person",
      "person_email",
      "manager",
      "step",
      "author",
      "status",
      "submitted_at",
      "Goals",
      "Achievements",
    ]);
  });

  it("when the cycle doesn't exist, it says so and exits 1; without a cycle it is a usage error (exit 2) before the database opens", async () => {
    const run = cli();
    expect(await exportCycleFile(run, "Nope")).toBe(1);
    expect(run.stderr).toEqual(['There is no review cycle called "Nope".']);
    const err: string[] = [];
    expect(
      await runCli(["reviews", "export"], { out: () => undefined, err: (line) => err.push(line) }, { env: {} }),
    ).toBe(2);
    expect(err[0]).toContain("reviews export takes the cycle");
    expect(() => reviewsCommands.prepare(["frobnicate"])).toThrow('unknown command "reviews frobnicate"');
  });
});

describe("momentum reviews list", () => {
  it("when cycles exist, it lists each with its status and completion, newest first", async () => {
    const { cycleId } = await runCycle();
    const run = cli();
    expect(await listCycles(run)).toBe(0);
    expect(run.stdout).toEqual([
      `${cycleId}  H2 2026  closed  self due ${SELF_DUE}  manager due ${MANAGER_DUE}  2/4 submitted`,
    ]);
  });
});
