// The Socket Mode receiver on its own, against the fake socket: the SDK reconnects by calling its start() and never
// handles that promise, so a reconnect cut short before Slack's hello must not leave a rejection behind when the
// service later shuts down (it used to surface as an unhandled rejection with no reason).
import { afterEach, describe, expect, it } from "vitest";
import { createBoltLogger } from "../../../src/platforms/slack/bolt-logger.ts";
import { createSlackReceiver, type SlackReceiver } from "../../../src/platforms/slack/receiver.ts";
import { slackClientOptions } from "../../../src/platforms/slack/web-client.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createLogger } from "../../../src/shared/logger.ts";
import { startFakeSlack, type FakeSlack } from "../../support/fake-slack.ts";
import { startFakeSlackSocket, type FakeSlackSocket } from "../../support/fake-slack-socket.ts";

const APP_TOKEN = "xapp-1-A1-receiver-test";
let fake: FakeSlack | undefined;
let socket: FakeSlackSocket | undefined;
let receiver: SlackReceiver | undefined;

afterEach(async () => {
  await receiver?.stop();
  await socket?.stop();
  await fake?.stop();
});

describe("the Socket Mode receiver", () => {
  it("when the service stops while a reconnect is cut short before Slack's hello, nothing is left unhandled", async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      fake = await startFakeSlack({ appToken: APP_TOKEN });
      socket = await startFakeSlackSocket(fake);
      const logger = createLogger({ level: "silent", pretty: false });
      const boltLogger = createBoltLogger(logger, [APP_TOKEN]);
      receiver = createSlackReceiver(
        { mode: "socket", appToken: APP_TOKEN, clientPingTimeoutMs: 500 },
        {
          boltLogger,
          clientOptions: slackClientOptions({ apiUrl: fake.apiUrl, logger: boltLogger }),
          requestClock: new ManualClock("2026-11-25T12:00:00Z"),
          logger,
        },
      );
      // Bolt's App normally installs this; the receiver only needs somewhere to hand envelopes.
      receiver.receiver.init?.({ processEvent: async () => undefined } as never);
      await receiver.start();
      // Slack keeps cutting the new connections short: the service stops while a reconnect is still waiting.
      socket.dropBeforeHello(1000);
      socket.drop();
      const deadline = Date.now() + 10_000;
      while (socket.connections() < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(socket.connections()).toBeGreaterThanOrEqual(3);

      await receiver.stop();
      receiver = undefined;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", record);
    }
  });
});
