// The metrics wiring end to end on both platforms: kudos through the real Bolt route and the real botbuilder route,
// and the DMs they queue sent by the outbox worker through each notifier, show up on /metrics under the route
// pattern and under the message kind and platform.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/shared/clock.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startSlackHarness, type SlackHarness } from "../support/slack.ts";
import { startTeamsHarness } from "../support/teams.ts";
import { addPeople, alice, grace, mention } from "../platforms/slack/people.ts";

const clock = new ManualClock("2026-11-23T10:00:00Z"); // a Monday morning: inside working hours
let db: TestDatabase;
let harness: SlackHarness;
beforeAll(async () => {
  db = await createTestDatabase();
  harness = await startSlackHarness({ db, clock });
  addPeople(harness.fake);
});
afterAll(async () => {
  await harness?.stop();
  await db?.drop();
});

function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("/metrics with Slack traffic", () => {
  it("when Grace gives Alice kudos, the Slack route's request and the DM's send are counted", async () => {
    const answer = await harness.slack.command("/kudos", `${mention(alice)} thanks for the demo`, { as: grace });
    expect(answer.status).toBe(200);
    await harness.service.settle();

    const text = await (await fetch(`${harness.service.url}/metrics`)).text();

    expect(sample(text, 'momentum_http_requests_total{method="POST",route="/slack/events",status="200"}')).toBe(1);
    expect(
      sample(text, 'momentum_delivery_sends_total{kind="kudos.received",platform="slack",outcome="sent"}'),
    ).toBeGreaterThanOrEqual(1);
  });
});

describe("/metrics with Teams traffic", () => {
  it("when Gina gives Alice kudos in Teams, the messaging endpoint's requests and the DM's send are counted", async () => {
    const teamsDb = await createTestDatabase();
    const teams = await startTeamsHarness({ db: teamsDb });
    try {
      const gina = teams.user("Gina Giver");
      const alice = teams.user("Alice");
      await teams.installApp(gina);
      await teams.installApp(alice);
      const sent = await teams.message(gina, "kudos <at>Alice</at> thanks for the demo", { mentions: [alice] });
      expect(sent.status).toBe(200);
      await teams.service.settle();

      const text = await (await fetch(`${teams.service.url}/metrics`)).text();

      expect(sample(text, 'momentum_http_requests_total{method="POST",route="/api/messages",status="200"}')).toBe(3);
      expect(sample(text, 'momentum_delivery_sends_total{kind="kudos.received",platform="teams",outcome="sent"}')).toBe(
        1,
      );
    } finally {
      await teams.stop();
      await teamsDb.drop();
    }
  });
});
