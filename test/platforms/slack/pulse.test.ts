// Pulse surveys on Slack end to end, through the real Bolt code and the fake Web API: HR's /pulse form and preview,
// the ask at each person's local time, answering in the modal (which says who sees what first), changing the answer
// with the private "Change my answers" button, closing, the results shared back, and HR's results. MIN_GROUP_SIZE is
// 3 here so three people can see scores; comments still need five.
import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { FakeSlackUser, RecordedCall } from "../../support/fake-slack.ts";
import type { SlackHarness } from "../../support/slack.ts";
import { alice, bob, grace } from "./people.ts";

let db: TestDatabase;
let harness: SlackHarness;
const clock = new ManualClock("2026-12-07T12:00:00Z"); // Monday

interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  label?: { text: string };
  element?: { type: string; initial_option?: { value: string }; initial_value?: string };
  elements?: { type: string; action_id?: string; value?: string; text?: { text: string } }[];
}
interface View {
  callback_id: string;
  private_metadata?: string;
  title: { text: string };
  blocks: Block[];
}

it.override("slackOptions", { clock, env: { MIN_GROUP_SIZE: "3" } });
it.beforeEach(async ({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
  clock.set("2026-12-07T12:00:00Z");
  for (const user of [grace, alice, bob]) await harness.slack.command("/momentum", "settings", { as: user });
  await harness.service.settle();
  await db.prisma.person.update({ where: { email: grace.email! }, data: { role: "hr" } });
});

const dmsTo = (channel: string) =>
  harness.fake.sent("chat.postMessage").filter((call) => call.args.channel === channel);
/** The pulse DMs only (check-in prompts run on the same ticks). */
const pulseDms = (channel: string) => dmsTo(channel).filter((call) => /pulse/i.test(String(call.args.text)));
const replies = () => harness.fake.responses.map((response) => response.body as { text: string; blocks?: Block[] });
const lastOpened = () => harness.fake.sent("views.open").at(-1)!.args.view as View;
const shown = (blocks: Block[]) => JSON.stringify(blocks);
const buttonIn = (call: RecordedCall, actionId: string) =>
  (call.args.blocks as Block[])
    .flatMap((block) => block.elements ?? [])
    .find((element) => element.action_id === actionId);

async function run(at: string) {
  clock.set(at);
  await harness.service.scheduler.tick();
  await harness.service.settle();
}

const setupValues = {
  pulse_title: { value: { type: "plain_text_input", value: "Winter pulse" } },
  pulse_library: {
    value: { type: "checkboxes", selected_options: ["enps", "workload", "comment"].map((value) => ({ value })) },
  },
  pulse_custom: { value: { type: "plain_text_input", value: "I can focus <deeply> & calmly" } },
  pulse_audience: { value: { type: "radio_buttons", selected_option: { value: "everyone" } } },
  pulse_managers: { value: { type: "multi_users_select", selected_users: [] } },
  pulse_cadence: { value: { type: "static_select", selected_option: { value: "once" } } },
  pulse_weekday: { value: { type: "static_select", selected_option: { value: "2" } } },
  pulse_time: { value: { type: "timepicker", selected_time: "10:00" } },
  pulse_open_days: { value: { type: "static_select", selected_option: { value: "3" } } },
  pulse_share: { value: { type: "checkboxes", selected_options: [{ value: "share" }] } },
};

async function launchAsGrace() {
  await harness.slack.command("/pulse", "", { as: grace });
  await harness.service.settle();
  const setup = lastOpened();
  const previewed = await harness.slack.submitView({ as: grace, view: setup, values: setupValues });
  const { response_action, view: preview } = previewed.json<{ response_action: string; view: View }>();
  expect(response_action).toBe("push");
  const launched = await harness.slack.submitView({ as: grace, view: preview, viewId: "VPREVIEW", values: {} });
  await harness.service.settle();
  expect(launched.json()).toEqual({ response_action: "clear" });
  return preview;
}

function surveyValues(scores: { enps: string; workload: string; custom: string }, comment = "") {
  return {
    pulse_q_enps: { answer: { type: "static_select", selected_option: { value: scores.enps } } },
    pulse_q_workload: { answer: { type: "radio_buttons", selected_option: { value: scores.workload } } },
    pulse_q_custom_1: { answer: { type: "radio_buttons", selected_option: { value: scores.custom } } },
    pulse_q_comment: { answer: { type: "plain_text_input", value: comment } },
  };
}

async function answerFromDm(
  user: FakeSlackUser,
  dmChannel: string,
  scores: { enps: string; workload: string; custom: string },
  comment = "",
) {
  const ask = pulseDms(dmChannel).find((call) => buttonIn(call, "pulse_open"))!;
  await harness.slack.clickButton({ as: user, actionId: "pulse_open", value: buttonIn(ask, "pulse_open")!.value });
  await harness.service.settle();
  const survey = lastOpened();
  const answer = await harness.slack.submitView({ as: user, view: survey, values: surveyValues(scores, comment) });
  await harness.service.settle();
  return { survey, answer };
}

describe("/pulse on Slack", () => {
  it("launch → asked at local time → answer → change the answer → close → results, with nobody identifiable", async () => {
    const preview = await launchAsGrace();
    expect(preview.callback_id).toBe("pulse_preview");
    // The preview shows the questions as asked (escaped), who is asked and when.
    expect(shown(preview.blocks)).toContain("Asks *3* people");
    expect(shown(preview.blocks)).toContain("I can focus &lt;deeply&gt; &amp; calmly");
    expect(shown(preview.blocks)).toContain("Tuesday at 10:00 in each person's own time zone");
    expect(dmsTo("UGRACE").at(-1)?.args.text).toContain('"Winter pulse" is launched: 3 people');

    // 10:00 in Berlin is 09:00 UTC: Alice is asked, Bob (London) not yet.
    await run("2026-12-08T09:00:00Z");
    expect(pulseDms("DMALICE").map((call) => call.args.text)).toEqual([
      "Pulse survey: Winter pulse (open until Friday 11 December, 23:00)",
    ]);
    expect(pulseDms("DMBOB")).toHaveLength(0);
    await run("2026-12-08T10:00:00Z");
    expect(pulseDms("DMBOB")).toHaveLength(1);
    await run("2026-12-08T18:00:00Z");
    expect(pulseDms("DMGRACE")).toHaveLength(1);
    await run("2026-12-08T18:05:00Z");
    expect(pulseDms("DMALICE")).toHaveLength(1);

    const { survey, answer } = await answerFromDm(
      alice,
      "DMALICE",
      { enps: "3", workload: "2", custom: "2" },
      "Fewer meetings please",
    );
    expect(answer.status).toBe(200);
    // Before anyone answers, the form says who sees what.
    expect(shown(survey.blocks)).toContain("Who sees what");
    expect(shown(survey.blocks)).toContain("stored without your name");
    expect(shown(survey.blocks)).toContain("at least 3 people answered");
    const confirmation = dmsTo("UALICE").at(-1)!;
    expect(confirmation.args.text).toContain('Your answers to "Winter pulse" are saved, anonymously');
    const change = buttonIn(confirmation, "pulse_change")!;

    // The ask's button again: she is told to use her own "Change my answers" button.
    harness.fake.responses.length = 0;
    await harness.slack.clickButton({ as: alice, actionId: "pulse_open", value: change.value!.split(":")[0] });
    await harness.service.settle();
    expect(replies().at(-1)?.text).toContain("Change my answers");
    // Bob can't open Alice's answers with her button.
    harness.fake.responses.length = 0;
    const opens = harness.fake.sent("views.open").length;
    await harness.slack.clickButton({ as: bob, actionId: "pulse_change", value: change.value });
    await harness.service.settle();
    expect(harness.fake.sent("views.open")).toHaveLength(opens);
    expect(replies().at(-1)?.text).toContain("Momentum couldn't match");

    await harness.slack.clickButton({ as: alice, actionId: "pulse_change", value: change.value });
    await harness.service.settle();
    const editing = lastOpened();
    expect(editing.title.text).toBe("Change my answers");
    expect(editing.blocks.find((block) => block.block_id === "pulse_q_enps")?.element?.initial_option?.value).toBe("3");
    expect(editing.blocks.find((block) => block.block_id === "pulse_q_comment")?.element?.initial_value).toBe(
      "Fewer meetings please",
    );
    await harness.slack.submitView({
      as: alice,
      view: editing,
      values: surveyValues({ enps: "10", workload: "4", custom: "4" }),
    });
    await harness.service.settle();
    expect(dmsTo("UALICE").at(-1)?.args.text).toContain("are changed");

    await answerFromDm(bob, "DMBOB", { enps: "9", workload: "4", custom: "5" });
    await answerFromDm(grace, "DMGRACE", { enps: "5", workload: "3", custom: "3" });
    expect(await db.prisma.pulseAnswer.count()).toBe(3);

    // While open: participation only.
    harness.fake.responses.length = 0;
    await harness.slack.command("/pulse", "results", { as: grace });
    await harness.service.settle();
    expect(replies().at(-1)?.text).toBe("Pulse results: Winter pulse");
    expect(shown(replies().at(-1)!.blocks!)).toContain("3 of 3 asked answered (100%)");
    expect(shown(replies().at(-1)!.blocks!)).toContain("Scores appear when the round closes");

    clock.set("2026-12-09T12:00:00Z");
    await harness.slack.command("/pulse", "close", { as: grace });
    await harness.service.settle();
    expect(replies().at(-1)?.text).toContain(
      'Round 1 of "Winter pulse" is closed. Results are on their way to 3 people.',
    );
    const shared = pulseDms("DMBOB").at(-1)!;
    expect(shared.args.text).toBe('Results of the pulse "Winter pulse"');
    expect(shown(shared.args.blocks as Block[])).toContain("eNPS: +33");

    await harness.slack.command("/pulse", "results", { as: grace });
    await harness.service.settle();
    const results = shown(replies().at(-1)!.blocks!);
    expect(results).toContain("*eNPS +33*");
    expect(results).toContain("Comments are shown only when at least 5 people answered");
    expect(results).not.toContain("Fewer meetings");
    // Nothing in the logs ties Alice to her comment.
    expect(harness.service.logs.join("\n")).not.toContain("Fewer meetings");
  });

  it("when someone who isn't HR types /pulse, /pulse results, /pulse close or /pulse stop, they alone are refused and nothing opens", async () => {
    for (const text of ["", "results", "close", "stop"]) {
      harness.fake.responses.length = 0;
      await harness.slack.command("/pulse", text, { as: alice });
      await harness.service.settle();
      expect(replies().at(-1)?.text).toMatch(
        /^Sorry, only HR can (run pulse surveys|see pulse results|close pulse surveys|stop pulse surveys)\.$/,
      );
    }
    expect(harness.fake.sent("views.open")).toHaveLength(0);
  });

  it("when the form misses a time or every scored question, each problem shows under its field", async () => {
    await harness.slack.command("/pulse", "", { as: grace });
    await harness.service.settle();
    const answer = await harness.slack.submitView({
      as: grace,
      view: lastOpened(),
      values: {
        ...setupValues,
        pulse_library: { value: { type: "checkboxes", selected_options: [{ value: "comment" }] } },
        pulse_custom: { value: { type: "plain_text_input", value: "" } },
        pulse_time: { value: { type: "timepicker", selected_time: null } },
      },
    });
    expect(answer.json()).toEqual({
      response_action: "errors",
      errors: {
        pulse_time: "Choose a time such as 10:00.",
        pulse_library: "Choose at least one question to score (a comment alone can't be summarised).",
      },
    });
    expect(await db.prisma.pulseSurvey.count()).toBe(0);
  });
});
