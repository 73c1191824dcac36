// Socket Mode when the connection goes away: after a network drop, or Slack's `disconnect` message, the app asks
// apps.connections.open for a new URL and carries on; an event Slack delivers again (retry_attempt 1) is handled once.
import { describe, expect } from "vitest";
import { it, type SocketSlackHarness } from "../../support/socket-slack-fixture.ts";
import type { TestDatabase } from "../../support/database.ts";
import { alice, bob, grace, mention } from "./people.ts";

let db: TestDatabase;
let harness: SocketSlackHarness;

it.beforeEach(({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
});

const opens = () => harness.fake.calls("apps.connections.open");

async function kudosGoThrough(): Promise<void> {
  const before = await db.prisma.kudos.count();
  await harness.slack.command("/kudos", `${mention(bob)} thanks for the review #craft`, { as: alice });
  await harness.service.settle();
  expect(await db.prisma.kudos.count()).toBe(before + 1);
}

describe("Slack Socket Mode reconnects", () => {
  it("when the connection drops mid-run, the app opens a new one with the app-level token and the next command is handled", async () => {
    await kudosGoThrough();
    const connected = harness.socket.connections();
    harness.socket.drop();
    await harness.socket.waitForConnection(connected + 1);
    expect(opens()).toHaveLength(1);
    expect(opens()[0].token).toMatch(/^xapp-/);
    expect(opens()[0].ok).toBe(true);
    await kudosGoThrough();
    expect(harness.socket.acks.at(-1)!.connection).toBe(connected + 1);
  });

  it("when a reconnect is cut short before Slack's hello, the app tries again by itself and the next command is handled", async () => {
    const connected = harness.socket.connections();
    harness.socket.dropBeforeHello(1);
    harness.socket.drop();
    await harness.socket.waitForConnection(connected + 2);
    await kudosGoThrough();
    expect(harness.socket.acks.at(-1)!.connection).toBe(connected + 2);
  });

  for (const reason of ["refresh_requested", "warning"] as const) {
    it(`when Slack sends disconnect (${reason}), the app reconnects and the next command is handled`, async () => {
      const connected = harness.socket.connections();
      harness.socket.disconnect(reason);
      await harness.socket.waitForConnection(connected + 1);
      expect(opens()).toHaveLength(1);
      await kudosGoThrough();
      expect(harness.socket.acks.at(-1)!.connection).toBe(connected + 1);
    });
  }

  it("when Slack sends the same event again with retry_attempt 1, each delivery is acknowledged once and the Home tab is published once", async () => {
    const envelope = {
      envelope_id: "5f3d1f2e-retry-envelope",
      type: "events_api" as const,
      accepts_response_payload: false,
      payload: {
        token: "legacy-verification-token",
        team_id: harness.fake.teamId,
        api_app_id: "AMOMENTUM",
        type: "event_callback",
        event_id: "Ev0SOCKETRETRY",
        event_time: 1795000000,
        event: { type: "app_home_opened", user: grace.id, tab: "home", channel: "DMGRACE", event_ts: "1795000000.1" },
        authorizations: [{ team_id: harness.fake.teamId, user_id: "UMOMENTUMBOT", is_bot: true }],
      },
    };
    await harness.socket.push(envelope);
    await harness.service.settle();
    await harness.socket.push({ ...envelope, retry_attempt: 1, retry_reason: "timeout" });
    await harness.service.settle();

    expect(harness.socket.acks.filter((ack) => ack.envelope_id === envelope.envelope_id)).toHaveLength(2);
    expect(harness.fake.sent("views.publish")).toHaveLength(1);
    expect((await db.prisma.processedEvent.findMany()).map((row) => row.key)).toEqual([
      `slack:${harness.fake.teamId}:Ev0SOCKETRETRY`,
    ]);
  });

  it("when a command is delivered once, it is acknowledged exactly once even across a later reconnect", async () => {
    await kudosGoThrough();
    const [commandAck] = harness.socket.acks;
    const connected = harness.socket.connections();
    harness.socket.disconnect("refresh_requested");
    await harness.socket.waitForConnection(connected + 1);
    await harness.service.settle();
    expect(harness.socket.acks.filter((ack) => ack.envelope_id === commandAck.envelope_id)).toHaveLength(1);
    expect(await db.prisma.kudos.count()).toBe(1);
  });
});
