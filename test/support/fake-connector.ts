// A fake Bot Connector on loopback: records every activity the bot posts (replies and proactive sends), answers
// member lookups from a registry, opens personal conversations for people the app is installed for, serves a
// local OpenID metadata document + JWKS for inbound JWT tests, and injects faults for the delivery tests.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createActivityLimits, type ActivityCeilingOptions } from "./fake-connector-ceilings.ts";

export interface FakeMember {
  id: string;
  aadObjectId: string;
  name: string;
  email: string | null;
  tenantId: string;
  /** False: the app isn't installed for them, so opening a 1:1 chat is refused (403). */
  installed: boolean;
  /** The sign-in name; defaults to the email. */
  userPrincipalName?: string | null;
}

export interface FakeTeam {
  id: string;
  /** Member ids ("29:…") in roster order. */
  memberIds: string[];
  /** False: the bot was removed from the team, so roster reads answer 403 as Microsoft's do. */
  botInTeam: boolean;
}

export interface PostedActivity {
  conversationId: string;
  /** Set for replies within a turn: the incoming activity id. */
  replyToId: string | null;
  activity: Record<string, any>;
  authorization: string | undefined;
  /** The activity id the fake answered with. */
  id: string;
}

export type Fault = { status: number; retryAfter?: string } | { hang: true };

export interface FakeConnector {
  url: string;
  posted: PostedActivity[];
  createdConversations: { memberId: string; conversationId: string }[];
  addMember(member: FakeMember): void;
  /** A team whose roster the bot can read (GET …/pagedmembers with continuation tokens). */
  setTeam(team: FakeTeam): void;
  /** Every POST /v3/conversations with the status answered, for rate assertions and benchmarks. */
  createConversationCalls: { tenantId: string | null; status: number }[];
  /**
   * Microsoft's per-app, per-tenant ceiling on createConversation: beyond `limit` calls from one tenant within
   * `windowMs`, answer 429 with Retry-After as Teams does.
   */
  createConversationCeiling(options: { limit: number; windowMs: number; retryAfterSeconds?: number }): void;
  /**
   * Microsoft's ceilings on proactive messages (POST …/activities): per app per tenant (`perTenant`) and per bot
   * per conversation (`perConversation`, every window at once, e.g. 7/1 s, 8/2 s, 60/30 s, 1,800/h). Beyond any of
   * them, 429 with Retry-After as Teams answers; a refused post is not recorded and counts in `activityRefusals`.
   */
  activityCeiling(options: ActivityCeilingOptions): void;
  /** 429s answered by activityCeiling. */
  readonly activityRefusals: number;
  /** Keep only the conversation and id of each posted activity (benchmarks of 100,000 sends). */
  recordActivityBodies(keep: boolean): void;
  /** Roster page requests, for paging assertions. */
  rosterCalls: { teamId: string; pageSize: number | null; continuationToken: string | null }[];
  /** The next `count` activity posts to `conversationId` (any when omitted) fail with this fault. */
  failNext(fault: Fault, options?: { count?: number; conversationId?: string }): void;
  /** JWKS served at `${url}/keys`; OpenID metadata at `${url}/.well-known/openidconfiguration`. */
  setSigningKeys(keys: object[]): void;
  postedTo(conversationId: string): PostedActivity[];
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const members = new Map<string, FakeMember>();
  const teams = new Map<string, FakeTeam>();
  const rosterCalls: FakeConnector["rosterCalls"] = [];
  const posted: PostedActivity[] = [];
  const createdConversations: { memberId: string; conversationId: string }[] = [];
  const createConversationCalls: FakeConnector["createConversationCalls"] = [];
  let createCeiling:
    { limit: number; windowMs: number; retryAfterSeconds: number; hits: Map<string, number[]> } | undefined;
  const faults: { fault: Fault; remaining: number; conversationId?: string }[] = [];
  const activityLimits = createActivityLimits();
  let keepBodies = true;
  const hanging = new Set<ServerResponse>();
  let keys: object[] = [];
  let counter = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = req.method === "POST" ? await readJson(req) : undefined;
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);

    if (url.pathname === "/.well-known/openidconfiguration") {
      return json(res, 200, {
        issuer: "https://api.botframework.com",
        jwks_uri: `${base()}/keys`,
        id_token_signing_alg_values_supported: ["RS256"],
      });
    }
    if (url.pathname === "/keys") return json(res, 200, { keys });

    // GET /v3/conversations/{id}/members/{userId}
    if (
      req.method === "GET" &&
      parts[0] === "v3" &&
      parts[1] === "conversations" &&
      parts[3] === "members" &&
      parts[4]
    ) {
      const member = members.get(parts[4]);
      if (!member)
        return json(res, 404, { error: { code: "MemberNotFoundInConversation", message: "The member was not found" } });
      return json(res, 200, memberPayload(member));
    }
    // GET /v3/conversations/{teamId}/pagedmembers?pageSize=&continuationToken=: the roster, a page at a time. Like
    // Microsoft's: pageSize capped at 500, an opaque continuation token, none on the last page; 403 when the bot
    // is not in the team (code BotNotInConversationRoster), 404 for a conversation it never saw.
    if (req.method === "GET" && parts[0] === "v3" && parts[1] === "conversations" && parts[3] === "pagedmembers") {
      const team = teams.get(parts[2]);
      const pageSize = url.searchParams.get("pageSize");
      const token = url.searchParams.get("continuationToken");
      rosterCalls.push({
        teamId: parts[2],
        pageSize: pageSize === null ? null : Number(pageSize),
        continuationToken: token,
      });
      if (!team) return json(res, 404, { error: { code: "ConversationNotFound", message: "Conversation not found." } });
      if (!team.botInTeam)
        return json(res, 403, {
          error: { code: "BotNotInConversationRoster", message: "The bot is not part of the conversation roster." },
        });
      const size = Math.min(Math.max(Number(pageSize) || 200, 1), 500);
      const offset = token
        ? Number(
            Buffer.from(token, "base64url")
              .toString("utf8")
              .replace(/^page:/, ""),
          )
        : 0;
      if (!Number.isInteger(offset) || offset < 0)
        return json(res, 400, { error: { code: "BadArgument", message: "Invalid continuation token." } });
      const page = team.memberIds
        .slice(offset, offset + size)
        .flatMap((id) => (members.has(id) ? [memberPayload(members.get(id)!)] : []));
      const next =
        offset + size < team.memberIds.length ? Buffer.from(`page:${offset + size}`).toString("base64url") : undefined;
      return json(res, 200, { members: page, ...(next ? { continuationToken: next } : {}) });
    }
    // POST /v3/conversations: open a 1:1 chat.
    if (req.method === "POST" && parts[0] === "v3" && parts[1] === "conversations" && parts.length === 2) {
      const memberId = body?.members?.[0]?.id;
      const member = memberId ? members.get(memberId) : undefined;
      const tenantId = body?.tenantId ?? body?.channelData?.tenant?.id;
      const answer = (status: number, payload: unknown) => {
        createConversationCalls.push({ tenantId: tenantId ?? null, status });
        return json(res, status, payload);
      };
      if (createCeiling && tenantId) {
        const at = Date.now();
        const hits = (createCeiling.hits.get(tenantId) ?? []).filter((hit) => hit > at - createCeiling!.windowMs);
        createCeiling.hits.set(tenantId, hits);
        if (hits.length >= createCeiling.limit) {
          res.setHeader("Retry-After", String(createCeiling.retryAfterSeconds));
          return answer(429, { error: { code: "TooManyRequests", message: "Too many requests." } });
        }
        hits.push(at);
      }
      // Teams needs the tenant to create a conversation; a member of another tenant can't be reached from this one.
      if (!tenantId) return answer(400, { error: { code: "BadArgument", message: "Tenant id is required." } });
      if (member && member.tenantId !== tenantId)
        return answer(403, { error: { code: "Forbidden", message: "The user is not in the tenant." } });
      if (!member) return answer(404, { error: { code: "NotFound", message: "no such member" } });
      if (!member.installed)
        return answer(403, { error: { code: "Forbidden", message: "The bot is not installed for the user" } });
      const conversationId = `a:personal-${member.id}`;
      createdConversations.push({ memberId: member.id, conversationId });
      return answer(201, { id: conversationId });
    }
    // POST /v3/conversations/{id}/activities[/{replyToId}]
    if (req.method === "POST" && parts[0] === "v3" && parts[1] === "conversations" && parts[3] === "activities") {
      const conversationId = parts[2];
      const fault = takeFault(conversationId);
      if (fault && "hang" in fault) {
        hanging.add(res);
        res.on("close", () => hanging.delete(res));
        return;
      }
      if (fault) {
        if (fault.retryAfter) res.setHeader("Retry-After", fault.retryAfter);
        return json(res, fault.status, { error: { code: "Injected", message: `injected ${fault.status}` } });
      }
      const tenantId = body?.conversation?.tenantId ?? body?.channelData?.tenant?.id ?? null;
      const refusal = activityLimits.refuse(tenantId, conversationId, Date.now());
      if (refusal) {
        res.setHeader("Retry-After", String(refusal));
        return json(res, 429, { error: { code: "TooManyRequests", message: "Too many requests." } });
      }
      const id = `activity-${++counter}`;
      posted.push({
        conversationId,
        replyToId: parts[4] ?? null,
        activity: keepBodies ? (body ?? {}) : {},
        authorization: keepBodies ? req.headers.authorization : undefined,
        id,
      });
      return json(res, 200, { id });
    }
    json(res, 404, {
      error: { code: "NotFound", message: `fake connector has no route ${req.method} ${url.pathname}` },
    });
  };
  // A fault in the fake answers 500 like a broken service would, instead of an unhandled rejection.
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });

  function memberPayload(member: FakeMember) {
    const upn = member.userPrincipalName === undefined ? member.email : member.userPrincipalName;
    return {
      id: member.id,
      aadObjectId: member.aadObjectId,
      name: member.name,
      email: member.email,
      userPrincipalName: upn,
      tenantId: member.tenantId,
      userRole: "user",
    };
  }

  function takeFault(conversationId: string): Fault | undefined {
    const entry = faults.find(
      (candidate) =>
        candidate.remaining > 0 && (!candidate.conversationId || candidate.conversationId === conversationId),
    );
    if (!entry) return undefined;
    entry.remaining -= 1;
    return entry.fault;
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base(),
    posted,
    createdConversations,
    rosterCalls,
    createConversationCalls,
    createConversationCeiling(options) {
      createCeiling = {
        limit: options.limit,
        windowMs: options.windowMs,
        retryAfterSeconds: options.retryAfterSeconds ?? 1,
        hits: new Map(),
      };
    },
    activityCeiling: (options) => activityLimits.configure(options),
    get activityRefusals() {
      return activityLimits.refusals;
    },
    recordActivityBodies(keep) {
      keepBodies = keep;
    },
    setTeam(team) {
      teams.set(team.id, team);
    },
    addMember(member) {
      members.set(member.id, member);
      members.set(member.aadObjectId, member);
    },
    failNext(fault, options = {}) {
      faults.push({ fault, remaining: options.count ?? 1, conversationId: options.conversationId });
    },
    setSigningKeys(next) {
      keys = next;
    },
    postedTo: (conversationId) => posted.filter((entry) => entry.conversationId === conversationId),
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : undefined;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
