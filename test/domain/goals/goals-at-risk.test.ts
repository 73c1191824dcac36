import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CHECK_IN_GOAL_COMMENT,
  listCheckInGoals,
  readCheckInGoalValues,
  recordCheckInGoalProgress,
} from "../../../src/domain/goals/check-in-goals.ts";
import { createGoal } from "../../../src/domain/goals/create-goal.ts";
import { goalRiskReasons, goalsAtRisk } from "../../../src/domain/goals/goals-at-risk.ts";
import { updateGoalProgress } from "../../../src/domain/goals/update-goal-progress.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { createPerson, domainContext } from "../../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
const clock = new ManualClock("2026-11-02T12:00:00Z");
beforeEach(async () => {
  clock.set("2026-11-02T12:00:00Z");
  await resetDatabase(db);
});
const ctx = () => domainContext(db, { clock });

describe("goals at risk", () => {
  it("flags overdue, stale (21 days without an update) and explicitly at-risk/off-track goals of the given people only, soonest due first", async () => {
    const ana = await createPerson(db, { name: "Ana", timeZone: "Pacific/Auckland" });
    const ben = await createPerson(db, { name: "Ben" });
    const outsider = await createPerson(db, { name: "Out" });
    const make = (ownerId: string, title: string, dueDate: string) =>
      createGoal(ctx(), { actorId: ownerId, level: "person", title, measure: "percent", dueDate });
    // Created Monday 2 November 2026.
    const overdue = await make(ana.id, "Due yesterday in Auckland", "2026-11-22");
    const fresh = await make(ana.id, "Fine", "2027-06-30");
    const stale = await make(ben.id, "Forgotten", "2027-06-30");
    const marked = await make(ben.id, "Trouble", "2027-06-30");
    const done = await make(ben.id, "Finished late", "2026-11-10");
    await make(outsider.id, "Not asked about", "2026-11-03");

    clock.set("2026-11-22T11:00:00Z"); // already 23 November in Auckland, still the 22nd in UTC
    await updateGoalProgress(ctx(), { actorId: ana.id, goalId: fresh.goalId, value: 10 });
    await updateGoalProgress(ctx(), { actorId: ana.id, goalId: overdue.goalId, value: 50 });
    await updateGoalProgress(ctx(), { actorId: ben.id, goalId: marked.goalId, value: 5, status: "off_track" });
    await updateGoalProgress(ctx(), { actorId: ben.id, goalId: done.goalId, value: 100 });

    // 20 days and 23 hours after creation: "Forgotten" is not stale yet.
    let flagged = await goalsAtRisk(ctx(), { personIds: [ana.id, ben.id], now: new Date("2026-11-23T11:00:00Z") });
    expect(flagged.map((goal) => [goal.title, goal.reasons])).toEqual([
      ["Due yesterday in Auckland", ["overdue"]],
      ["Trouble", ["marked_off_track"]],
    ]);

    flagged = await goalsAtRisk(ctx(), { personIds: [ana.id, ben.id, ben.id], now: new Date("2026-11-23T12:00:00Z") });
    expect(flagged.map((goal) => [goal.title, goal.reasons])).toEqual([
      ["Due yesterday in Auckland", ["overdue"]],
      ["Forgotten", ["no_recent_update"]],
      ["Trouble", ["marked_off_track"]],
    ]);
    expect(flagged[0]).toMatchObject({
      goalId: overdue.goalId,
      ownerId: ana.id,
      ownerName: "Ana",
      level: "person",
      status: "on_track",
      progressPercent: 50,
      dueDate: "2026-11-22",
      daysSinceUpdate: 1,
    });
    expect(flagged[1]).toMatchObject({ goalId: stale.goalId, daysSinceUpdate: 21, progressPercent: 0 });
    expect(await goalsAtRisk(ctx(), { personIds: [] })).toEqual([]);
  });

  it("the rules are a pure function: a done goal is never at risk, and every matching reason is listed", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const base = { dueDate: "2026-11-30", lastUpdateAt: new Date("2026-11-01T00:00:00Z"), ownerTimeZone: "UTC" };
    expect(goalRiskReasons({ ...base, status: "at_risk" }, now)).toEqual([
      "overdue",
      "no_recent_update",
      "marked_at_risk",
    ]);
    expect(goalRiskReasons({ ...base, status: "done" }, now)).toEqual([]);
    expect(
      goalRiskReasons(
        {
          dueDate: "2026-12-01",
          lastUpdateAt: new Date("2026-11-10T00:00:01Z"),
          ownerTimeZone: "Not/AZone",
          status: "on_track",
        },
        now,
      ),
    ).toEqual([]);
  });
});

describe("goal progress from the weekly check-in", () => {
  it("offers up to five open goals, soonest due first, with their current values", async () => {
    const owner = await createPerson(db);
    for (let i = 1; i <= 7; i++)
      await createGoal(ctx(), {
        actorId: owner.id,
        level: "person",
        title: `Goal ${i}`,
        measure: "number",
        startValue: i,
        targetValue: 100,
        dueDate: `2027-01-${String(10 - i).padStart(2, "0")}`,
      });
    const first = (await db.prisma.goal.findFirstOrThrow({ where: { title: "Goal 7" } })).id;
    await updateGoalProgress(ctx(), { actorId: owner.id, goalId: first, value: 100 });
    const offered = await listCheckInGoals(ctx(), { personId: owner.id });
    expect(offered.map((goal) => [goal.title, goal.currentValue])).toEqual([
      ["Goal 6", 6],
      ["Goal 5", 5],
      ["Goal 4", 4],
      ["Goal 3", 3],
      ["Goal 2", 2],
    ]);
  });

  it("reads only changed values, names each bad one, and records changes with the check-in comment", async () => {
    const owner = await createPerson(db);
    const a = await createGoal(ctx(), {
      actorId: owner.id,
      level: "person",
      title: "A",
      measure: "percent",
      dueDate: "2027-01-01",
    });
    const b = await createGoal(ctx(), {
      actorId: owner.id,
      level: "person",
      title: "B",
      measure: "number",
      startValue: 0,
      targetValue: 8,
      dueDate: "2027-01-01",
    });
    expect(
      readCheckInGoalValues([
        { goalId: a.goalId, raw: "abc", shown: 0 },
        { goalId: b.goalId, raw: "3", shown: 0 },
      ]),
    ).toEqual({
      ok: false,
      errors: { [a.goalId]: "Give the progress as a number, e.g. 40." },
    });
    const read = readCheckInGoalValues([
      { goalId: a.goalId, raw: "0", shown: 0 },
      { goalId: b.goalId, raw: "8", shown: 0 },
      { goalId: "c", raw: "", shown: 2 },
    ]);
    expect(read).toEqual({ ok: true, changes: [{ goalId: b.goalId, value: 8 }] });

    const stranger = await createPerson(db);
    const theirs = await createGoal(ctx(), {
      actorId: stranger.id,
      level: "person",
      title: "Theirs",
      measure: "percent",
      dueDate: "2027-01-01",
    });
    const result = await db.prisma.$transaction((tx) =>
      recordCheckInGoalProgress(
        tx,
        {
          personId: owner.id,
          changes: [
            { goalId: b.goalId, value: 8 },
            { goalId: theirs.goalId, value: 99 },
          ],
        },
        ctx().clock.now(),
      ),
    );
    expect(result).toEqual({ updated: [{ goalId: b.goalId, title: "B", progressPercent: 100 }], skipped: 1 });
    expect(
      await db.prisma.goalUpdate.findMany({ select: { goalId: true, value: true, comment: true, status: true } }),
    ).toEqual([{ goalId: b.goalId, value: 8, comment: CHECK_IN_GOAL_COMMENT, status: "done" }]);
  });
});
