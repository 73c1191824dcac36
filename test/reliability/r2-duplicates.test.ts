// R2: what the platforms deliver more than once (Slack's event retries, a double-clicked Send, Teams redelivering
// an activity) produces one record and one message.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../support/database.ts";
import { signSlackBody, startSlackHarness, type SlackHarness } from "../support/slack.ts";
import { startTeamsHarness, type TeamsHarness } from "../support/teams.ts";
import { report } from "./support/figures.ts";

let db: TestDatabase;
let slack: SlackHarness;
let teams: TeamsHarness;
const grace = { id: "UGRACE", name: "Grace Hopper", email: "grace@example.com" };
const alice = { id: "UALICE", name: "Alice Adams", email: "alice@example.com" };

beforeAll(async () => {
  db = await createTestDatabase();
  slack = await startSlackHarness({ db });
  teams = await startTeamsHarness({ db });
});
afterAll(async () => {
  await slack?.stop();
  await teams?.stop();
  await db?.drop();
});
beforeEach(async () => {
  await resetDatabase(db);
  slack.fake.reset();
  slack.fake.addUser(grace);
  slack.fake.addUser(alice);
});

function kudosState(recipients: string[], message: string) {
  return {
    kudos_recipients: { recipients: { type: "multi_users_select", selected_users: recipients } },
    kudos_message: { message: { type: "plain_text_input", value: message } },
    kudos_value: { value: { type: "static_select", selected_option: null } },
    kudos_visibility: { visibility: { type: "radio_buttons", selected_option: { value: "public" } } },
  };
}

describe("R2 duplicate deliveries", () => {
  it("when Slack retries an event three times with the same event id, it is handled once", async () => {
    const body = JSON.stringify({
      type: "event_callback",
      team_id: slack.fake.teamId,
      api_app_id: "AMOMENTUM",
      event_id: "EvRETRY1",
      event_time: Math.floor(Date.now() / 1000),
      event: { type: "app_home_opened", user: grace.id, tab: "home", event_ts: "1.0" },
    });
    const statuses: number[] = [];
    for (let retry = 0; retry <= 3; retry++) {
      const timestamp = Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": signSlackBody(body, timestamp),
      };
      if (retry > 0)
        Object.assign(headers, { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_timeout" });
      const response = await fetch(`${slack.service.url}/slack/events`, { method: "POST", headers, body });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    await slack.service.settle();
    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(slack.fake.sent("views.publish")).toHaveLength(1);
    expect(await db.prisma.processedEvent.count()).toBe(1);
    report("R2", { case: "slack-event-retries", deliveries: 4, handled: slack.fake.sent("views.publish").length });
  });

  it("when the same kudos view is submitted twice at once and once more later, one kudos is stored and one DM sent", async () => {
    await slack.slack.command("/kudos", "", { as: grace });
    await slack.service.settle();
    const view = slack.fake.sent("views.open")[0].args.view as { callback_id: string; private_metadata: string };
    const values = kudosState([alice.id], "Thanks for the calm incident call");
    const viewId = `V${randomUUID().slice(0, 8).toUpperCase()}`;
    await Promise.all([
      slack.slack.submitView({ as: grace, view, values, viewId }),
      slack.slack.submitView({ as: grace, view, values, viewId }),
    ]);
    await slack.slack.submitView({ as: grace, view, values, viewId });
    await slack.service.settle();
    expect(await db.prisma.kudos.count()).toBe(1);
    const dmsToAlice = slack.fake.sent("chat.postMessage").filter((call) => call.args.channel === "DMALICE");
    expect(dmsToAlice).toHaveLength(1);
    report("R2", {
      case: "slack-view-submitted-3x",
      records: await db.prisma.kudos.count(),
      messages: dmsToAlice.length,
    });
  });

  it("when the same /kudos command is retried with its trigger id, one kudos is stored and one DM sent", async () => {
    const triggerId = `${Date.now()}.retry`;
    await slack.slack.command("/kudos", `<@${alice.id}|alice> thanks for the review`, { as: grace, triggerId });
    await slack.slack.command("/kudos", `<@${alice.id}|alice> thanks for the review`, { as: grace, triggerId });
    await slack.service.settle();
    expect(await db.prisma.kudos.count()).toBe(1);
    expect(slack.fake.sent("chat.postMessage").filter((call) => call.args.channel === "DMALICE")).toHaveLength(1);
    report("R2", { case: "slack-command-retried", records: await db.prisma.kudos.count(), messages: 1 });
  });

  it("when Teams delivers the same activity twice (even at once), one kudos is stored and the recipient messaged once", async () => {
    const giver = teams.user("Giver");
    const recipient = teams.user("Receiver");
    await teams.installApp(giver);
    await teams.installApp(recipient);
    const id = `dup-${randomUUID()}`;
    await Promise.all([
      teams.message(giver, "kudos <at>Receiver</at> great demo", { mentions: [recipient], id }),
      teams.message(giver, "kudos <at>Receiver</at> great demo", { mentions: [recipient], id }),
    ]);
    await teams.message(giver, "kudos <at>Receiver</at> great demo", { mentions: [recipient], id });
    await teams.service.settle();
    expect(await db.prisma.kudos.count()).toBe(1);
    const dms = teams
      .sentTo(teams.personalChat(recipient))
      .filter((activity) => JSON.stringify(activity).includes("great demo"));
    expect(dms).toHaveLength(1);
    report("R2", { case: "teams-activity-3x", records: 1, messages: dms.length });
  });
});
