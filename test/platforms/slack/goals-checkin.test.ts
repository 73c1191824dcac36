// Quick goal updates inside the weekly check-in modal, through the real Bolt code: the modal offers Grace's open
// goals pre-filled with their current values; a changed value becomes a goal update once the check-in is saved,
// an unchanged one does not, and a bad value shows inline next to that goal with nothing stored.
import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import { createGoal } from "../../../src/domain/goals/create-goal.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import { domainContext } from "../../support/fixtures.ts";
import type { SlackHarness } from "../../support/slack.ts";
import { checkInModalDriver, checkInState, input, type ModalView } from "./check-in-modal.ts";
import { grace } from "./people.ts";

let db: TestDatabase;
let harness: SlackHarness;
const clock = new ManualClock("2026-11-25T12:00:00Z");
const answers = { mood: "4", progress: "Shipped the importer", plans: "Polish the docs" };

it.override("slackOptions", { clock });
it.beforeEach(async ({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
  clock.set("2026-11-25T12:00:00Z");
});

async function gracesGoals() {
  await harness.slack.command("/goal", "list", { as: grace });
  await harness.service.settle();
  const person = await db.prisma.person.findUniqueOrThrow({ where: { email: grace.email! } });
  const ctx = domainContext(db, { clock });
  const make = (title: string, dueDate: string, measure: "percent" | "number") =>
    createGoal(ctx, { actorId: person.id, level: "person", title, measure, startValue: 0, targetValue: 40, dueDate });
  const customers = await make("Migrate 40 customers", "2027-01-31", "number");
  const docs = await make("Docs coverage", "2027-02-28", "percent");
  return { customers: customers.goalId, docs: docs.goalId };
}

function submitWithGoals(view: ModalView, goals: Record<string, string | null>, viewId: string) {
  const values = {
    ...checkInState(answers),
    ...Object.fromEntries(
      Object.entries(goals).map(([id, value]) => [
        `checkin_goal_${id}`,
        { goal_value: { type: "number_input", value } },
      ]),
    ),
  };
  return harness.slack.submitView({ as: grace, view, values, viewId });
}

describe("goals in the Slack check-in modal", () => {
  it("when Grace changes one goal's value in her check-in, that goal gets an update 'from weekly check-in' and the other is untouched", async () => {
    const goals = await gracesGoals();
    const driver = checkInModalDriver(harness);
    const view = await driver.openWithCommand(grace);
    expect(input(view, `checkin_goal_${goals.customers}`)).toMatchObject({ type: "number_input", initial_value: "0" });
    expect(JSON.parse(view.private_metadata)).toMatchObject({ goals: { [goals.customers]: 0, [goals.docs]: 0 } });

    const answer = await submitWithGoals(view, { [goals.customers]: "12", [goals.docs]: "0" }, "VCHECKIN1");
    await harness.service.settle();
    expect(answer.body).toBe("");
    expect(await db.prisma.checkIn.count()).toBe(1);
    expect(await db.prisma.goalUpdate.findMany({ select: { goalId: true, value: true, comment: true } })).toEqual([
      { goalId: goals.customers, value: 12, comment: "from weekly check-in" },
    ]);
    expect(await db.prisma.goal.findUniqueOrThrow({ where: { id: goals.customers } })).toMatchObject({
      currentValue: 12,
    });
    const confirmation = harness.fake
      .sent("chat.postMessage")
      .filter((call) => call.args.channel === grace.id)
      .at(-1)!;
    expect(JSON.stringify(confirmation.args.blocks)).toContain("Migrate 40 customers: `▓▓▓░░░░░░░ 30%`");

    // Reopened, the form shows the new value, so leaving it as is records nothing more.
    const again = await driver.openWithCommand(grace);
    expect(input(again, `checkin_goal_${goals.customers}`)).toMatchObject({ initial_value: "12" });
    await submitWithGoals(again, { [goals.customers]: "12", [goals.docs]: null }, "VCHECKIN2");
    await harness.service.settle();
    expect(await db.prisma.goalUpdate.count()).toBe(1);
  });

  it("when a goal value isn't a number, it shows inline next to that goal with the other fields' errors, and neither the check-in nor any goal is stored", async () => {
    const goals = await gracesGoals();
    const view = await checkInModalDriver(harness).openWithCommand(grace);
    const values = {
      ...checkInState({ ...answers, plans: " " }),
      [`checkin_goal_${goals.docs}`]: { goal_value: { type: "number_input", value: "half" } },
      [`checkin_goal_${goals.customers}`]: { goal_value: { type: "number_input", value: "20" } },
    };
    const answer = await harness.slack.submitView({ as: grace, view, values, viewId: "VCHECKIN3" });
    await harness.service.settle();
    expect(answer.json()).toEqual({
      response_action: "errors",
      errors: {
        checkin_plans: "Tell us what you plan for next week.",
        [`checkin_goal_${goals.docs}`]: "Give the progress as a number, e.g. 40.",
      },
    });
    expect(await db.prisma.checkIn.count()).toBe(0);
    expect(await db.prisma.goalUpdate.count()).toBe(0);
  });
});
