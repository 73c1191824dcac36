// Slack's Socket Mode side, on 127.0.0.1: the fake Web API answers apps.connections.open (app-level token) with a
// ws:// URL served here. Each connection gets `hello`, then whatever a test pushes, as envelopes shaped as Slack
// documents them ({ envelope_id, type, payload, accepts_response_payload[, retry_attempt, retry_reason] }); every
// acknowledgement ({ envelope_id, payload }) the app sends back is recorded. A test can drop the connection or send
// Slack's `disconnect` message, and wait for the app to open a new one.
//
// SocketSlackDriver sends the same slash commands, view submissions, clicks and events as SlackDriver does over
// HTTP, as envelopes instead, and answers with the acknowledgement's payload in place of the HTTP response body.
import { randomUUID } from "node:crypto";
import WebSocket from "ws";
import type { FakeSlack } from "./fake-slack.ts";
import { SlackDriver, type HttpAnswer } from "./slack.ts";

export type EnvelopeType = "slash_commands" | "interactive" | "events_api";

export interface SocketEnvelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
  /** Which connection (1 = the first the app opened) carried it. */
  connection: number;
}

export type DisconnectReason = "warning" | "refresh_requested" | "link_disabled" | "too_many_websockets";

export interface FakeSlackSocket {
  /** Connections the app has opened so far (each one after its own apps.connections.open). */
  connections(): number;
  acks: SocketAck[];
  /** Envelopes pushed so far, in order. */
  pushed: SocketEnvelope[];
  /** Waits until the app has opened `count` connections and the latest is open. */
  waitForConnection(count: number): Promise<void>;
  /** Sends an envelope on the open connection and resolves with its (first) acknowledgement. */
  push(envelope: Omit<SocketEnvelope, "envelope_id"> & { envelope_id?: string }): Promise<SocketAck>;
  /** The network drops: the connection ends without a close handshake. */
  drop(): void;
  /** The next `count` connections drop before Slack's `hello` (a reconnect cut short). */
  dropBeforeHello(count: number): void;
  /** Slack asks the app to reconnect. */
  disconnect(reason: DisconnectReason): void;
  stop(): Promise<void>;
}

const WAIT_LIMIT_MS = 10_000;

export async function startFakeSlackSocket(fake: FakeSlack): Promise<FakeSlackSocket> {
  const server = new WebSocket.Server({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const port = (server.address() as { port: number }).port;
  const acks: SocketAck[] = [];
  const pushed: SocketEnvelope[] = [];
  let opened = 0;
  let live: WebSocket | undefined;
  let ticket = 0;
  let cutBeforeHello = 0;

  server.on("connection", (socket) => {
    opened += 1;
    const connection = opened;
    if (cutBeforeHello > 0) {
      cutBeforeHello -= 1;
      socket.terminate();
      return;
    }
    live = socket;
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
      if (typeof message.envelope_id === "string")
        acks.push({ envelope_id: message.envelope_id, payload: message.payload, connection });
    });
    socket.on("close", () => {
      if (live === socket) live = undefined;
    });
    socket.send(
      JSON.stringify({
        type: "hello",
        num_connections: 1,
        debug_info: { host: "applink-fake", approximate_connection_time: 18060 },
        connection_info: { app_id: "AMOMENTUM" },
      }),
    );
  });
  fake.setSocketUrl(() => `ws://127.0.0.1:${port}/link/?ticket=${++ticket}&app_id=AMOMENTUM`);

  return {
    connections: () => opened,
    acks,
    pushed,
    async waitForConnection(count) {
      await waitFor(
        () => opened >= count && live?.readyState === WebSocket.OPEN,
        `the app never opened connection ${count}`,
      );
    },
    async push(envelope) {
      const full: SocketEnvelope = { envelope_id: randomUUID(), ...envelope };
      pushed.push(full);
      // Like Slack: an envelope not acknowledged before its connection closed is sent again on the next one.
      for (;;) {
        await waitFor(() => live?.readyState === WebSocket.OPEN, "no open Socket Mode connection to push on");
        const carrier = live!;
        const seen = acks.length; // a re-sent envelope (same id) waits for its own acknowledgement
        const ackOf = () => acks.slice(seen).find((candidate) => candidate.envelope_id === full.envelope_id);
        carrier.send(JSON.stringify(full));
        await waitFor(
          () => ackOf() !== undefined || carrier.readyState !== WebSocket.OPEN,
          `envelope ${full.envelope_id} (${full.type}) was never acknowledged`,
        );
        const ack = ackOf();
        if (ack) return ack;
      }
    },
    drop() {
      live?.terminate();
      live = undefined;
    },
    dropBeforeHello(count) {
      cutBeforeHello = count;
    },
    disconnect(reason) {
      live?.send(JSON.stringify({ type: "disconnect", reason, debug_info: { host: "applink-fake" } }));
    },
    stop: () =>
      new Promise<void>((resolve) => {
        fake.setSocketUrl(undefined);
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

/** Polls a condition (every 10 ms) until it holds; fails with `message` after 10 s. */
export async function waitFor(condition: () => boolean, message: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > WAIT_LIMIT_MS) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** SlackDriver's requests, delivered as Socket Mode envelopes instead of signed HTTP posts. */
export class SocketSlackDriver extends SlackDriver {
  constructor(
    fake: FakeSlack,
    readonly socket: FakeSlackSocket,
  ) {
    super("http://socket-mode.invalid", fake);
  }

  override async send(body: string, options: { contentType?: string } = {}): Promise<HttpAnswer> {
    const ack = await this.socket.push(envelopeFor(body, options.contentType));
    const text = JSON.stringify(ack.payload ?? {});
    return { status: 200, body: text, json: <T>() => JSON.parse(text) as T };
  }
}

/** The envelope Slack sends over the socket for what it would have posted over HTTP. */
export function envelopeFor(body: string, contentType = "application/x-www-form-urlencoded") {
  if (contentType === "application/json")
    return { type: "events_api" as const, payload: JSON.parse(body), accepts_response_payload: false };
  const form = new URLSearchParams(body);
  const interaction = form.get("payload");
  if (interaction !== null) {
    const payload = JSON.parse(interaction) as Record<string, unknown>;
    // Slack lets the app answer in the ack for modal submissions (response_action), not for button clicks.
    const accepts = payload.type === "view_submission";
    return { type: "interactive" as const, payload, accepts_response_payload: accepts };
  }
  return { type: "slash_commands" as const, payload: Object.fromEntries(form), accepts_response_payload: true };
}
