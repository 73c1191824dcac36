// An announcement follow-up in an org HR imported by CSV, on Slack, through the real Bolt code and the fake Web
// API: nobody but HR ever touched the bot. The import finds people by email; HR announces, some acknowledge, and
// the follow-up DMs every reachable non-acknowledger exactly once, nobody who acknowledged, and tells HR how many
// of the rest can't be reached (a deleted Slack account, someone not in the workspace).
import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { FakeSlackUser, RecordedCall } from "../../support/fake-slack.ts";
import { importOrgFromCsv } from "../../support/fixtures.ts";
import { announceThroughModal, FAST_DIRECTORY_TIERS, type SlackHarness } from "../../support/slack.ts";
import { alice, bob, gone, grace } from "./people.ts";

let harness: SlackHarness;
// Wednesday 25 November 2026, 12:00 UTC: working hours for Alice (Berlin), Bob (London) and Cleo (Paris).
const clock = new ManualClock("2026-11-25T12:00:00Z");
const cleo: FakeSlackUser = { id: "UCLEO", name: "Cleo Clark", email: "cleo@example.com", tz: "Europe/Paris" };

// Time zones are left to Slack's profiles. Gone's Slack account was deleted; Nia isn't in the workspace at all.
const CSV = [
  "email,name,manager_email,role,timezone",
  "grace@example.com,Grace Hopper,,hr,",
  "alice@example.com,Alice Adams,grace@example.com,,",
  "bob@example.com,Bob Brown,grace@example.com,,",
  "cleo@example.com,Cleo Clark,grace@example.com,,",
  "gone@example.com,Gone Person,grace@example.com,,",
  "nia@example.com,Nia Nowhere,grace@example.com,,",
];

it.override("slackOptions", { clock, slack: { directory: { tiers: FAST_DIRECTORY_TIERS } } });
it.beforeEach(async ({ harness: testHarness }) => {
  harness = testHarness;
  harness.fake.addUser(cleo);
  clock.set("2026-11-25T12:00:00Z");
  const imported = await importOrgFromCsv(harness.service, CSV, ["slack"]);
  expect(imported.exitCode).toBe(0);
});

interface Block {
  elements?: { action_id?: string; value?: string; text?: { text: string } }[];
}
const buttonIn = (call: RecordedCall | { blocks?: Block[] }, actionId: string) =>
  ((("args" in call ? call.args.blocks : call.blocks) ?? []) as Block[])
    .flatMap((block) => block.elements ?? [])
    .find((element) => element.action_id === actionId);
const reminders = () =>
  harness.fake
    .sent("chat.postMessage")
    .filter((call) => String(call.args.text).startsWith("Reminder from Grace Hopper"));
const replies = () => harness.fake.responses.map((response) => response.body as { text: string; blocks?: Block[] });

describe("an announcement follow-up in an org imported by CSV, on Slack", () => {
  it("journey: every reachable person who hasn't acknowledged gets one reminder DM, acknowledgers none, and HR is told how many can't be reached", async () => {
    // Only Grace ever talks to Momentum: she announces in #general.
    await announceThroughModal(harness, grace, { channels: ["CGENERAL"], text: "The new travel policy is live." });
    const post = harness.fake.sent("chat.postMessage").find((call) => call.args.channel === "CGENERAL")!;
    const ack = buttonIn(post, "announcement_ack")!;
    // Alice and Cleo acknowledge from the channel post: the first time either of them ever touches Momentum.
    for (const user of [alice, cleo]) {
      await harness.slack.clickButton({
        as: user,
        actionId: "announcement_ack",
        value: ack.value,
        channel: "CGENERAL",
      });
      await harness.service.settle();
    }

    await harness.slack.command("/announce", "status", { as: grace });
    await harness.service.settle();
    const status = replies().at(-1)!;
    expect(JSON.stringify(status.blocks)).toContain("*Not yet (1):* Bob Brown");
    const remind = buttonIn(status, "announcement_follow_up")!;
    await harness.slack.clickButton({ as: grace, actionId: "announcement_follow_up", value: remind.value });
    await harness.service.settle();

    expect(reminders().map((call) => call.args.channel)).toEqual([`DM${bob.id.slice(1)}`]);
    expect(buttonIn(reminders()[0], "announcement_ack")?.value).toBe(ack.value);
    // The deleted account is never even opened a DM with.
    expect(harness.fake.calls("conversations.open").map((call) => call.args.users)).not.toContain(gone.id);
    const answer = replies().at(-1)!.text;
    expect(answer).toContain(":bell: Reminder on its way to 1 person, during their working hours.");
    expect(answer).toContain(
      "2 people who haven't acknowledged can't be reached on Slack or Teams yet and won't get it",
    );
  });

  it("when HR sends the follow-up again, nobody gets a second reminder", async () => {
    await announceThroughModal(harness, grace, { channels: ["CGENERAL"], text: "The new travel policy is live." });
    await harness.slack.command("/announce", "status", { as: grace });
    await harness.service.settle();
    const remind = buttonIn(replies().at(-1)!, "announcement_follow_up")!;

    for (let i = 0; i < 2; i++) {
      await harness.slack.clickButton({ as: grace, actionId: "announcement_follow_up", value: remind.value });
      await harness.service.settle();
    }

    expect(
      reminders()
        .map((call) => call.args.channel)
        .sort(),
    ).toEqual(["DMALICE", "DMBOB", "DMCLEO"]);
    expect(replies().at(-1)!.text).toBe(
      "No one new to remind: everyone who hasn't acknowledged has already had their one reminder.",
    );
  });
});
