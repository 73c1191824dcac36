// The check-in modal when the work behind a submission outlasts the interaction budget (Slack allows 3 s in all).
// Here every fake Slack call takes 150 ms and the budget is 50 ms, so a first-time user's users.info lookup alone
// outlasts it: the modal must close at once and the outcome arrive as a DM.
import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { SlackHarness } from "../../support/slack.ts";
import { checkInState } from "./check-in-modal.ts";
import { gone, grace } from "./people.ts";

let db: TestDatabase;
let harness: SlackHarness;
const clock = new ManualClock("2026-11-25T12:00:00Z");

it.override("slackOptions", { clock, slack: { interactionBudgetMs: 50 }, fake: { latencyMs: 150 } });
it.beforeEach(({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
});

const values = checkInState({ mood: "3", progress: "Wrote the migration", plans: "Ship it" });
const view = { callback_id: "checkin_modal", private_metadata: JSON.stringify({ periodKey: "2026-W48" }) };
const dmsTo = (userId: string) => harness.fake.sent("chat.postMessage").filter((call) => call.args.channel === userId);

describe("a check-in submitted while Slack is slow", () => {
  it("when saving outlasts the budget, the modal closes at once and the check-in is saved and confirmed by DM", async () => {
    const answer = await harness.slack.submitView({ as: grace, view, values });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe("");
    await harness.service.settle();
    expect(await db.prisma.checkIn.count()).toBe(1);
    expect(dmsTo(grace.id).map((call) => call.args.text)).toEqual([
      "Check-in saved. You can edit it until Friday 27 November, 15:00.",
    ]);
  });

  it("when a refusal comes after the budget, the person is told by DM and nothing is stored", async () => {
    const answer = await harness.slack.submitView({ as: gone, view, values });
    expect(answer.body).toBe("");
    await harness.service.settle();
    expect(await db.prisma.checkIn.count()).toBe(0);
    expect(dmsTo(gone.id).map((call) => call.args.text)).toEqual([
      "Your Slack account has been deactivated in Slack. Type /checkin to try again.",
    ]);
  });
});
