import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { SlackHarness } from "../../support/slack.ts";
import { alice, bob, grace, mention } from "./people.ts";

let db: TestDatabase;
let harness: SlackHarness;

it.beforeEach(({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
});

describe("Slack events", () => {
  it("when Alice opens the Home tab, she sees how to give kudos and this month's leaderboard", async () => {
    await harness.slack.command("/kudos", `${mention(bob)} thanks for the review`, { as: grace });
    await harness.service.settle();
    const answer = await harness.slack.postEvent({
      type: "app_home_opened",
      user: alice.id,
      tab: "home",
      channel: "DMALICE",
    });
    expect(answer.status).toBe(200);
    await harness.service.settle();
    const published = harness.fake.sent("views.publish");
    expect(published).toHaveLength(1);
    expect(published[0].args.user_id).toBe(alice.id);
    const view = JSON.stringify(published[0].args.view);
    expect(view).toContain("/kudos leaderboard");
    expect(view).toContain("*Bob Brown*: 1 kudos");
  });

  it("when Slack delivers the same event twice (a retry), it is handled once", async () => {
    const event = { type: "app_home_opened", user: alice.id, tab: "home", channel: "DMALICE" };
    await harness.slack.postEvent(event, { eventId: "Ev0RETRY" });
    await harness.service.settle();
    await harness.slack.postEvent(event, { eventId: "Ev0RETRY" });
    await harness.service.settle();
    await harness.slack.postEvent(event, { eventId: "Ev0OTHER" });
    await harness.service.settle();
    expect(harness.fake.sent("views.publish")).toHaveLength(2);
    expect((await db.prisma.processedEvent.findMany()).map((row) => row.key).sort()).toEqual([
      `slack:${harness.fake.teamId}:Ev0OTHER`,
      `slack:${harness.fake.teamId}:Ev0RETRY`,
    ]);
  });
});
