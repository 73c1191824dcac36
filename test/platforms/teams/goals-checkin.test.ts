// Quick goal updates inside the Teams check-in dialog, through the real botbuilder code: the dialog offers Dana's
// open goals pre-filled with their current values; a changed value becomes a goal update once the check-in is
// saved, and a bad one comes back under that goal, with the answers' errors and every value kept, nothing stored.
import { describe, expect } from "vitest";
import { test } from "../../support/teams-fixture.ts";
import { createGoal } from "../../../src/domain/goals/create-goal.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import { domainContext } from "../../support/fixtures.ts";
import type { TeamsHarness, TeamsUser } from "../../support/teams.ts";

const clock = new ManualClock("2026-11-25T12:00:00Z");
let db: TestDatabase;
let teams: TeamsHarness;
let dana: TeamsUser;
let goals: { customers: string; docs: string };
const ANSWERS = { mood: "4", progress: "Shipped the CSV import", plans: "Start on reminders" };

test.override("teamsOptions", { clock });
test.beforeEach(async ({ db: testDb, teams: harness }) => {
  [db, teams] = [testDb, harness];
  clock.set("2026-11-25T12:00:00Z");
  dana = teams.user("Dana Doer");
  await teams.installApp(dana);
  const person = await db.prisma.person.findFirstOrThrow({
    where: { teamsIdentities: { some: { aadObjectId: dana.aadObjectId } } },
  });
  const ctx = domainContext(db, { clock });
  const customers = await createGoal(ctx, {
    actorId: person.id,
    level: "person",
    title: "Migrate 40 customers",
    measure: "number",
    startValue: 0,
    targetValue: 40,
    dueDate: "2027-01-31",
  });
  const docs = await createGoal(ctx, {
    actorId: person.id,
    level: "person",
    title: "Docs coverage",
    measure: "percent",
    dueDate: "2027-02-28",
  });
  goals = { customers: customers.goalId, docs: docs.goalId };
});

type Card = { body: Record<string, any>[]; actions?: Record<string, any>[] };
const inputs = (card: Card) =>
  Object.fromEntries(card.body.filter((element) => element.id).map((element) => [element.id, element]));

async function openCheckIn(): Promise<Card> {
  await teams.message(dana, "checkin");
  await teams.service.settle();
  const start = teams.sentTo(teams.personalChat(dana)).at(-1)!.attachments[0].content as Card;
  const fetched = await teams.invoke(dana, "task/fetch", { type: "task/fetch", data: start.actions![0].data });
  expect(fetched.status).toBe(200);
  return fetched.body.task.value.card.content;
}

async function submit(form: Card, values: Record<string, string>) {
  const submitData = form.actions!.find((action) => action.type === "Action.Submit")!.data;
  const submitted = await teams.invoke(dana, "task/submit", { data: { ...submitData, ...values } });
  await teams.service.settle();
  expect(submitted.status).toBe(200);
  return submitted.body?.task?.value?.card?.content as Card | undefined;
}

describe("goals in the Teams check-in dialog", () => {
  test("when Dana changes one goal's value in her check-in, that goal gets an update 'from weekly check-in', the other doesn't, and the confirmation shows it", async () => {
    const form = await openCheckIn();
    expect(inputs(form)[`checkinGoal_${goals.customers}`]).toMatchObject({
      type: "Input.Number",
      value: 0,
      label: "Migrate 40 customers (from 0 to 40)",
    });
    expect(
      await submit(form, { ...ANSWERS, [`checkinGoal_${goals.customers}`]: "10", [`checkinGoal_${goals.docs}`]: "0" }),
    ).toBeUndefined();

    expect(await db.prisma.checkIn.count()).toBe(1);
    expect(await db.prisma.goalUpdate.findMany({ select: { goalId: true, value: true, comment: true } })).toEqual([
      { goalId: goals.customers, value: 10, comment: "from weekly check-in" },
    ]);
    const confirmation = JSON.stringify(teams.sentTo(teams.personalChat(dana)).at(-1)!.attachments[0].content.body);
    expect(confirmation).toContain("Migrate 40 customers: ▓▓▓░░░░░░░ 25%");
    const reopened = await openCheckIn();
    expect(inputs(reopened)[`checkinGoal_${goals.customers}`].value).toBe(10);
  });

  test("when a goal value isn't a number, it comes back under that goal with the answers' errors and every value kept, and nothing is stored", async () => {
    const form = await openCheckIn();
    const again = await submit(form, {
      ...ANSWERS,
      plans: " ",
      [`checkinGoal_${goals.customers}`]: "12",
      [`checkinGoal_${goals.docs}`]: "half",
    });
    const fields = inputs(again!);
    expect(fields[`checkinGoal_${goals.docs}Error`].text).toBe("Give the progress as a number, e.g. 40.");
    expect(fields.plansError.text).toBe("Tell us what you plan for next week.");
    expect(fields[`checkinGoal_${goals.customers}`].value).toBe(12);
    expect(fields.progress.value).toBe("Shipped the CSV import");
    expect(await db.prisma.checkIn.count()).toBe(0);
    expect(await db.prisma.goalUpdate.count()).toBe(0);
  });
});
