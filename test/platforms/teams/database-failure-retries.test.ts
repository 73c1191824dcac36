// A check-in dialog submit or a typed command that meets a failing database on Teams: nothing is half-saved and
// nothing is marked as done, so Teams delivering the same activity again does the work once, with one answer.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { ManualClock } from "../../../src/shared/clock.ts";
import { CHECKIN_START_ACTION } from "../../../src/platforms/teams/cards/checkin-cards.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { withFaults, type DatabaseFaults } from "../../support/faulty-database.ts";
import { startTeamsHarness, type TeamsHarness, type TeamsUser } from "../../support/teams.ts";

const clock = new ManualClock("2026-11-25T12:00:00Z");
let db: TestDatabase;
let faults: DatabaseFaults;
let teams: TeamsHarness;
let dana: TeamsUser;

beforeAll(async () => {
  db = await createTestDatabase();
  const faulty = withFaults(db);
  faults = faulty.faults;
  teams = await startTeamsHarness({ db: faulty.db, clock });
});
afterAll(async () => {
  await teams?.stop();
  await db?.drop();
});
beforeEach(async () => {
  faults.reset();
  await resetDatabase(db);
  dana = teams.user("Dana Doer");
  await teams.installApp(dana);
});

const ANSWERS = {
  mood: "4",
  progress: "Shipped the CSV import",
  plans: "Start on reminders",
  blockers: "",
  forManager: "",
};
const confirmations = () =>
  teams
    .sentTo(teams.personalChat(dana))
    .filter((activity) => JSON.stringify(activity).includes("Your check-in for the week"));

async function submitAs(id: string) {
  const fetched = await teams.invoke(dana, "task/fetch", {
    type: "task/fetch",
    data: { action: CHECKIN_START_ACTION },
  });
  const form = fetched.body.task.value.card.content as { actions: { type: string; data: Record<string, unknown> }[] };
  const submit = form.actions.find((action) => action.type === "Action.Submit")!;
  const answer = await teams.invoke(dana, "task/submit", { data: { ...submit.data, ...ANSWERS } }, { id });
  await teams.service.settle();
  return answer;
}

describe("a Teams check-in submitted while the database fails", () => {
  test("when the save and the clean-up both fail, the same submission delivered again is saved once and confirmed once", async () => {
    faults.fail("CheckIn", "createMany");
    faults.fail("ProcessedEvent", "deleteMany");
    const first = await submitAs("submit-1");
    expect(first.body.task.type).toBe("continue");
    expect(await db.prisma.checkIn.count()).toBe(0);

    const redelivered = await submitAs("submit-1");
    expect(redelivered.body?.task).toBeUndefined();
    expect(await db.prisma.checkIn.count()).toBe(1);
    expect(confirmations()).toHaveLength(1);

    await submitAs("submit-1");
    expect(await db.prisma.checkIn.count()).toBe(1);
    expect(confirmations()).toHaveLength(1);
  });

  test("when recording a goal value fails, the check-in is not saved either, and the form says so", async () => {
    const person = await db.prisma.person.findFirstOrThrow({ where: { name: "Dana Doer" } });
    const now = clock.now();
    await db.prisma.goal.create({
      data: {
        id: "00000000-0000-4000-8000-000000000001",
        ownerId: person.id,
        level: "person",
        title: "Ship reminders",
        measure: "percent",
        startValue: 0,
        targetValue: 100,
        currentValue: 10,
        dueDate: "2027-01-01",
        status: "on_track",
        lastUpdateAt: now,
        createdAt: now,
        updatedAt: now,
      },
    });
    faults.fail("GoalUpdate", "create");
    const fetched = await teams.invoke(dana, "task/fetch", {
      type: "task/fetch",
      data: { action: CHECKIN_START_ACTION },
    });
    const form = fetched.body.task.value.card.content as {
      body: { id?: string }[];
      actions: { type: string; data: Record<string, unknown> }[];
    };
    const goalInput = form.body
      .map((element) => element.id)
      .find((id) => id?.includes("00000000-0000-4000-8000-000000000001"))!;
    const submit = form.actions.find((action) => action.type === "Action.Submit")!;
    const answer = await teams.invoke(dana, "task/submit", { data: { ...submit.data, ...ANSWERS, [goalInput]: "40" } });
    await teams.service.settle();

    expect(answer.body.task.type).toBe("continue");
    expect(await db.prisma.checkIn.count()).toBe(0);
    expect(await db.prisma.goal.findFirstOrThrow({ select: { currentValue: true } })).toEqual({ currentValue: 10 });
  });
});

const said = (needle: string) =>
  teams.sentTo(teams.personalChat(dana)).filter((activity) => JSON.stringify(activity).includes(needle));

async function typeAs(text: string, id: string) {
  const sent = await teams.message(dana, text, { id });
  await teams.service.settle();
  return sent;
}

describe("a Teams command delivered again after the database failed", () => {
  test("when the save and any clean-up both fail, the same message delivered again sets Dana away once and confirms once", async () => {
    // setAway's second step fails, and so would deleting a claimed key (the old claim-then-release path).
    faults.fail("Delivery", "updateMany");
    faults.fail("ProcessedEvent", "deleteMany");
    await typeAs("away until 2026-12-04", "away-1");
    expect(said("nothing was saved")).toHaveLength(1);
    const person = await db.prisma.person.findFirstOrThrow({ where: { name: "Dana Doer" } });
    expect(person.awayUntil).toBeNull();

    await typeAs("away until 2026-12-04", "away-1");
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).awayUntil).toBe("2026-12-04");
    expect(said("You're away until")).toHaveLength(1);

    await typeAs("away until 2026-12-04", "away-1");
    expect(said("You're away until")).toHaveLength(1);
  });

  test("when the same message is delivered twice without any failure, the second delivery changes and says nothing", async () => {
    await typeAs("away until 2026-12-04", "away-2");
    const person = await db.prisma.person.findFirstOrThrow({ where: { name: "Dana Doer" } });
    await db.prisma.person.update({ where: { id: person.id }, data: { awayUntil: "2026-12-10" } });

    await typeAs("away until 2026-12-04", "away-2");
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).awayUntil).toBe("2026-12-10");
    expect(said("You're away until")).toHaveLength(1);
  });
});
