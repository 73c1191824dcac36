import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import type { TestDatabase } from "../../support/database.ts";
import { signSlackBody, type SendOptions, type SlackHarness } from "../../support/slack.ts";
import { alice, grace, mention } from "./people.ts";

let db: TestDatabase;
let harness: SlackHarness;

it.beforeEach(({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
});

const now = () => Math.floor(Date.now() / 1000);
const cases: [string, () => SendOptions][] = [
  ["signed with another secret", () => ({ signature: signSlackBody("whatever", now(), "not-the-secret") })],
  ["without a signature header", () => ({ signature: null })],
  ["without a timestamp header", () => ({ timestamp: null })],
  ["with a timestamp that is not a number", () => ({ timestamp: "soon" })],
  ["with a timestamp six minutes old", () => ({ timestamp: now() - 360 })],
  ["with a timestamp six minutes in the future", () => ({ timestamp: now() + 360 })],
  ["with a timestamp an hour in the future", () => ({ timestamp: now() + 3600 })],
  ["with the body changed after signing", () => ({ tamper: (body: string) => body.replace("thanks", "THANKS") })],
];

describe("Slack request signing", () => {
  for (const [situation, options] of cases) {
    it(`when a /kudos request arrives ${situation}, it is refused with 401 and nothing runs`, async () => {
      const answer = await harness.slack.command("/kudos", `${mention(alice)} thanks`, { as: grace, send: options() });
      expect(answer.status).toBe(401);
      await harness.service.settle();
      expect(harness.fake.calls()).toHaveLength(0);
      expect(harness.fake.responses).toHaveLength(0);
      expect(await db.prisma.kudos.count()).toBe(0);
      expect(await db.prisma.person.count()).toBe(0);
    });
  }

  it("when a request is signed correctly within five minutes either side, it is answered (the control case)", async () => {
    const early = await harness.slack.command("/kudos", `${mention(alice)} thanks`, {
      as: grace,
      send: { timestamp: now() - 240 },
    });
    const late = await harness.slack.command("/kudos", `${mention(alice)} thanks again`, {
      as: grace,
      send: { timestamp: now() + 240 },
    });
    expect([early.status, late.status]).toEqual([200, 200]);
    await harness.service.settle();
    expect(await db.prisma.kudos.count()).toBe(2);
  });

  it("when an event arrives with a bad signature, it is refused and no event is recorded", async () => {
    const body = JSON.stringify({
      type: "event_callback",
      team_id: harness.fake.teamId,
      event_id: "EvBAD",
      event: { type: "app_home_opened", user: alice.id, tab: "home" },
    });
    const answer = await harness.slack.send(body, { contentType: "application/json", signature: "v0=deadbeef" });
    expect(answer.status).toBe(401);
    await harness.service.settle();
    expect(await db.prisma.processedEvent.count()).toBe(0);
    expect(harness.fake.calls("views.publish")).toHaveLength(0);
  });
});
