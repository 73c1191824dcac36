import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../support/database.ts";
import { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, startSlackHarness, type SlackHarness } from "../../support/slack.ts";
import { addPeople, alice, bob, grace, mention } from "./people.ts";

let db: TestDatabase;
let harness: SlackHarness;

beforeAll(async () => {
  db = await createTestDatabase();
  harness = await startSlackHarness({ db });
  addPeople(harness.fake);
});
afterAll(async () => {
  await harness?.stop();
  await db?.drop();
});

describe("what the Slack adapter logs", () => {
  it("when kudos flow, fail and are refused at debug level, the logs never hold the bot token, the signing secret or private kudos text", async () => {
    const privateText = "Sorry to hear about your father, thank you for still shipping";
    await harness.slack.command("/kudos", `${mention(alice)} public thanks for the demo`, { as: grace });
    await harness.slack.command("/kudos", `${mention(bob)} thanks #not-a-value`, { as: grace });
    await harness.slack.command("/kudos", "", { as: grace });
    await harness.service.settle();
    const view = harness.fake.sent("views.open")[0].args.view as { callback_id: string; private_metadata: string };
    // Slack refuses the private DM (a permanent failure, logged by the outbox).
    harness.fake.inject({
      method: "chat.postMessage",
      when: (call) => call.args.channel === "DMBOB",
      fault: { kind: "slack-error", error: "invalid_auth" },
    });
    await harness.slack.submitView({
      as: grace,
      view,
      values: {
        kudos_recipients: { recipients: { selected_users: [bob.id] } },
        kudos_message: { message: { value: privateText } },
        kudos_visibility: { visibility: { selected_option: { value: "private" } } },
      },
    });
    await harness.slack.send("payload=%7B%7D", { signature: "v0=bad" });
    await harness.service.settle();

    const delivery = await db.prisma.delivery.findFirstOrThrow({ where: { kind: "kudos.received", status: "failed" } });
    expect(delivery.lastError).toMatch(/SLACK_BOT_TOKEN/);
    const logs = harness.service.logs.join("\n");
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(SLACK_BOT_TOKEN);
    expect(logs).not.toContain(SLACK_SIGNING_SECRET);
    expect(logs).not.toContain("father");
  });
});
