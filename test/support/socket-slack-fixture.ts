// The real service in Slack Socket Mode (SLACK_APP_TOKEN set, no signing secret), with the fake Web API and the
// fake Socket Mode server (fake-slack-socket.ts), started once per test file on a database emptied before each test.
// `harness.slack` sends the same requests as the HTTP tests, as envelopes over the socket.
import { ManualClock } from "../../src/shared/clock.ts";
import { addPeople } from "../platforms/slack/people.ts";
import { startFakeSlack } from "./fake-slack.ts";
import { startFakeSlackSocket, SocketSlackDriver, type FakeSlackSocket } from "./fake-slack-socket.ts";
import { databaseTest } from "./service-fixture.ts";
import { startTestService } from "./service.ts";
import { SLACK_BOT_TOKEN, type SlackHarness } from "./slack.ts";

export const SLACK_APP_TOKEN = "xapp-1-AMOMENTUM-1234567890-0a1b2c3d4e5f";

/** The service's clock in the socket tests: set back to this Wednesday before each test. */
export const SOCKET_TEST_NOW = "2026-11-25T12:00:00Z";
export const socketClock = new ManualClock(SOCKET_TEST_NOW);

export interface SocketSlackHarness extends SlackHarness {
  socket: FakeSlackSocket;
  slack: SocketSlackDriver;
}

export async function startSocketSlackHarness(
  db: Parameters<typeof startTestService>[0]["db"],
): Promise<SocketSlackHarness> {
  const fake = await startFakeSlack({ token: SLACK_BOT_TOKEN, appToken: SLACK_APP_TOKEN });
  const socket = await startFakeSlackSocket(fake);
  const service = await startTestService({
    db,
    clock: socketClock,
    env: { SLACK_APP_TOKEN, SLACK_BOT_TOKEN, SLACK_API_URL: fake.apiUrl },
    // Reconnect back-off steps of 2 s instead of 5 s. Shorter would also shorten the pong wait, and a test machine
    // busy with the database can stall that long: the client would then keep reconnecting.
    slack: { socketPingTimeoutMs: 2000 },
  });
  return {
    fake,
    socket,
    service,
    slack: new SocketSlackDriver(fake, socket),
    async stop() {
      await service.stop();
      await socket.stop();
      await fake.stop();
    },
  };
}

export const it = databaseTest
  .extend("harness", { scope: "file" }, async ({ db }, { onCleanup }): Promise<SocketSlackHarness> => {
    const harness = await startSocketSlackHarness(db);
    onCleanup(() => harness.stop());
    await harness.socket.waitForConnection(1);
    return harness;
  })
  // Before every test: the fake forgets what it recorded (the socket's acks too) and has the test people again.
  .extend("freshSlack", { auto: true }, async ({ harness }) => {
    socketClock.set(SOCKET_TEST_NOW);
    harness.fake.reset();
    harness.socket.acks.length = 0;
    harness.socket.pushed.length = 0;
    addPeople(harness.fake);
    return true;
  });
