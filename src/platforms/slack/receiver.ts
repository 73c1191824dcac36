// How Slack reaches Momentum: over HTTP (an ExpressReceiver whose router the shared server mounts at
// POST /slack/events, behind our timestamp guard) or over Socket Mode (Bolt's SocketModeReceiver: Momentum dials
// out with the app-level token, so no public URL is needed). Everything after the receiver is the same Bolt app:
// the same middleware (admission budget, event de-duplication) and listeners, so both modes behave alike.
//
// Socket Mode: Bolt acknowledges each envelope once (SocketModeResponseAck ignores a second ack()), Events API
// envelopes are acknowledged before any listener runs, and a retried event (retry_attempt > 0) carries the same
// event_id as over HTTP, so eventDeduplication skips it. After a drop or a `disconnect` (refresh_requested, warning,
// link_disabled) the client asks apps.connections.open for a new URL; an envelope that was not acknowledged is sent
// again by Slack on the new connection.
import {
  ExpressReceiver,
  SocketModeReceiver,
  type ExpressReceiverOptions,
  type Logger as BoltLogger,
  type Receiver,
} from "@slack/bolt";
import express, { type Router } from "express";
import type { Clock } from "../../shared/clock.ts";
import type { Logger } from "../../shared/logger.ts";
import { slackTimestampGuard } from "./request-guard.ts";
import type { WebClientOptions } from "./web-client.ts";

export const SLACK_EVENTS_PATH = "/slack/events";

/** The longest shutdown waits for the socket's close handshake. */
const STOP_WAIT_MS = 3000;

export type SlackConnection =
  | { mode: "http"; signingSecret: string }
  | {
      mode: "socket";
      appToken: string;
      /** How long the client waits for a pong, and the step of its reconnect back-off (default 5 s). */
      clientPingTimeoutMs?: number;
    };

export interface SlackReceiver {
  receiver: Receiver;
  /** Routes for the shared HTTP server (empty in Socket Mode: nothing listens for Slack). */
  router: Router;
  /** Opens the socket (Socket Mode); a no-op over HTTP, where the shared server receives. */
  start(): Promise<void>;
  /** Closes the socket so no new envelope arrives; a no-op over HTTP. */
  stop(): Promise<void>;
}

export function createSlackReceiver(
  connection: SlackConnection,
  options: {
    boltLogger: BoltLogger;
    clientOptions: WebClientOptions;
    requestClock: Clock;
    logger: Logger;
    /** OAuth installs (HTTP only): Bolt's installer, which serves the install and redirect paths. */
    installer?: Partial<ExpressReceiverOptions>;
  },
): SlackReceiver {
  const router = express.Router();
  if (connection.mode === "http") {
    router.post(SLACK_EVENTS_PATH, slackTimestampGuard({ clock: options.requestClock, logger: options.logger }));
    const receiver = new ExpressReceiver({
      signingSecret: connection.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      router,
      logger: options.boltLogger,
      processBeforeResponse: false,
      ...options.installer,
    });
    return { receiver, router, start: async () => undefined, stop: async () => undefined };
  }
  const receiver = new SocketModeReceiver({
    appToken: connection.appToken,
    logger: options.boltLogger,
    // A copy: the socket client sets its own retry policy on the options it is given (it retries
    // apps.connections.open), which must not leak into the WebClient Momentum sends with.
    installerOptions: { clientOptions: { ...options.clientOptions, retryConfig: undefined } },
    clientPingTimeout: connection.clientPingTimeoutMs,
    autoReconnectEnabled: true,
  });
  const client = receiver.client;
  // The SDK reconnects by calling its own start() and never handles that promise. A start still waiting for
  // Slack's hello when the client disconnects (the service stops mid-reconnect) rejects with no reason, which would
  // be an unhandled rejection. The SDK's close handler already schedules any next attempt, so on that path the
  // rejection carries nothing to act on; Momentum's own first start (below) still sees its failure.
  const startSocket = client.start.bind(client);
  client.start = () =>
    startSocket().catch(() => {
      options.logger.info("Slack Socket Mode: a reconnect attempt ended before Slack said hello");
      return undefined as unknown as Awaited<ReturnType<typeof startSocket>>;
    });
  client.on("connected", () => options.logger.info("Slack Socket Mode connected"));
  client.on("reconnecting", () => options.logger.info("Slack Socket Mode reconnecting"));
  return {
    receiver,
    router,
    async start() {
      // The SDK's own start, not the reconnect wrapper: a failed first connection is retried by keepSocketOpen.
      await startSocket();
    },
    async stop() {
      // Bounded: a socket still being opened (Slack unreachable, retrying) must not hold up shutdown.
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, STOP_WAIT_MS);
        timer.unref();
      });
      await Promise.race([client.disconnect(), bound]);
      clearTimeout(timer);
    },
  };
}

/** The secret of the connection, for the SDK log scrubber. */
export function connectionSecret(connection: SlackConnection): string {
  return connection.mode === "http" ? connection.signingSecret : connection.appToken;
}
