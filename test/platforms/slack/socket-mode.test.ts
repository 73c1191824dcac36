// Slack in Socket Mode: the same commands, buttons, modals and events as over HTTP, delivered as envelopes on a
// WebSocket the app opened itself (apps.connections.open with the app-level token), each acknowledged once.
import { describe, expect } from "vitest";
import { it, SLACK_APP_TOKEN, type SocketSlackHarness } from "../../support/socket-slack-fixture.ts";
import type { TestDatabase } from "../../support/database.ts";
import { checkInModalDriver, type ModalView } from "./check-in-modal.ts";
import { alice, grace, mention } from "./people.ts";

let db: TestDatabase;
let harness: SocketSlackHarness;

it.beforeEach(({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
});

const acksOf = (envelopeId: string) => harness.socket.acks.filter((ack) => ack.envelope_id === envelopeId);
const lastPushed = () => harness.socket.pushed.at(-1)!;

describe("Slack over Socket Mode", () => {
  it("the app opened its socket with the app-level token, and the start log says Socket Mode is on and what to set", async () => {
    expect(harness.socket.connections()).toBeGreaterThanOrEqual(1);
    // The client logs it once it has read `hello`, a moment after the fake saw the connection open.
    await expect
      .poll(() => harness.service.logs.some((line) => line.includes("Slack Socket Mode connected")), {
        interval: 10,
        timeout: 5000,
      })
      .toBe(true);
    const slack = harness.service.platforms.find((platform) => platform.name === "slack")!;
    const lines = slack.describe("https://unused.example").join("\n");
    expect(lines).toContain("Socket Mode");
    expect(lines).toContain("socket_mode_enabled: true");
    expect(lines).not.toContain("/slack/events");
    expect(harness.service.logs.join("\n")).not.toContain(SLACK_APP_TOKEN);
  });

  it("when Grace sends /kudos over the socket, the kudos is stored and posted, and the command is acknowledged once", async () => {
    await harness.slack.command("/kudos", `${mention(alice)} thanks for the demo #teamwork`, {
      as: grace,
      channel: "CDEMO",
    });
    await harness.service.settle();
    const kudos = await db.prisma.kudos.findMany({ select: { message: true, recipient: { select: { email: true } } } });
    expect(kudos).toEqual([{ message: "thanks for the demo #teamwork", recipient: { email: "alice@example.com" } }]);
    const posted = harness.fake.sent("chat.postMessage").map((call) => String(call.args.text));
    expect(posted).toContain(`<@${grace.id}> gave you kudos`);
    const envelope = lastPushed();
    expect(envelope.type).toBe("slash_commands");
    expect(acksOf(envelope.envelope_id)).toHaveLength(1);
  });

  it("when Grace clicks Start check-in and submits the modal with bad input, the errors come back in the acknowledgement and nothing is stored", async () => {
    const click = await harness.slack.clickButton({ as: grace, actionId: "checkin_start", value: "2026-W48" });
    expect(click.status).toBe(200);
    expect(lastPushed().type).toBe("interactive");
    await harness.service.settle();
    const opened = harness.fake.sent("views.open");
    expect(opened).toHaveLength(1);
    const view = opened[0].args.view as ModalView;

    const answer = await checkInModalDriver(harness).submit(
      view,
      { mood: null, progress: "   ", plans: "Rest", blockers: null, forManager: null },
      { as: grace },
    );
    const submission = lastPushed();
    expect(submission.payload.type).toBe("view_submission");
    expect(acksOf(submission.envelope_id)).toHaveLength(1);
    expect(answer.json()).toEqual({
      response_action: "errors",
      errors: {
        checkin_mood: "Pick your mood, from 1 to 5.",
        checkin_progress: "Tell us what you moved forward this week.",
      },
    });
    expect(await db.prisma.checkIn.count()).toBe(0);
  });

  it("when Alice opens the Home tab, her App Home is published once", async () => {
    await harness.slack.postEvent({ type: "app_home_opened", user: alice.id, tab: "home", channel: "DMALICE" });
    await harness.service.settle();
    const published = harness.fake.sent("views.publish");
    expect(published).toHaveLength(1);
    expect(published[0].args.user_id).toBe(alice.id);
    expect(JSON.stringify(published[0].args.view)).toContain("/kudos leaderboard");
    expect(acksOf(lastPushed().envelope_id)).toEqual([
      expect.objectContaining({ envelope_id: lastPushed().envelope_id }),
    ]);
  });
});
