// A fake Slack Web API on 127.0.0.1: the real WebClient talks to it (`POST /api/<method>`, form-encoded, nested
// arguments as JSON strings). It records every call, answers from a small user/channel registry, records what is
// posted to response_url, and injects faults (429 + Retry-After, 5xx, hangs, Slack errors, a per-method rate
// ceiling) for retry tests and benchmarks.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { FakeWorkspaces } from "./fake-slack-workspaces.ts";

export interface FakeSlackUser {
  id: string;
  name: string;
  email?: string | null;
  tz?: string;
  isBot?: boolean;
  deleted?: boolean;
  /** A multi-channel (`restricted`) or single-channel (`ultra`) guest. */
  guest?: "restricted" | "ultra";
  /** Their workspace, when the fake serves several (default: the fake's teamId). */
  teamId?: string;
}

/** How a channel behaves for chat.postMessage / conversations.join. Unregistered C/G ids behave as "member". */
export type FakeChannelState = "member" | "not-member" | "private-not-member" | "archived" | "missing";

export type Fault =
  | { kind: "rate-limit"; retryAfterSeconds: number }
  | { kind: "http-error"; status: number }
  | { kind: "hang" }
  /** Slack does the work (the message is posted) but the answer never arrives: the "outcome unknown" case. */
  | { kind: "accept-then-hang" }
  | { kind: "slack-error"; error: string };

export interface FaultRule {
  /** Only calls to this method (default: every method). */
  method?: string;
  /** Only calls whose arguments match. */
  when?: (call: RecordedCall) => boolean;
  /** Share of the matching calls to fail, spread evenly and deterministically (default 1 = all). */
  share?: number;
  /** Stop after failing this many calls (default: no limit). */
  times?: number;
  fault: Fault;
}

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | null;
  /** True when the fake answered ok:true. */
  ok: boolean;
  /** What the fake answered when it did not succeed: a Slack error code, "429", "500", "hang". */
  failure?: string;
}

export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

export interface FakeSlackOptions {
  teamId?: string;
  /** Token the fake accepts; any xoxb- token when unset. */
  token?: string;
  /** Time source of the rate ceilings (default Date.now). */
  now?: () => number;
  /** Delay before answering every call, for benchmarks that want a realistic round trip. */
  latencyMs?: number;
  /** App-level token apps.connections.open accepts (Socket Mode); any xapp- token when unset. */
  appToken?: string;
  /** OAuth installs: tokens issued per workspace, and each call checked against its token's workspace. */
  workspaces?: FakeWorkspaces;
}

export interface FakeSlack {
  url: string;
  /** The value for SLACK_API_URL. */
  apiUrl: string;
  teamId: string;
  calls(method?: string): RecordedCall[];
  /** Successful calls only (what Slack would actually have done). */
  sent(method: string): RecordedCall[];
  responses: RecordedResponse[];
  newResponseUrl(): string;
  addUser(user: FakeSlackUser): FakeSlackUser;
  setChannel(id: string, state: FakeChannelState): void;
  inject(rule: FaultRule): void;
  /** Answer 429 (Retry-After) once more than `limit` calls to `method` arrive within `windowMs`. */
  ceiling(method: string, options: { limit: number; windowMs: number; retryAfterSeconds?: number }): void;
  clearFaults(): void;
  /** Socket Mode: where apps.connections.open points (fake-slack-socket.ts sets it); unset, Slack refuses. */
  setSocketUrl(next: (() => string) | undefined): void;
  reset(): void;
  stop(): Promise<void>;
}

export const FAKE_BOT_USER_ID = "UMOMENTUMBOT";

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const teamId = options.teamId ?? "T0MOMENTUM";
  const now = options.now ?? Date.now;
  const users = new Map<string, FakeSlackUser>();
  const channels = new Map<string, FakeChannelState>();
  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  let rules: { rule: FaultRule; credit: number; used: number }[] = [];
  let ceilings = new Map<string, { limit: number; windowMs: number; retryAfterSeconds: number; hits: number[] }>();
  const hanging = new Set<ServerResponse>();
  let tsCounter = 0;
  // What each channel holds, newest last, so conversations.history can answer like Slack (metadata included).
  const history = new Map<string, { ts: string; text: unknown; metadata?: unknown }[]>();
  let viewCounter = 0;
  let responseCounter = 0;
  let socketUrl: (() => string) | undefined;

  function pickFault(call: RecordedCall): Fault | undefined {
    const ceiling = ceilings.get(call.method);
    if (ceiling) {
      const at = now();
      ceiling.hits = ceiling.hits.filter((hit) => hit > at - ceiling.windowMs);
      if (ceiling.hits.length >= ceiling.limit)
        return { kind: "rate-limit", retryAfterSeconds: ceiling.retryAfterSeconds };
      ceiling.hits.push(at);
    }
    for (const entry of rules) {
      const { rule } = entry;
      if (rule.method && rule.method !== call.method) continue;
      if (rule.when && !rule.when(call)) continue;
      if (rule.times !== undefined && entry.used >= rule.times) continue;
      entry.credit += rule.share ?? 1;
      if (entry.credit < 1) continue;
      entry.credit -= 1;
      entry.used += 1;
      return rule.fault;
    }
    return undefined;
  }

  function userPayload(user: FakeSlackUser) {
    return {
      id: user.id,
      team_id: user.teamId ?? teamId,
      name: user.name.toLowerCase().replace(/\s+/g, "."),
      real_name: user.name,
      deleted: Boolean(user.deleted),
      is_bot: Boolean(user.isBot),
      is_restricted: user.guest !== undefined,
      is_ultra_restricted: user.guest === "ultra",
      tz: user.tz ?? "Europe/Berlin",
      profile: {
        real_name: user.name,
        display_name: user.name.split(" ")[0],
        ...(user.email === null ? {} : { email: user.email ?? `${user.id.toLowerCase()}@example.com` }),
      },
    };
  }

  function channelState(id: string): FakeChannelState {
    if (channels.has(id)) return channels.get(id)!;
    if (/^[CG]/.test(id)) return "member";
    if (/^D/.test(id)) return users.has(`U${id.slice(2)}`) || id.startsWith("DM") ? "member" : "missing";
    if (/^[UW]/.test(id)) return users.has(id) ? "member" : "missing";
    return "missing";
  }

  function answer(method: string, args: Record<string, unknown>, token: string | null): Record<string, unknown> {
    const fail = (error: string) => ({ ok: false, error });
    const scoped = options.workspaces;
    // Another workspace's user or DM is invisible to this token, as in Slack; the crossing is recorded for tests.
    const visible = (user: FakeSlackUser | undefined) => !scoped || !user || scoped.sees(token, user.teamId ?? teamId);
    const crossed = (user: FakeSlackUser | undefined) => {
      if (visible(user)) return false;
      scoped?.crossings.push({ method, token });
      return true;
    };
    const dmUser = (channel: unknown) =>
      /^DM/.test(String(channel)) ? users.get(`U${String(channel).slice(2)}`) : undefined;
    if (["users.info", "conversations.open"].includes(method) && crossed(users.get(String(args.user ?? args.users))))
      return fail("user_not_found");
    if (["chat.postMessage", "conversations.history"].includes(method) && crossed(dmUser(args.channel)))
      return fail("channel_not_found");
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          user_id: FAKE_BOT_USER_ID,
          bot_id: "BMOMENTUM",
          team_id: teamId,
          team: "Momentum Test",
          url: "https://momentum-test.slack.com/",
        };
      case "users.info": {
        const user = users.get(String(args.user));
        return user ? { ok: true, user: userPayload(user) } : fail("user_not_found");
      }
      case "users.list": {
        // Like Slack: pages in a stable order, `limit` capped (docs: no more than 1,000), an opaque cursor
        // (base64 of the next offset, as Slack's are opaque strings), "" when done; a cursor we didn't issue is refused.
        if (!args.limit && users.size > 1000) return fail("limit_required");
        const limit = Math.min(Number(args.limit ?? 0) || 1000, 1000);
        let offset = 0;
        if (args.cursor) {
          const decoded = /^dXNlcjo/.test(String(args.cursor))
            ? Number(Buffer.from(String(args.cursor), "base64").toString("utf8").slice(5))
            : NaN;
          if (!Number.isInteger(decoded) || decoded < 0) return fail("invalid_cursor");
          offset = decoded;
        }
        const all = [...users.values()].filter(
          (user) => visible(user) && (!args.team_id || (user.teamId ?? teamId) === args.team_id),
        );
        const page = all.slice(offset, offset + limit);
        const next = offset + limit < all.length ? Buffer.from(`user:${offset + limit}`).toString("base64") : "";
        return {
          ok: true,
          members: page.map(userPayload),
          cache_ts: Math.floor(now() / 1000),
          response_metadata: { next_cursor: next },
        };
      }
      case "users.lookupByEmail": {
        // Slack answers the plural `users_not_found` for this method (users.info says `user_not_found`).
        const email = String(args.email ?? "").toLowerCase();
        const user = [...users.values()].find(
          (candidate) =>
            visible(candidate) &&
            candidate.email !== null &&
            (candidate.email ?? `${candidate.id.toLowerCase()}@example.com`).toLowerCase() === email,
        );
        return user ? { ok: true, user: userPayload(user) } : fail("users_not_found");
      }
      case "conversations.open": {
        const user = users.get(String(args.users));
        if (!user) return fail("user_not_found");
        if (user.deleted) return fail("user_disabled");
        if (user.isBot) return fail("cannot_dm_bot");
        return { ok: true, channel: { id: `DM${user.id.slice(1)}` } };
      }
      case "chat.postMessage":
      case "chat.postEphemeral": {
        const state = channelState(String(args.channel));
        if (state === "missing" || state === "private-not-member") return fail("channel_not_found");
        if (state === "archived") return fail("is_archived");
        if (state === "not-member") return fail("not_in_channel");
        tsCounter += 1;
        const ts = `1790000000.${String(tsCounter).padStart(6, "0")}`;
        if (method !== "chat.postMessage") return { ok: true, message_ts: ts };
        const metadata = typeof args.metadata === "string" ? JSON.parse(args.metadata) : args.metadata;
        const kept = history.get(String(args.channel)) ?? [];
        kept.push({ ts, text: args.text, ...(metadata ? { metadata } : {}) });
        history.set(String(args.channel), kept);
        return { ok: true, channel: args.channel, ts, message: { text: args.text, ts } };
      }
      case "conversations.history": {
        const state = channelState(String(args.channel));
        if (state === "missing" || state === "private-not-member") return fail("channel_not_found");
        const limit = Number(args.limit ?? 100);
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === "true";
        const messages = [...(history.get(String(args.channel)) ?? [])]
          .reverse()
          .slice(0, limit)
          .map((message) => (withMetadata ? message : { ts: message.ts, text: message.text }));
        return { ok: true, messages, has_more: false };
      }
      case "conversations.info": {
        // Like Slack: a private channel the bot isn't in is invisible to it (channel_not_found).
        const id = String(args.channel);
        const state = channelState(id);
        if (state === "missing" || state === "private-not-member") return fail("channel_not_found");
        return {
          ok: true,
          channel: {
            id,
            name: id.toLowerCase(),
            is_private: id.startsWith("G"),
            is_archived: state === "archived",
            is_member: state === "member",
          },
        };
      }
      case "conversations.join": {
        const id = String(args.channel);
        const state = channelState(id);
        if (state === "missing") return fail("channel_not_found");
        if (state === "private-not-member") return fail("method_not_supported_for_channel_type");
        if (state === "archived") return fail("is_archived");
        channels.set(id, "member");
        return { ok: true, channel: { id } };
      }
      case "views.open":
      case "views.update":
      case "views.publish": {
        viewCounter += 1;
        const view = typeof args.view === "object" && args.view ? args.view : {};
        return { ok: true, view: { ...view, id: args.view_id ?? `V${String(viewCounter).padStart(8, "0")}` } };
      }
      case "apps.connections.open":
        // Slack refuses when Socket Mode is off in the app settings.
        return socketUrl ? { ok: true, url: socketUrl() } : fail("socket_mode_not_enabled");
      default:
        return fail("unknown_method");
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname.startsWith("/response/")) {
      responses.push({ id: url.pathname.slice("/response/".length), body: raw ? JSON.parse(raw) : {} });
      return void send(res, 200, "ok", "text/plain");
    }
    const method = url.pathname.match(/^\/api\/(.+)$/)?.[1];
    if (!method || req.method !== "POST")
      return void send(res, 404, JSON.stringify({ ok: false, error: "unknown_method" }));
    const args = parseArgs(raw, req.headers["content-type"]);
    const bearer =
      req.headers.authorization?.replace(/^Bearer\s+/, "") ?? (typeof args.token === "string" ? args.token : null);
    const call: RecordedCall = { method, args, token: bearer, ok: false };
    calls.push(call);
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    const fault = pickFault(call);
    if (fault?.kind === "hang") {
      call.failure = "hang";
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    }
    if (fault?.kind === "rate-limit") {
      call.failure = "429";
      res.setHeader("Retry-After", String(fault.retryAfterSeconds));
      return void send(res, 429, JSON.stringify({ ok: false, error: "ratelimited" }));
    }
    if (fault?.kind === "http-error") {
      call.failure = String(fault.status);
      return void send(res, fault.status, "upstream trouble", "text/plain");
    }
    // Like Slack: apps.connections.open takes only an app-level token, every other method only a bot token.
    const appLevel = method === "apps.connections.open";
    const tokenOk =
      bearer !== null &&
      (appLevel
        ? options.appToken
          ? bearer === options.appToken
          : bearer.startsWith("xapp-")
        : options.token
          ? bearer === options.token
          : bearer.startsWith("xoxb-"));
    const wrongKind = bearer !== null && !tokenOk && bearer.startsWith(appLevel ? "xoxb-" : "xapp-");
    // OAuth installs: tokens issued per workspace, each call checked against its token's workspace.
    const oauthAnswer = options.workspaces?.answer(method, args, bearer);
    const oauthRefusal = options.workspaces?.tokenError(bearer);
    const body =
      fault?.kind === "slack-error"
        ? { ok: false, error: fault.error }
        : oauthAnswer
          ? oauthAnswer
          : options.workspaces
            ? oauthRefusal
              ? { ok: false, error: oauthRefusal }
              : answer(method, args, bearer)
            : wrongKind
              ? { ok: false, error: "not_allowed_token_type" }
              : tokenOk
                ? answer(method, args, bearer)
                : { ok: false, error: "invalid_auth" };
    call.ok = body.ok === true;
    if (!call.ok) call.failure = String(body.error);
    if (fault?.kind === "accept-then-hang") {
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    }
    send(res, 200, JSON.stringify(body));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, JSON.stringify({ ok: false, error: "fake_crashed" })));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  function clearFaults(): void {
    rules = [];
    ceilings = new Map();
  }

  return {
    url,
    apiUrl: `${url}/api/`,
    teamId,
    calls: (method) => (method ? calls.filter((call) => call.method === method) : [...calls]),
    sent: (method) => calls.filter((call) => call.method === method && call.ok),
    responses,
    newResponseUrl: () => `${url}/response/${++responseCounter}`,
    addUser(user) {
      users.set(user.id, user);
      return user;
    },
    setChannel: (id, state) => void channels.set(id, state),
    inject: (rule) => void rules.push({ rule, credit: 0, used: 0 }),
    ceiling: (method, limit) => void ceilings.set(method, { retryAfterSeconds: 1, ...limit, hits: [] }),
    clearFaults,
    setSocketUrl: (next) => void (socketUrl = next),
    reset() {
      calls.length = 0;
      responses.length = 0;
      users.clear();
      history.clear();
      channels.clear();
      clearFaults();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: string, type = "application/json"): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": type });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Form fields, with the JSON-encoded nested ones (view, blocks) decoded. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/json")) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
