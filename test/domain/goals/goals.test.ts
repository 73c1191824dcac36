import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGoal } from "../../../src/domain/goals/create-goal.ts";
import { GoalValidationError } from "../../../src/domain/goals/goal-validation-error.ts";
import { listAlignableGoals } from "../../../src/domain/goals/list-alignable-goals.ts";
import { listMyGoals } from "../../../src/domain/goals/list-my-goals.ts";
import { updateGoalProgress } from "../../../src/domain/goals/update-goal-progress.ts";
import type { Role } from "../../../src/domain/people/person.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { createPerson, domainContext } from "../../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
const clock = new ManualClock("2026-11-25T12:00:00Z");
beforeEach(async () => {
  clock.set("2026-11-25T12:00:00Z");
  await resetDatabase(db);
});
const ctx = () => domainContext(db, { clock });
const percentGoal = { measure: "percent", dueDate: "2026-12-31" } as const;

async function refusal(work: Promise<unknown>): Promise<GoalValidationError> {
  const error = await work.then(
    () => expect.fail("expected the use case to refuse"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GoalValidationError);
  return error as GoalValidationError;
}

describe("who can create goals at each level", () => {
  const CREATED = "created, owned by them";
  const matrix: [Role, "company" | "team" | "person", string][] = [
    ["employee", "person", CREATED],
    ["employee", "team", "Sorry, only managers can create team goals."],
    ["employee", "company", "Sorry, only HR can create company goals."],
    ["manager", "person", CREATED],
    ["manager", "team", CREATED],
    ["manager", "company", "Sorry, only HR can create company goals."],
    ["hr", "person", CREATED],
    ["hr", "team", CREATED],
    ["hr", "company", CREATED],
    ["admin", "person", CREATED],
    ["admin", "team", CREATED],
    ["admin", "company", CREATED],
  ];
  it.each(matrix)("when an %s creates a %s goal: %s", async (role, level, message) => {
    const actor = await createPerson(db, { role });
    const work = createGoal(ctx(), { actorId: actor.id, level, title: `A ${level} goal`, ...percentGoal });
    if (message === CREATED) {
      const created = await work;
      const stored = await db.prisma.goal.findUniqueOrThrow({ where: { id: created.goalId } });
      // The creator owns it: a team goal's owner is the manager who created it.
      expect(stored).toMatchObject({
        level,
        ownerId: actor.id,
        title: `A ${level} goal`,
        startValue: 0,
        targetValue: 100,
        currentValue: 0,
        status: "on_track",
      });
    } else {
      const error = await refusal(work);
      expect(error.code).toBe("FORBIDDEN");
      expect(error.userMessage).toBe(message);
      expect(error.fieldErrors).toEqual({ level: message });
      expect(await db.prisma.goal.count()).toBe(0);
    }
  });
});

describe("goal fields", () => {
  it("when every field is wrong at once, each gets its own message and nothing is stored", async () => {
    const actor = await createPerson(db);
    const error = await refusal(
      createGoal(ctx(), {
        actorId: actor.id,
        level: "person",
        title: "x".repeat(201),
        measure: "number",
        startValue: "ten",
        targetValue: "",
        dueDate: "2026-02-30",
      }),
    );
    expect(error.fieldErrors).toEqual({
      title: "Please keep the title under 200 characters.",
      startValue: "The start must be a number, e.g. 0.",
      targetValue: "Give the number you aim for, e.g. 20.",
      dueDate: "That due date isn't a real day of the calendar.",
    });
    expect(await db.prisma.goal.count()).toBe(0);
  });

  it("when a number goal is given as text with separators, it is stored from start to target; equal ends are refused", async () => {
    const actor = await createPerson(db);
    const created = await createGoal(ctx(), {
      actorId: actor.id,
      level: "person",
      title: "  Close support tickets ",
      measure: "number",
      startValue: "40",
      targetValue: "1,000",
      dueDate: "2027-03-31",
    });
    expect(created).toMatchObject({ title: "Close support tickets", startValue: 40, targetValue: 1000 });
    expect(await db.prisma.goal.findUniqueOrThrow({ where: { id: created.goalId } })).toMatchObject({
      currentValue: 40,
      dueDate: "2027-03-31",
    });

    const same = await refusal(
      createGoal(ctx(), {
        actorId: actor.id,
        level: "person",
        title: "Flat",
        measure: "number",
        startValue: 5,
        targetValue: "5",
        dueDate: "2027-03-31",
      }),
    );
    expect(same.fieldErrors).toEqual({ targetValue: "The target must differ from the start." });
    const badDate = await refusal(
      createGoal(ctx(), { actorId: actor.id, level: "person", title: "T", measure: "percent", dueDate: "31/12/2026" }),
    );
    expect(badDate.fieldErrors).toEqual({ dueDate: "Give the due date as YYYY-MM-DD, e.g. 2026-12-31." });
  });
});

describe("aligning goals", () => {
  async function org() {
    const hr = await createPerson(db, { role: "hr", name: "Hana HR" });
    const manager = await createPerson(db, { role: "manager", name: "Max Manager" });
    const otherManager = await createPerson(db, { role: "manager", name: "Olga Other" });
    const employee = await createPerson(db, { managerId: manager.id, name: "Erin Employee" });
    const company = await createGoal(ctx(), {
      actorId: hr.id,
      level: "company",
      title: "Grow revenue 20%",
      ...percentGoal,
    });
    const team = await createGoal(ctx(), {
      actorId: manager.id,
      level: "team",
      title: "Ship the importer",
      ...percentGoal,
      parentId: company.goalId,
    });
    const otherTeam = await createGoal(ctx(), {
      actorId: otherManager.id,
      level: "team",
      title: "Hire two engineers",
      ...percentGoal,
    });
    return { hr, manager, employee, company, team, otherTeam };
  }

  it("when a personal goal aligns to a team goal, the list shows the parent's title and level", async () => {
    const { employee, team } = await org();
    expect(team.parent).toMatchObject({ title: "Grow revenue 20%", level: "company" });
    const mine = await createGoal(ctx(), {
      actorId: employee.id,
      level: "person",
      title: "Write the CSV parser",
      ...percentGoal,
      parentId: team.goalId,
    });
    expect(mine.parent).toEqual({ id: team.goalId, title: "Ship the importer", level: "team" });
    const [listed] = await listMyGoals(ctx(), { personId: employee.id });
    expect(listed).toMatchObject({
      title: "Write the CSV parser",
      parent: { title: "Ship the importer", level: "team" },
      progressPercent: 0,
    });
  });

  it("when someone aligns sideways, downwards, from a company goal, or to a missing or done goal, the parent field says why and nothing is stored", async () => {
    const { hr, manager, employee, company, team, otherTeam } = await org();
    const before = await db.prisma.goal.count();
    const person = await createGoal(ctx(), { actorId: employee.id, level: "person", title: "Mine", ...percentGoal });
    // Each attempt starts only when awaited: a refusal created early would be an unhandled rejection meanwhile.
    const cases: [() => Promise<unknown>, string][] = [
      [
        () =>
          createGoal(ctx(), {
            actorId: employee.id,
            level: "person",
            title: "P",
            ...percentGoal,
            parentId: person.goalId,
          }),
        "A personal goal can only align to a team or company goal.",
      ],
      [
        () =>
          createGoal(ctx(), {
            actorId: manager.id,
            level: "team",
            title: "T",
            ...percentGoal,
            parentId: otherTeam.goalId,
          }),
        "A team goal can only align to a company goal.",
      ],
      [
        () =>
          createGoal(ctx(), { actorId: hr.id, level: "company", title: "C", ...percentGoal, parentId: company.goalId }),
        "Company goals are the top level: they don't align to another goal.",
      ],
      [
        () =>
          createGoal(ctx(), {
            actorId: employee.id,
            level: "person",
            title: "P",
            ...percentGoal,
            parentId: "00000000-0000-4000-8000-000000000000",
          }),
        "That goal no longer exists. Pick another one to align to.",
      ],
    ];
    for (const [attempt, message] of cases)
      expect((await refusal(attempt())).fieldErrors).toEqual({ parentId: message });

    await updateGoalProgress(ctx(), { actorId: manager.id, goalId: team.goalId, value: 100 });
    const done = await refusal(
      createGoal(ctx(), { actorId: employee.id, level: "person", title: "P", ...percentGoal, parentId: team.goalId }),
    );
    expect(done.fieldErrors).toEqual({ parentId: "That goal is already done. Pick an open goal to align to." });
    expect(await db.prisma.goal.count()).toBe(before + 1);
  });

  it("when an employee lists what to align to, they get company goals and their own manager's team goals, not other teams' or done ones", async () => {
    const { hr, manager, employee, company, team } = await org();
    const doneCompany = await createGoal(ctx(), {
      actorId: hr.id,
      level: "company",
      title: "Old goal",
      ...percentGoal,
    });
    await updateGoalProgress(ctx(), { actorId: hr.id, goalId: doneCompany.goalId, value: 100 });
    const forPerson = await listAlignableGoals(ctx(), { personId: employee.id });
    expect(forPerson.map((goal) => [goal.title, goal.level])).toEqual([
      ["Grow revenue 20%", "company"],
      ["Ship the importer", "team"],
    ]);
    expect(forPerson[1]).toMatchObject({ id: team.goalId, ownerName: "Max Manager" });
    expect((await listAlignableGoals(ctx(), { personId: manager.id, level: "team" })).map((goal) => goal.id)).toEqual([
      company.goalId,
    ]);
    expect(await listAlignableGoals(ctx(), { personId: hr.id, level: "company" })).toEqual([]);
  });
});

describe("updating progress", () => {
  it("when the owner updates a goal several times, each update is kept in its history with its comment and the goal shows the latest", async () => {
    const owner = await createPerson(db);
    const goal = await createGoal(ctx(), {
      actorId: owner.id,
      level: "person",
      title: "Close tickets",
      measure: "number",
      startValue: 40,
      targetValue: 10,
      dueDate: "2027-01-31",
    });
    clock.set("2026-11-26T09:00:00Z");
    const first = await updateGoalProgress(ctx(), {
      actorId: owner.id,
      goalId: goal.goalId,
      value: "31",
      comment: "Triage day",
    });
    expect(first).toMatchObject({ previousValue: 40, value: 31, status: "on_track", progressPercent: 30 });
    clock.set("2026-11-27T09:00:00Z");
    await updateGoalProgress(ctx(), {
      actorId: owner.id,
      goalId: goal.goalId,
      value: 30,
      status: "at_risk",
      comment: "  ",
    });
    clock.set("2026-11-28T09:00:00Z");
    // Reaching the target (downwards here) marks it done unless a status is given.
    const last = await updateGoalProgress(ctx(), { actorId: owner.id, goalId: goal.goalId, value: 8 });
    expect(last).toMatchObject({ status: "done", progressPercent: 100 });

    const history = await db.prisma.goalUpdate.findMany({
      where: { goalId: goal.goalId },
      orderBy: { createdAt: "asc" },
    });
    expect(
      history.map((update) => [
        update.value,
        update.status,
        update.comment,
        update.authorId,
        update.createdAt.toISOString(),
      ]),
    ).toEqual([
      [31, "on_track", "Triage day", owner.id, "2026-11-26T09:00:00.000Z"],
      [30, "at_risk", null, owner.id, "2026-11-27T09:00:00.000Z"],
      [8, "done", null, owner.id, "2026-11-28T09:00:00.000Z"],
    ]);
    expect(await db.prisma.goal.findUniqueOrThrow({ where: { id: goal.goalId } })).toMatchObject({
      currentValue: 8,
      status: "done",
      lastUpdateAt: new Date("2026-11-28T09:00:00Z"),
    });

    const reopened = await updateGoalProgress(ctx(), { actorId: owner.id, goalId: goal.goalId, value: 12 });
    expect(reopened.status).toBe("on_track");
    const explicit = await updateGoalProgress(ctx(), {
      actorId: owner.id,
      goalId: goal.goalId,
      value: 10,
      status: "off_track",
    });
    expect(explicit.status).toBe("off_track");
  });

  it("when someone other than who may update a goal tries, it is refused and nothing changes; HR may update company goals", async () => {
    const hr = await createPerson(db, { role: "hr" });
    const otherHr = await createPerson(db, { role: "hr" });
    const manager = await createPerson(db, { role: "manager" });
    const report = await createPerson(db, { managerId: manager.id });
    const peer = await createPerson(db);
    const company = await createGoal(ctx(), { actorId: hr.id, level: "company", title: "C", ...percentGoal });
    const team = await createGoal(ctx(), { actorId: manager.id, level: "team", title: "T", ...percentGoal });
    const personal = await createGoal(ctx(), { actorId: report.id, level: "person", title: "P", ...percentGoal });

    const refused: [string, string, string][] = [
      [peer.id, personal.goalId, "Sorry, only its owner can update that goal."],
      [manager.id, personal.goalId, "Sorry, only its owner can update that goal."],
      [report.id, team.goalId, "Sorry, only the team's manager can update that goal."],
      [hr.id, team.goalId, "Sorry, only the team's manager can update that goal."],
      [manager.id, company.goalId, "Sorry, only its owner, HR and admins can update that goal."],
    ];
    for (const [actorId, goalId, message] of refused) {
      const error = await refusal(updateGoalProgress(ctx(), { actorId, goalId, value: 50 }));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.fieldErrors).toEqual({ goalId: message });
    }
    expect(await db.prisma.goalUpdate.count()).toBe(0);
    expect((await db.prisma.goal.findMany()).map((goal) => goal.currentValue)).toEqual([0, 0, 0]);

    await updateGoalProgress(ctx(), { actorId: otherHr.id, goalId: company.goalId, value: 25 });
    await updateGoalProgress(ctx(), { actorId: manager.id, goalId: team.goalId, value: 30 });
    expect(await db.prisma.goalUpdate.count()).toBe(2);
  });

  it("when the value, status or comment is wrong, each is named and nothing is stored", async () => {
    const owner = await createPerson(db);
    const goal = await createGoal(ctx(), { actorId: owner.id, level: "person", title: "P", ...percentGoal });
    const error = await refusal(
      updateGoalProgress(ctx(), {
        actorId: owner.id,
        goalId: goal.goalId,
        value: "lots",
        status: "great",
        comment: "c".repeat(1001),
      }),
    );
    expect(error.fieldErrors).toEqual({
      value: "Give the new progress as a number, e.g. 40.",
      status: "Pick a status: on track, at risk, off track or done.",
      comment: "Please keep the comment under 1000 characters.",
    });
    expect(await db.prisma.goalUpdate.count()).toBe(0);
  });
});
