// Goals on Teams end to end, through the real botbuilder code: `goal` answers a card whose buttons open the create
// and update dialogs (task/fetch), the dialogs submit (task/submit) and come back with per-field errors and every
// value kept, and `goal list` shows each goal with the goal it aligns to. Hana is HR, Max a manager, Dana reports
// to Max.
import { describe, expect } from "vitest";
import { assignManager, assignRole, test } from "../../support/teams-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { TeamsHarness, TeamsUser } from "../../support/teams.ts";

const clock = new ManualClock("2026-11-25T12:00:00Z");
let db: TestDatabase;
let teams: TeamsHarness;
let hana: TeamsUser;
let max: TeamsUser;
let dana: TeamsUser;

test.override("teamsOptions", { clock });
test.beforeEach(async ({ db: testDb, teams: harness }) => {
  [db, teams] = [testDb, harness];
  clock.set("2026-11-25T12:00:00Z");
  hana = teams.user("Hana HR");
  max = teams.user("Max Manager");
  dana = teams.user("Dana Doer");
  for (const user of [hana, max, dana]) await teams.installApp(user);
  await assignRole(db, [hana], "hr");
  await assignRole(db, [max], "manager");
  await assignManager(db, [dana], max);
});

type Card = { body: Record<string, any>[]; actions?: Record<string, any>[] };
const cardOf = (activity: Record<string, any> | undefined): Card => activity?.attachments?.[0]?.content;
const lastSentTo = (user: TeamsUser) => cardOf(teams.sentTo(teams.personalChat(user)).at(-1));
const inputs = (card: Card) =>
  Object.fromEntries(card.body.filter((element) => element.id).map((element) => [element.id, element]));

async function say(user: TeamsUser, text: string): Promise<Card> {
  const answer = await teams.message(user, text);
  expect(answer.status).toBe(200);
  await teams.service.settle();
  return lastSentTo(user);
}

/** Clicks a card's dialog button: Teams sends task/fetch with the button's data. */
async function openDialog(user: TeamsUser, card: Card, title: string): Promise<Card> {
  const button = card.actions!.find((action) => action.title === title)!;
  expect(button).toMatchObject({ type: "Action.Submit", data: { msteams: { type: "task/fetch" } } });
  const fetched = await teams.invoke(user, "task/fetch", {
    type: "task/fetch",
    data: button.data,
    context: { theme: "default" },
  });
  expect(fetched.status).toBe(200);
  expect(fetched.body.task.type).toBe("continue");
  return fetched.body.task.value.card.content;
}

/** The dialog's submit: its inputs plus the submit button's own data. Answers the dialog's next state (undefined = closed). */
async function submitDialog(user: TeamsUser, form: Card, values: Record<string, string>): Promise<Card | undefined> {
  const submit = form.actions!.find((action) => action.type === "Action.Submit")!;
  const submitted = await teams.invoke(user, "task/submit", { data: { ...submit.data, ...values } });
  await teams.service.settle();
  expect(submitted.status).toBe(200);
  return submitted.body?.task?.value?.card?.content;
}

const goalTitled = (title: string) => db.prisma.goal.findFirstOrThrow({ where: { title } });

describe("goals on Teams", () => {
  test("when HR, the manager and Dana each create a goal aligned upward, goal list shows Dana's with its parent, and her update is stored and shown", async () => {
    const hrForm = await openDialog(hana, await say(hana, "goal"), "New goal");
    expect(inputs(hrForm).level.choices.map((choice: { value: string }) => choice.value)).toEqual([
      "person",
      "team",
      "company",
    ]);
    expect(
      await submitDialog(hana, hrForm, {
        level: "company",
        title: "Grow revenue 20%",
        measure: "percent",
        dueDate: "2027-06-30",
      }),
    ).toBeUndefined();
    expect(JSON.stringify(lastSentTo(hana).body)).toContain("Company goal created: **Grow revenue 20%**");
    const company = await goalTitled("Grow revenue 20%");

    const managerForm = await openDialog(max, await say(max, "goal"), "New goal");
    expect(inputs(managerForm).parentId.choices).toEqual([{ title: "Grow revenue 20% (Company)", value: company.id }]);
    await submitDialog(max, managerForm, {
      level: "team",
      title: "Ship the importer",
      measure: "percent",
      dueDate: "2027-03-31",
      parentId: company.id,
    });
    const team = await goalTitled("Ship the importer");
    expect(team).toMatchObject({ level: "team", parentId: company.id });

    const danaForm = await openDialog(dana, await say(dana, "goal"), "New goal");
    expect(inputs(danaForm).level).toBeUndefined();
    expect(inputs(danaForm).parentId.choices.map((choice: { title: string }) => choice.title)).toEqual([
      "Grow revenue 20% (Company)",
      "Ship the importer (Team)",
    ]);
    await submitDialog(dana, danaForm, {
      title: "Migrate 40 customers",
      measure: "number",
      startValue: "0",
      targetValue: "40",
      dueDate: "2027-02-28",
      parentId: team.id,
    });
    const mine = await goalTitled("Migrate 40 customers");
    expect(mine).toMatchObject({ level: "person", parentId: team.id, targetValue: 40 });
    expect(JSON.stringify(lastSentTo(dana).body)).toContain('It aligns to the team goal \\"Ship the importer\\".');

    const updateForm = await openDialog(dana, await say(dana, "goal"), "Update progress");
    expect(inputs(updateForm).goalId).toMatchObject({
      value: mine.id,
      choices: [{ title: "Migrate 40 customers (now 0)", value: mine.id }],
    });
    expect(
      await submitDialog(dana, updateForm, { goalId: mine.id, value: "10", comment: "First ten moved" }),
    ).toBeUndefined();
    expect(await db.prisma.goalUpdate.findMany({ select: { value: true, comment: true, status: true } })).toEqual([
      { value: 10, comment: "First ten moved", status: "on_track" },
    ]);
    expect(JSON.stringify(lastSentTo(dana).body)).toContain("▓▓▓░░░░░░░ 25%");

    const list = JSON.stringify((await say(dana, "goal list")).body);
    expect(list).toContain("**Migrate 40 customers** · Personal");
    expect(list).toContain('↳ aligns to team goal \\"Ship the importer\\"');
    expect(list).toContain("▓▓▓░░░░░░░ 25% · 10 / 40 · On track · due 2027-02-28");
  });

  test("when Dana (an employee) submits a company goal, the dialog comes back with the friendly role message and her values, and nothing is stored", async () => {
    const form = await openDialog(dana, await say(dana, "goal"), "New goal");
    const again = await submitDialog(dana, form, {
      level: "company",
      title: "Rule the world",
      measure: "percent",
      dueDate: "2027-01-01",
    });
    const fields = inputs(again!);
    expect(fields.formError.text).toBe("Sorry, only HR can create company goals.");
    expect(fields.title.value).toBe("Rule the world");
    expect(fields.dueDate.value).toBe("2027-01-01");
    expect(await db.prisma.goal.count()).toBe(0);
  });

  test("when fields are wrong, each error shows under its field with every value kept, and nothing is stored", async () => {
    const form = await openDialog(max, await say(max, "goal"), "New goal");
    const again = await submitDialog(max, form, {
      level: "team",
      title: "x".repeat(201),
      measure: "number",
      startValue: "5",
      targetValue: "5",
      dueDate: "2027-02-30",
    });
    const fields = inputs(again!);
    expect(fields.titleError.text).toBe("Please keep the title under 200 characters.");
    expect(fields.targetValueError.text).toBe("The target must differ from the start.");
    expect(fields.dueDateError.text).toBe("That due date isn't a real day of the calendar.");
    expect(fields.formError.text).toMatch(/fix the highlighted fields/);
    expect([
      fields.level.value,
      fields.title.value,
      fields.measure.value,
      fields.startValue.value,
      fields.targetValue.value,
    ]).toEqual(["team", "x".repeat(201), "number", 5, 5]);
    expect(await db.prisma.goal.count()).toBe(0);
  });

  test("when someone submits an update for a goal that isn't theirs, the goal field says who may update it and nothing changes", async () => {
    const managerForm = await openDialog(max, await say(max, "goal"), "New goal");
    await submitDialog(max, managerForm, {
      level: "team",
      title: "Ship the importer",
      measure: "percent",
      dueDate: "2027-03-31",
    });
    const team = await goalTitled("Ship the importer");
    await submitDialog(dana, await openDialog(dana, await say(dana, "goal"), "New goal"), {
      title: "Mine",
      measure: "percent",
      dueDate: "2027-03-31",
    });
    const form = await openDialog(dana, await say(dana, "goal"), "Update progress");
    const again = await submitDialog(dana, form, { goalId: team.id, value: "90", comment: "sneaky" });
    expect(inputs(again!).goalIdError.text).toBe("Sorry, only the team's manager can update that goal.");
    expect(inputs(again!).comment.value).toBe("sneaky");
    expect(await db.prisma.goalUpdate.count()).toBe(0);
  });
});
