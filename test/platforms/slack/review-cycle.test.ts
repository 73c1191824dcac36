// A review cycle on Slack end to end, through the real Bolt code with the fake Web API: HR creates and launches a
// cycle, Eve saves a draft (also by closing the form) and submits, Max is asked to review her and does, the
// automatic nudge reaches only Dana (pending) at her local working hours, HR's manual nudge reaches her once, the
// status, the close, Max shares, and only then Eve reads it.
import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import { reviewsCsv } from "../../../src/cli/commands/reviews.ts";
import { exportReviewCycle } from "../../../src/domain/reviews/export-review-cycle.ts";
import { domainContext, SEEDED_AT } from "../../support/fixtures.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { FakeSlackUser, RecordedCall } from "../../support/fake-slack.ts";
import type { SlackHarness } from "../../support/slack.ts";

let db: TestDatabase;
let harness: SlackHarness;
// Wednesday 25 November 2026, 14:00 UTC: inside everyone's working hours (Eve's New York day starts at 14:00 UTC).
const clock = new ManualClock("2026-11-25T14:00:00Z");

const hana: FakeSlackUser = { id: "UHANA", name: "Hana HR", email: "hana@example.com", tz: "UTC" };
const max: FakeSlackUser = { id: "UMAX", name: "Max Manager", email: "max@example.com", tz: "UTC" };
const eve: FakeSlackUser = { id: "UEVE", name: "Eve Early", email: "eve@example.com", tz: "America/New_York" };
const dana: FakeSlackUser = { id: "UDANA", name: "Dana Doer", email: "dana@example.com", tz: "UTC" };
const sol: FakeSlackUser = { id: "USOL", name: "Sol Solo", email: "sol@example.com", tz: "UTC" };

it.override("slackOptions", { clock, people: false });
it.beforeEach(async ({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
  clock.set("2026-11-25T14:00:00Z");
  const people = [hana, max, eve, dana, sol];
  for (const user of people) harness.fake.addUser(user);
  const ids: Record<string, string> = {};
  for (const user of people) {
    const role = user === hana ? "hr" : user === max ? "manager" : "employee";
    const person = await db.prisma.person.create({
      data: {
        name: user.name,
        email: user.email!,
        timeZone: user.tz!,
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
        role,
        slackIdentities: { create: { teamId: harness.fake.teamId, userId: user.id, createdAt: SEEDED_AT } },
      },
    });
    ids[user.id] = person.id;
  }
  await db.prisma.person.updateMany({
    where: { id: { in: [ids[eve.id], ids[dana.id]] } },
    data: { managerId: ids[max.id] },
  });
});

type Block = {
  type: string;
  block_id?: string;
  elements?: { action_id?: string; value?: string; text?: { text: string } }[];
  element?: Record<string, any>;
};
type View = { callback_id?: string; private_metadata?: string; blocks: Block[]; submit?: unknown };
const views = () => harness.fake.sent("views.open").map((call) => call.args.view as View);
const dmsIn = (channel: string) =>
  harness.fake.sent("chat.postMessage").filter((call) => call.args.channel === channel);
const replies = () => harness.fake.responses.map((response) => response.body as { text: string; blocks?: Block[] });
const buttonIn = (call: RecordedCall | undefined, actionId: string) =>
  ((call?.args.blocks ?? []) as Block[])
    .flatMap((block) => block.elements ?? [])
    .find((element) => element.action_id?.startsWith(actionId))!;

async function settle() {
  await harness.service.settle();
}
async function command(text: string, as: FakeSlackUser) {
  await harness.slack.command("/review", text, { as });
  await settle();
}
async function click(as: FakeSlackUser, actionId: string, value: string) {
  await harness.slack.clickButton({ as, actionId, value });
  await settle();
}
/** The form's state as Slack sends it: every input of the modal with what is in it now. */
function stateOf(view: View, answers: Record<string, string | null>) {
  const values: Record<string, Record<string, unknown>> = {};
  for (const [questionId, value] of Object.entries(answers)) {
    const block = view.blocks.find((candidate) => candidate.block_id === `review_${questionId}`)!;
    values[block.block_id!] = {
      answer:
        block.element!.type === "radio_buttons"
          ? { type: "radio_buttons", selected_option: value ? { value } : null }
          : { type: "plain_text_input", value },
    };
  }
  return values;
}
async function submitForm(as: FakeSlackUser, view: View, answers: Record<string, string | null>, final: boolean) {
  const values = stateOf(view, answers);
  values.review_final = { final: { type: "checkboxes", selected_options: final ? [{ value: "final" }] : [] } };
  const answer = await harness.slack.submitView({ as, view, values });
  await settle();
  return answer;
}
async function closeForm(as: FakeSlackUser, view: View, answers: Record<string, string>) {
  const values = stateOf(view, answers);
  const payload = {
    type: "view_closed",
    team: { id: harness.fake.teamId },
    user: { id: as.id, team_id: harness.fake.teamId },
    api_app_id: "AMOMENTUM",
    is_cleared: false,
    view: {
      id: "VCLOSED1",
      type: "modal",
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values },
    },
  };
  const answer = await harness.slack.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
  expect(answer.status).toBe(200);
  await settle();
}

/** HR creates "H2 2026" for Eve and Dana with two questions and launches it; resolves to the cycle id. */
async function createAndLaunch(): Promise<string> {
  await command("", hana);
  const modal = views().at(-1)!;
  expect(modal.callback_id).toBe("review_cycle_modal");
  expect(modal.blocks.find((block) => block.block_id === "review_questions")!.element!.initial_value).toContain(
    "[1-5] Goals: how well were the goals of this period met?",
  );
  const created = await harness.slack.submitView({
    as: hana,
    view: modal,
    values: {
      review_name: { name: { type: "plain_text_input", value: "H2 2026" } },
      review_participants: { kind: { type: "radio_buttons", selected_option: { value: "people" } } },
      review_manager: { manager: { type: "users_select", selected_user: null } },
      review_people: { people: { type: "multi_users_select", selected_users: [eve.id, dana.id] } },
      review_self_due: { date: { type: "datepicker", selected_date: "2026-12-04" } },
      review_manager_due: { date: { type: "datepicker", selected_date: "2026-12-11" } },
      review_questions: { questions: { type: "plain_text_input", value: "[1-5] Goals\nAchievements" } },
    },
  });
  expect(created.body).toBe("");
  await settle();
  const summary = dmsIn(hana.id).at(-1)!;
  expect(summary.args.text).toBe('Review cycle "H2 2026" created for 2 people. Launch it when you\'re ready.');
  const launch = buttonIn(summary, "review_launch");
  await click(hana, "review_launch", launch.value!);
  const launched = replies().at(-1)!;
  expect(launched.text).toBe("H2 2026 is launched.");
  // The launch offers to announce itself, for this very cycle.
  const announce = (launched.blocks as { elements?: { action_id?: string; value?: string }[] }[])
    .flatMap((block) => block.elements ?? [])
    .find((element) => element.action_id === "announce_cycle");
  expect(announce?.value).toBe(launch.value);
  return launch.value!;
}

describe("a review cycle on Slack", () => {
  it("when HR runs a cycle, every step reaches the right person once, drafts survive closing the form, and Eve reads Max's review only after he shares it", async () => {
    await createAndLaunch();
    // Launch: each participant gets "Write my self-review".
    const eveRequest = dmsIn("DMEVE").at(-1)!;
    expect(eveRequest.args.text).toBe("Time for your self-review (H2 2026), due Friday 4 December");
    expect(dmsIn("DMDANA")).toHaveLength(1);
    const eveReviewId = buttonIn(eveRequest, "review_open").value!;

    // Eve opens the form, saves a draft, closes the form with more typed: nothing is lost.
    await click(eve, "review_open", eveReviewId);
    const form = views().at(-1)!;
    expect(form.callback_id).toBe("review_form");
    expect(JSON.stringify(form.blocks)).toContain("Your goals");
    expect(await submitForm(eve, form, { q1: "4" }, false).then((answer) => answer.body)).toBe("");
    expect(dmsIn(eve.id).at(-1)!.args.text).toBe("Your self-review is saved as a draft.");
    await closeForm(eve, form, { q1: "4", q2: "Shipped the importer" });
    await click(eve, "review_open", eveReviewId);
    const reopened = views().at(-1)!;
    expect(reopened.blocks.find((block) => block.block_id === "review_q1")!.element!.initial_option).toMatchObject({
      value: "4",
    });
    expect(reopened.blocks.find((block) => block.block_id === "review_q2")!.element!.initial_value).toBe(
      "Shipped the importer",
    );

    // Final with an empty answer: marked inline, nothing submitted; then submitted for real.
    const refused = await submitForm(eve, reopened, { q1: "4", q2: "" }, true);
    expect(refused.json()).toEqual({
      response_action: "errors",
      errors: { review_q2: "Please answer this question." },
    });
    expect((await db.prisma.review.findFirstOrThrow({ where: { id: eveReviewId } })).status).toBe("draft");
    await submitForm(eve, reopened, { q1: "4", q2: "Shipped the importer" }, true);
    expect(dmsIn(eve.id).at(-1)!.args.text).toBe("Your self-review is submitted.");

    // Max is asked once: "Review Eve Early", with her self-review beside each question.
    const ask = dmsIn("DMMAX").filter((call) => String(call.args.text).startsWith("Review Eve Early"));
    expect(ask).toHaveLength(1);
    const managerReviewId = buttonIn(ask[0], "review_open").value!;
    await click(max, "review_open", managerReviewId);
    const managerForm = views().at(-1)!;
    expect(JSON.stringify(managerForm.blocks)).toContain("*Eve Early:* Shipped the importer");
    await submitForm(max, managerForm, { q1: "5", q2: "Eve carried the launch" }, true);

    // Tuesday 1 December (3 days before): Dana, still pending, is nudged at 09:00 her time; Eve is not.
    const before = dmsIn("DMDANA").length;
    for (const at of ["2026-12-01T08:59:00Z", "2026-12-01T09:00:00Z", "2026-12-01T09:01:00Z"]) {
      clock.set(at);
      await harness.service.scheduler.tick();
      await settle();
    }
    // (The real scheduler runs every job: Dana's weekly check-in prompt may arrive too.)
    const reviewDms = (user: string) =>
      dmsIn(user)
        .slice(before)
        .map((call) => String(call.args.text))
        .filter((text) => !text.includes("check-in"));
    expect(reviewDms("DMDANA")).toEqual(["Friendly reminder: a review is waiting for you"]);
    expect(dmsIn("DMEVE").filter((call) => String(call.args.text).startsWith("Friendly reminder"))).toHaveLength(0);

    // HR's nudge: a preview, then the same DM once, however often the button is clicked.
    await command("nudge", hana);
    const preview = replies().at(-1)!;
    expect(preview.text).toBe("Nudge 1 people about H2 2026?");
    const confirm = buttonIn({ args: preview } as unknown as RecordedCall, "review_nudge_confirm");
    await click(hana, "review_nudge_confirm", confirm.value!);
    await click(hana, "review_nudge_confirm", confirm.value!);
    expect(
      dmsIn("DMDANA")
        .slice(before)
        .filter((call) => String(call.args.text).startsWith("Friendly reminder")),
    ).toHaveLength(2);

    // Status: HR sees everyone, Max his team, Eve is refused.
    await command("status", hana);
    expect(replies().at(-1)!.text).toBe("H2 2026: self-reviews 1/2, manager reviews 1/2");
    await command("status", max);
    expect(JSON.stringify(replies().at(-1)!.blocks)).toContain("your team");
    await command("status", eve);
    expect(replies().at(-1)!.text).toBe("Sorry, only HR and managers can see the status of a review cycle.");

    // Close; Eve can't read Max's review yet; Max shares it; Eve reads it.
    await command("close H2 2026", hana);
    expect(replies().at(-1)!.text).toBe("H2 2026 is closed.");
    const share = dmsIn("DMMAX").find((call) => String(call.args.text).includes("share your review with Eve Early"))!;
    const opened = views().length;
    await click(eve, "review_read", managerReviewId);
    expect(replies().at(-1)!.text).toBe("Your manager hasn't shared this review with you yet.");
    expect(views()).toHaveLength(opened);
    await click(max, "review_share", buttonIn(share, "review_share").value!);
    expect(replies().at(-1)!.text).toBe(":white_check_mark: Shared with Eve Early. They can read it now.");
    const released = dmsIn("DMEVE").at(-1)!;
    expect(released.args.text).toBe("Max Manager shared your review (H2 2026)");
    await click(eve, "review_read", buttonIn(released, "review_read").value!);
    expect(JSON.stringify(views().at(-1)!.blocks)).toContain("Eve carried the launch");
    // HR's export: Eve's shared review is in it; Dana's pending ones show their status only.
    const exported = reviewsCsv(await exportReviewCycle(domainContext(db), { cycle: "H2 2026" }))
      .trim()
      .split("\n");
    expect(exported).toEqual([
      "person,person_email,manager,step,author,status,submitted_at,Goals,Achievements",
      "Dana Doer,dana@example.com,Max Manager,self,Dana Doer,pending,,,",
      "Dana Doer,dana@example.com,Max Manager,manager,Max Manager,pending,,,",
      expect.stringMatching(
        /^Eve Early,eve@example.com,Max Manager,self,Eve Early,submitted,2026-11-25T14:00:00.000Z,4,Shipped the importer$/,
      ),
      expect.stringMatching(
        /^Eve Early,eve@example.com,Max Manager,manager,Max Manager,shared,2026-11-25T14:00:00.000Z,5,Eve carried the launch$/,
      ),
    ]);
    // Review words never reach the logs.
    expect(harness.service.logs.join("\n")).not.toContain("Eve carried the launch");
    expect(harness.service.logs.join("\n")).not.toContain("Shipped the importer");
  });
});

describe("who may do what on Slack", () => {
  for (const who of [
    { user: eve, role: "an employee" },
    { user: max, role: "a manager" },
  ]) {
    it(`when ${who.role} tries /review, /review nudge, /review close or replays HR's Launch button, they are told only HR can and nothing happens`, async () => {
      const cycleId = await (async () => {
        await command("", hana);
        await harness.slack.submitView({
          as: hana,
          view: views().at(-1)!,
          values: {
            review_name: { name: { type: "plain_text_input", value: "H2 2026" } },
            review_participants: { kind: { type: "radio_buttons", selected_option: { value: "everyone" } } },
            review_self_due: { date: { type: "datepicker", selected_date: "2026-12-04" } },
            review_manager_due: { date: { type: "datepicker", selected_date: "2026-12-11" } },
            review_questions: { questions: { type: "plain_text_input", value: "What went well?" } },
          },
        });
        await settle();
        return buttonIn(dmsIn(hana.id).at(-1), "review_launch").value!;
      })();
      const opened = views().length;
      await command("", who.user);
      expect(replies().at(-1)!.text).toBe("Sorry, only HR can create a review cycle.");
      expect(views()).toHaveLength(opened);
      await click(who.user, "review_launch", cycleId);
      expect(replies().at(-1)!.text).toBe("Sorry, only HR can launch a review cycle.");
      await command("nudge H2 2026", who.user);
      expect(replies().at(-1)!.text).toBe("Sorry, only HR can nudge people about reviews.");
      await command("close H2 2026", who.user);
      expect(replies().at(-1)!.text).toBe("Sorry, only HR can close a review cycle.");
      expect(await db.prisma.reviewCycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({
        status: "draft",
      });
      expect(await db.prisma.review.count()).toBe(0);
    });
  }

  it("when someone replays Eve's 'Write my self-review' button, no form opens and they are told it isn't theirs", async () => {
    await createAndLaunch();
    const eveReviewId = buttonIn(dmsIn("DMEVE").at(-1), "review_open").value!;
    const opened = views().length;
    await click(sol, "review_open", eveReviewId);
    expect(replies().at(-1)!.text).toBe("Sorry, this review isn't yours to write.");
    await click(hana, "review_open", eveReviewId);
    expect(replies().at(-1)!.text).toBe("Sorry, this review isn't yours to write.");
    expect(views()).toHaveLength(opened);
  });
});
