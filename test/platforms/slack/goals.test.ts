// Goals on Slack end to end, through the real Bolt code: `/goal` opens a start view whose buttons open the forms,
// the forms create and update goals (inline errors with everything kept), and `/goal list` shows each goal with
// the goal it aligns to. Alice is HR, Bob a manager, Grace reports to Bob.
import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { FakeSlackUser } from "../../support/fake-slack.ts";
import type { SlackHarness } from "../../support/slack.ts";
import { addPeople, alice, bob, grace } from "./people.ts";

let db: TestDatabase;
let harness: SlackHarness;
const clock = new ManualClock("2026-11-25T12:00:00Z");

it.override("slackOptions", { clock });
it.beforeEach(async ({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
  clock.set("2026-11-25T12:00:00Z");
});

interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { type: string; action_id?: string; text?: { text: string } }[];
  element?: { type: string; action_id: string; options?: { text: { text: string }; value: string }[] };
}
interface ModalView {
  id?: string;
  callback_id: string;
  title: { text: string };
  blocks: Block[];
}

const opened = () => harness.fake.sent("views.open").map((call) => call.args.view as ModalView);
const updated = () =>
  harness.fake.sent("views.update").map((call) => call.args as { view_id: string; hash?: string; view: ModalView });
const dmsTo = (user: FakeSlackUser) =>
  harness.fake
    .sent("chat.postMessage")
    .filter((call) => call.args.channel === user.id)
    .map((call) => `${call.args.text} ${JSON.stringify(call.args.blocks ?? [])}`);
const replies = () =>
  harness.fake.responses.map((response) => response.body as { text: string; response_type?: string; blocks?: Block[] });
const block = (view: ModalView, id: string) => view.blocks.find((candidate) => candidate.block_id === id);
const options = (view: ModalView, id: string) => block(view, id)?.element?.options ?? [];

async function command(as: FakeSlackUser, text: string): Promise<void> {
  const answer = await harness.slack.command("/goal", text, { as });
  expect(answer.status).toBe(200);
  await harness.service.settle();
}

async function openForm(as: FakeSlackUser, word: "new" | "update"): Promise<ModalView> {
  const before = opened().length;
  await command(as, word);
  expect(opened()).toHaveLength(before + 1);
  return opened().at(-1)!;
}

/** The view state Slack sends: { block: { value: element state } }, only for the blocks given. */
function state(
  fields: Record<
    string,
    { value?: string | null; selected_option?: { value: string } | null; selected_date?: string | null }
  >,
) {
  return Object.fromEntries(
    Object.entries(fields).map(([blockId, element]) => [blockId, { value: { type: "x", ...element } }]),
  );
}

function createState(input: {
  level?: string;
  title?: string;
  measure?: string;
  start?: string;
  target?: string;
  due?: string;
  parent?: string;
}) {
  return state({
    ...(input.level !== undefined ? { goal_level: { selected_option: { value: input.level } } } : {}),
    goal_title: { value: input.title ?? null },
    goal_measure: { selected_option: input.measure ? { value: input.measure } : null },
    goal_start: { value: input.start ?? null },
    goal_target: { value: input.target ?? null },
    goal_due: { selected_date: input.due ?? null },
    goal_parent: { selected_option: input.parent ? { value: input.parent } : null },
  });
}

async function submit(as: FakeSlackUser, view: ModalView, values: ReturnType<typeof state>, viewId?: string) {
  const answer = await harness.slack.submitView({ as, view, values, viewId });
  await harness.service.settle();
  expect(answer.status).toBe(200);
  return answer.body ? answer.json<{ response_action?: string; errors?: Record<string, string> }>() : {};
}

/** A click on a button inside a modal (Slack sends the view it sits in). */
async function clickInModal(as: FakeSlackUser, view: ModalView, actionId: string) {
  const payload = {
    type: "block_actions",
    team: { id: harness.fake.teamId },
    user: { id: as.id, team_id: harness.fake.teamId },
    api_app_id: "AMOMENTUM",
    trigger_id: `${Date.now()}.trigger`,
    container: { type: "view", view_id: "VSTART1" },
    view: { ...view, id: "VSTART1", hash: "1712.abc" },
    actions: [
      { type: "button", action_id: actionId, block_id: "goal_start_actions", action_ts: `${Date.now() / 1000}` },
    ],
  };
  const answer = await harness.slack.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
  expect(answer.status).toBe(200);
  await harness.service.settle();
}

/** Everyone uses Momentum once (so they exist), then gets their role and manager. */
async function setUpOrg() {
  for (const user of [alice, bob, grace]) await command(user, "list");
  await db.prisma.person.update({ where: { email: alice.email! }, data: { role: "hr" } });
  const manager = await db.prisma.person.update({ where: { email: bob.email! }, data: { role: "manager" } });
  await db.prisma.person.update({ where: { email: grace.email! }, data: { managerId: manager.id } });
  harness.fake.reset();
  addPeople(harness.fake);
}

const goalTitled = (title: string) => db.prisma.goal.findFirstOrThrow({ where: { title } });

describe("/goal on Slack", () => {
  it("when HR sets a company goal, the manager aligns a team goal to it and Grace aligns hers to the team's, /goal list shows her goal with its parent and progress", async () => {
    await setUpOrg();
    const hrForm = await openForm(alice, "new");
    expect(options(hrForm, "goal_level").map((option) => option.value)).toEqual(["person", "team", "company"]);
    expect(
      await submit(
        alice,
        hrForm,
        createState({ level: "company", title: "Grow revenue 20%", measure: "percent", due: "2027-06-30" }),
      ),
    ).toEqual({});
    const company = await goalTitled("Grow revenue 20%");
    expect(dmsTo(alice).join()).toContain("Company goal created: *Grow revenue 20%*");

    const managerForm = await openForm(bob, "new");
    expect(options(managerForm, "goal_level").map((option) => option.value)).toEqual(["person", "team"]);
    expect(options(managerForm, "goal_parent").map((option) => option.text.text)).toEqual([
      "Grow revenue 20% (Company)",
    ]);
    await submit(
      bob,
      managerForm,
      createState({
        level: "team",
        title: "Ship the importer",
        measure: "percent",
        due: "2027-03-31",
        parent: company.id,
      }),
    );
    const team = await goalTitled("Ship the importer");
    expect(team).toMatchObject({ level: "team", parentId: company.id });

    // Grace starts from `/goal`: the start view's "New goal" replaces it with the form.
    await command(grace, "");
    const start = opened().at(-1)!;
    expect(start.callback_id).toBe("goal_start");
    expect(JSON.stringify(start.blocks)).toContain("You have no open goals yet");
    await clickInModal(grace, start, "goal_open_create");
    const { view_id, hash, view: form } = updated().at(-1)!;
    expect([view_id, hash, form.callback_id]).toEqual(["VSTART1", "1712.abc", "goal_create"]);
    expect(block(form, "goal_level")).toBeUndefined();
    expect(options(form, "goal_parent").map((option) => option.text.text)).toEqual([
      "Grow revenue 20% (Company)",
      "Ship the importer (Team)",
    ]);
    await submit(
      grace,
      form,
      createState({
        title: "Migrate 40 customers",
        measure: "number",
        start: "0",
        target: "40",
        due: "2027-02-28",
        parent: team.id,
      }),
    );
    expect(await goalTitled("Migrate 40 customers")).toMatchObject({
      level: "person",
      parentId: team.id,
      startValue: 0,
      targetValue: 40,
      currentValue: 0,
    });
    expect(dmsTo(grace).join()).toContain("It aligns to the team goal _Ship the importer_.");

    await command(grace, "list");
    const list = replies().at(-1)!;
    expect(list.response_type).toBe("ephemeral");
    const shown = JSON.stringify(list.blocks);
    expect(shown).toContain("*Migrate 40 customers* · Personal");
    expect(shown).toContain("↳ aligns to team goal _Ship the importer_");
    expect(shown).toContain("░░░░░░░░░░ 0%");
  });

  it("when Grace updates her goal from /goal update, the progress is stored with its comment, confirmed, and the list shows the new bar", async () => {
    await setUpOrg();
    await submit(
      grace,
      await openForm(grace, "new"),
      createState({ title: "Migrate 40 customers", measure: "number", start: "0", target: "40", due: "2027-02-28" }),
    );
    const goal = await goalTitled("Migrate 40 customers");

    const form = await openForm(grace, "update");
    expect(form.callback_id).toBe("goal_update");
    expect(options(form, "goal_pick")).toEqual([
      { text: expect.objectContaining({ text: "Migrate 40 customers (now 0)" }), value: goal.id },
    ]);
    const values = state({
      goal_pick: { selected_option: { value: goal.id } },
      goal_value: { value: "16" },
      goal_status: { selected_option: null },
      goal_comment: { value: "Two big ones moved" },
    });
    expect(await submit(grace, form, values, "VUPDATE1")).toEqual({});
    // The same view submitted twice (a double click) is stored and confirmed once.
    await submit(grace, form, values, "VUPDATE1");

    expect(await db.prisma.goalUpdate.findMany({ select: { value: true, status: true, comment: true } })).toEqual([
      { value: 16, status: "on_track", comment: "Two big ones moved" },
    ]);
    expect(dmsTo(grace).filter((text) => text.includes("Progress saved"))).toHaveLength(1);
    expect(dmsTo(grace).join()).toContain("▓▓▓▓░░░░░░ 40%");
    await command(grace, "list");
    expect(JSON.stringify(replies().at(-1)!.blocks)).toContain("`▓▓▓▓░░░░░░ 40%` 16 / 40 · On track");
  });

  it("when an employee submits a company goal (a forged form), the friendly role message shows inline and nothing is stored", async () => {
    await setUpOrg();
    const form = await openForm(grace, "new");
    expect(block(form, "goal_level")).toBeUndefined();
    const answer = await submit(
      grace,
      form,
      createState({ level: "company", title: "Rule the world", measure: "percent", due: "2027-01-01" }),
    );
    expect(answer).toEqual({
      response_action: "errors",
      errors: { goal_level: "Sorry, only HR can create company goals." },
    });
    expect(await db.prisma.goal.count()).toBe(0);
    expect(dmsTo(grace)).toEqual([]);
  });

  it("when fields are wrong, each shows its own error inline, nothing is stored, and a fixed resubmission of the same view is saved", async () => {
    await setUpOrg();
    const form = await openForm(grace, "new");
    const bad = await submit(
      grace,
      form,
      createState({ title: "   ", measure: "number", start: "5", target: "", due: null as unknown as string }),
      "VCREATE1",
    );
    expect(bad).toEqual({
      response_action: "errors",
      errors: {
        goal_title: "Give the goal a title.",
        goal_target: "Give the number you aim for, e.g. 20.",
        goal_due: "Pick a due date.",
      },
    });
    expect(await db.prisma.goal.count()).toBe(0);
    expect(
      await submit(
        grace,
        form,
        createState({ title: "Fixed", measure: "number", start: "5", target: "10", due: "2027-01-01" }),
        "VCREATE1",
      ),
    ).toEqual({});
    expect(await db.prisma.goal.count()).toBe(1);
  });

  it("when someone picks a goal that isn't theirs (a forged form), the goal field says who may update it and nothing changes", async () => {
    await setUpOrg();
    await submit(
      bob,
      await openForm(bob, "new"),
      createState({ level: "team", title: "Ship the importer", measure: "percent", due: "2027-03-31" }),
    );
    const team = await goalTitled("Ship the importer");
    await submit(
      grace,
      await openForm(grace, "new"),
      createState({ title: "Mine", measure: "percent", due: "2027-03-31" }),
    );
    const form = await openForm(grace, "update");
    const answer = await submit(
      grace,
      form,
      state({ goal_pick: { selected_option: { value: team.id } }, goal_value: { value: "90" } }),
    );
    expect(answer).toEqual({
      response_action: "errors",
      errors: { goal_pick: "Sorry, only the team's manager can update that goal." },
    });
    expect(await db.prisma.goalUpdate.count()).toBe(0);
  });

  it("when /goal gets words it doesn't know, it answers with its help, only to the person who typed it", async () => {
    await command(grace, "delete everything");
    const reply = replies().at(-1)!;
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toContain("I didn't get that");
    expect(JSON.stringify(reply.blocks)).toContain("`/goal list`");
  });
});
