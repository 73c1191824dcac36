// Drives the real service the way Slack does: signed slash commands, view submissions, button clicks and events
// into POST /slack/events, with the Web API and response_url served by the fake on loopback.
import { createHmac, randomUUID } from "node:crypto";
import type { SlackOverrides } from "../../src/platforms/slack/index.ts";
import type { Clock } from "../../src/shared/clock.ts";
import type { TestDatabase } from "./database.ts";
import { startFakeSlack, type FakeSlack, type FakeSlackOptions, type FakeSlackUser } from "./fake-slack.ts";
import { startTestService, type TestService } from "./service.ts";

export const SLACK_SIGNING_SECRET = "test-signing-secret-5f1e0c9a7d";
export const SLACK_BOT_TOKEN = "xoxb-test-1234567890-abcdefghijkl";

export interface SlackHarnessOptions {
  db: TestDatabase;
  env?: Record<string, string>;
  clock?: Clock;
  slack?: SlackOverrides;
  fake?: FakeSlackOptions;
}

export interface HttpAnswer {
  status: number;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

export interface SendOptions {
  contentType?: string;
  /** Unix seconds to sign with and send (default now). */
  timestamp?: number | string | null;
  /** A signature to send instead of the right one; null sends none. */
  signature?: string | null;
  /** Changes the body after it was signed. */
  tamper?: (body: string) => string;
}

type Actor = string | FakeSlackUser;

export interface SlackHarness {
  fake: FakeSlack;
  service: TestService;
  slack: SlackDriver;
  stop(): Promise<void>;
}

/** Directory buckets that never make a test wait (the documented tiers are exercised by bench P6). */
export const FAST_DIRECTORY_TIERS = {
  list: { key: "slack:users.list", perSecond: 1000, burst: 100 },
  lookup: { key: "slack:users.lookupByEmail", perSecond: 1000, burst: 100 },
};

export async function startSlackHarness(options: SlackHarnessOptions): Promise<SlackHarness> {
  const fake = await startFakeSlack({ token: SLACK_BOT_TOKEN, ...options.fake });
  const service = await startTestService({
    db: options.db,
    clock: options.clock,
    slack: options.slack,
    env: { SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL: fake.apiUrl, ...options.env },
  });
  return {
    fake,
    service,
    slack: new SlackDriver(service.url, fake),
    async stop() {
      await service.stop();
      await fake.stop();
    },
  };
}

export function signSlackBody(body: string, timestamp: number | string, secret = SLACK_SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export class SlackDriver {
  constructor(
    readonly serviceUrl: string,
    readonly fake: FakeSlack,
  ) {}

  /** Posts a raw body to /slack/events, signed unless told otherwise. */
  async send(body: string, options: SendOptions = {}): Promise<HttpAnswer> {
    const timestamp = options.timestamp === undefined ? Math.floor(Date.now() / 1000) : options.timestamp;
    const headers: Record<string, string> = {
      "content-type": options.contentType ?? "application/x-www-form-urlencoded",
    };
    if (timestamp !== null) headers["x-slack-request-timestamp"] = String(timestamp);
    const signature = options.signature === undefined ? signSlackBody(body, timestamp ?? "") : options.signature;
    if (signature !== null) headers["x-slack-signature"] = signature;
    const response = await fetch(`${this.serviceUrl}/slack/events`, {
      method: "POST",
      headers,
      body: options.tamper ? options.tamper(body) : body,
    });
    const text = await response.text();
    return { status: response.status, body: text, json: <T>() => JSON.parse(text) as T };
  }

  /** A slash command as Slack sends it; the response_url points at the fake, which records the replies. */
  async command(
    name: string,
    text: string,
    options: { as: Actor; channel?: string; channelName?: string; triggerId?: string; send?: SendOptions },
  ): Promise<HttpAnswer & { triggerId: string; responseUrl: string }> {
    const triggerId = options.triggerId ?? `${Date.now()}.${randomUUID().slice(0, 8)}`;
    const responseUrl = this.fake.newResponseUrl();
    const form = new URLSearchParams({
      token: "legacy-verification-token",
      team_id: this.fake.teamId,
      team_domain: "momentum-test",
      channel_id: options.channel ?? "CGENERAL",
      channel_name: options.channelName ?? "general",
      user_id: userId(options.as),
      user_name: typeof options.as === "string" ? options.as.toLowerCase() : options.as.name,
      command: name,
      text,
      api_app_id: "AMOMENTUM",
      response_url: responseUrl,
      trigger_id: triggerId,
    });
    const answer = await this.send(form.toString(), options.send);
    return { ...answer, triggerId, responseUrl };
  }

  /** Submits a modal; `values` is the view state: { [blockId]: { [actionId]: element state } }. */
  submitView(options: {
    as: Actor;
    view: { callback_id?: string; private_metadata?: string; id?: string };
    values: Record<string, Record<string, unknown>>;
    viewId?: string;
  }): Promise<HttpAnswer> {
    return this.interaction({
      type: "view_submission",
      team: { id: this.fake.teamId, domain: "momentum-test" },
      user: { id: userId(options.as), team_id: this.fake.teamId },
      api_app_id: "AMOMENTUM",
      trigger_id: `${Date.now()}.${randomUUID().slice(0, 8)}`,
      view: {
        id: options.viewId ?? options.view.id ?? `V${randomUUID().slice(0, 8).toUpperCase()}`,
        type: "modal",
        team_id: this.fake.teamId,
        callback_id: options.view.callback_id,
        private_metadata: options.view.private_metadata ?? "",
        state: { values: options.values },
        hash: "1.abc",
      },
    });
  }

  /** A click on a button in a message Momentum sent. */
  clickButton(options: {
    as: Actor;
    actionId: string;
    value?: string;
    blockId?: string;
    channel?: string;
    messageTs?: string;
  }): Promise<HttpAnswer> {
    return this.interaction({
      type: "block_actions",
      team: { id: this.fake.teamId, domain: "momentum-test" },
      user: { id: userId(options.as), team_id: this.fake.teamId },
      api_app_id: "AMOMENTUM",
      trigger_id: `${Date.now()}.${randomUUID().slice(0, 8)}`,
      container: {
        type: "message",
        channel_id: options.channel ?? "DMBOT",
        message_ts: options.messageTs ?? "1790000000.000001",
      },
      channel: { id: options.channel ?? "DMBOT" },
      response_url: this.fake.newResponseUrl(),
      actions: [
        {
          type: "button",
          action_id: options.actionId,
          block_id: options.blockId ?? "block",
          value: options.value,
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    });
  }

  /** An Events API delivery; pass the same eventId twice to imitate Slack's retry. */
  postEvent(
    event: Record<string, unknown>,
    options: { eventId?: string; retryNum?: number } = {},
  ): Promise<HttpAnswer> {
    const body = JSON.stringify({
      token: "legacy-verification-token",
      team_id: this.fake.teamId,
      api_app_id: "AMOMENTUM",
      type: "event_callback",
      event_id: options.eventId ?? `Ev${randomUUID().slice(0, 10).toUpperCase()}`,
      event_time: Math.floor(Date.now() / 1000),
      event: { event_ts: `${Date.now() / 1000}`, ...event },
      authorizations: [{ team_id: this.fake.teamId, user_id: "UMOMENTUMBOT", is_bot: true }],
    });
    return this.send(body, { contentType: "application/json" });
  }

  private interaction(payload: Record<string, unknown>): Promise<HttpAnswer> {
    return this.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
  }
}

function userId(actor: Actor): string {
  return typeof actor === "string" ? actor : actor.id;
}

/** HR runs /announce, and submits the modal for these channels (with an Acknowledge button unless told otherwise). */
export async function announceThroughModal(
  harness: SlackHarness,
  as: FakeSlackUser,
  options: { channels: string[]; text: string; withAck?: boolean },
) {
  await harness.slack.command("/announce", "", { as });
  await harness.service.settle();
  const view = harness.fake.sent("views.open").at(-1)?.args.view as
    { callback_id: string; private_metadata: string } | undefined;
  if (view?.callback_id !== "announce_modal") throw new Error("/announce did not open the announcement modal");
  const values = {
    announce_channels: { channels: { type: "multi_conversations_select", selected_conversations: options.channels } },
    announce_text: { text: { type: "plain_text_input", value: options.text } },
    announce_ack: {
      ack: { type: "checkboxes", selected_options: options.withAck === false ? [] : [{ value: "ack" }] },
    },
  };
  const answer = await harness.slack.submitView({ as, view, values });
  await harness.service.settle();
  return answer;
}
