import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTeamSummaries } from "../../../src/domain/summaries/build-team-summaries.ts";
import { getHome } from "../../../src/domain/summaries/get-home.ts";
import { getTeamSummary } from "../../../src/domain/summaries/get-team-summary.ts";
import { moodSparkline } from "../../../src/domain/summaries/sparkline.ts";
import { AppError } from "../../../src/shared/errors.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { domainContext } from "../../support/fixtures.ts";
import { FEEDBACK_TEXT, MONDAY, NOTE_TEXT, seedOrg } from "./manager-week-fixtures.ts";

let db: TestDatabase;
let org: Awaited<ReturnType<typeof seedOrg>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(async () => {
  await resetDatabase(db);
  org = await seedOrg(db);
});
const ctx = () => domainContext(db, { clock: new ManualClock(MONDAY) });

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => expect.fail("expected a refusal"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("the weekly team summary", () => {
  it("when a manager has two reports with blockers, they are listed first; away people are excused, not missing", async () => {
    const [summary] = await buildTeamSummaries(ctx(), { managerIds: [org.mia.id] });
    expect(summary.weekLabel).toBe("Week 48, 2026");
    expect(summary.reports.map((report) => [report.name, report.status, report.blockers])).toEqual([
      ["Ana", "submitted", "Waiting for the security review"],
      ["Ben", "submitted", "No test environment"],
      ["Eve", "missing", null],
      ["Cy", "submitted", null],
      ["Dee", "excused", null],
    ]);
    expect(summary.completion).toEqual({ submitted: 3, expected: 4, excused: 1, missing: 1 });
    expect(summary.blockersCount).toBe(2);
  });

  it("when the team has three or more answers a week, the mood is an eight-week sparkline of the average; under three people it is hidden and says why", async () => {
    const summaries = await buildTeamSummaries(ctx());
    const mia = summaries.find((summary) => summary.managerId === org.mia.id)!;
    const otto = summaries.find((summary) => summary.managerId === org.otto.id)!;
    expect(mia.mood).toEqual({
      shown: true,
      sparkline: moodSparkline([4, 4, 4, 4, 4, 4, 4, 3]),
      weeks: 8,
      latest: 3,
      change: -1,
    });
    expect(otto.mood.shown).toBe(false);
    expect(otto.mood).toMatchObject({ reason: expect.stringContaining("teams of 3 or more") });
    expect(JSON.stringify(otto)).not.toMatch(/"mood":\s*[15]\b|latest/);
  });

  it("lists goals at risk, the week's kudos given and received, and pending reviews of the team only", async () => {
    const summaries = await buildTeamSummaries(ctx());
    const mia = summaries.find((summary) => summary.managerId === org.mia.id)!;
    expect(mia.goalsAtRisk).toEqual([
      {
        ownerName: "Ana",
        title: "Ship the billing export",
        progressPercent: 40,
        dueDate: "2026-11-20",
        reasons: ["past its due date"],
      },
    ]);
    expect(mia.kudos).toEqual({ given: 1, received: 1 });
    expect(mia.reviewsPending).toEqual({ count: 1, people: [{ name: "Ana", count: 1 }] });
    const otto = summaries.find((summary) => summary.managerId === org.otto.id)!;
    expect(otto.reports.map((report) => report.name)).toEqual(["Pia", "Quin"]);
    expect(otto.goalsAtRiskCount).toBe(0);
  });

  it("never carries feedback text, 1:1 notes or what reports wrote for their manager", async () => {
    const text = JSON.stringify(await buildTeamSummaries(ctx()));
    expect(text).not.toContain(FEEDBACK_TEXT);
    expect(text).not.toContain(NOTE_TEXT);
    expect(text).not.toContain("Talk about the roadmap");
  });

  it("when built for all managers at once, each summary equals the one built for that manager alone", async () => {
    const all = await buildTeamSummaries(ctx());
    for (const summary of all)
      expect((await buildTeamSummaries(ctx(), { managerIds: [summary.managerId] }))[0]).toEqual(summary);
  });
});

describe("who may see a team summary", () => {
  it("a manager sees their own; HR sees anyone's; another manager, a report or an employee is refused", async () => {
    expect((await getTeamSummary(ctx(), { viewerId: org.mia.id })).managerId).toBe(org.mia.id);
    expect((await getTeamSummary(ctx(), { viewerId: org.hal.id, managerId: org.mia.id })).reports).toHaveLength(5);
    expect((await refusal(getTeamSummary(ctx(), { viewerId: org.otto.id, managerId: org.mia.id }))).code).toBe(
      "FORBIDDEN",
    );
    expect(
      (await refusal(getTeamSummary(ctx(), { viewerId: org.ana.id, managerId: org.mia.id }))).userMessage,
    ).toContain("only HR");
    expect((await refusal(getTeamSummary(ctx(), { viewerId: org.ana.id }))).userMessage).toContain("no direct reports");
  });
});

describe("the home view", () => {
  it("shows a report their own goals, reviews and kudos and no team; a manager gets their team as counts only", async () => {
    const ana = await getHome(ctx(), { personId: org.ana.id });
    expect(ana.openGoals.map((goal) => [goal.title, goal.atRisk])).toEqual([["Ship the billing export", true]]);
    expect(ana.pendingReviews).toEqual([
      { cycleName: "H2 2026", subjectName: "Ana", kind: "self", dueDate: "2026-12-10" },
    ]);
    expect(ana.recentKudos.map((kudos) => kudos.message)).toEqual(["Thanks for the pairing"]);
    expect(ana.team).toBeNull();
    const quin = await getHome(ctx(), { personId: org.quin.id });
    expect(quin.recentKudos).toMatchObject([{ message: "Great review", visibility: "private" }]);
    const mia = await getHome(ctx(), { personId: org.mia.id });
    expect(mia.team).toEqual({
      reports: 5,
      submitted: 3,
      expected: 4,
      blockers: 2,
      goalsAtRisk: 1,
      weekLabel: "Week 48, 2026",
    });
    expect(JSON.stringify(mia)).not.toMatch(/security review|Ship the billing|Great review/);
  });
});
