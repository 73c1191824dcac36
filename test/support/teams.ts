// Drives the real service's Teams endpoint the way Teams does: Bot Framework activities posted to
// /api/messages (signed with a local JWKS when credentials are set), with serviceUrl pointing at the fake
// connector, which records what the bot sends back.
import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import type { TeamsOverrides } from "../../src/platforms/teams/index.ts";
import type { Clock } from "../../src/shared/clock.ts";
import type { TestDatabase } from "./database.ts";
import { startFakeConnector, type FakeConnector, type FakeMember } from "./fake-connector.ts";
import { startTestService, type TestService } from "./service.ts";

export const TEST_TENANT = "tenant-momentum-test";
export const TEST_APP_ID = "00000000-0000-4000-8000-00000000a99d";
export const TEST_APP_PASSWORD = "test-app-password-do-not-log-Zx81";
export const OUTBOUND_TOKEN = "fake-outbound-token";
export const BOT = { id: `28:${TEST_APP_ID}`, name: "Momentum" };

export type TeamsUser = FakeMember;

export interface TeamsConversation {
  id: string;
  conversationType: "personal" | "channel" | "groupChat";
  /** For team channels. */
  team?: { id: string; name: string };
  channel?: { id: string; name: string };
}

export interface SendOptions {
  conversation?: TeamsConversation;
  mentions?: TeamsUser[] | { id: string; name: string }[];
  value?: unknown;
  /** Reuse an id to simulate a redelivery. */
  id?: string;
  localTimezone?: string;
  /** Raw Authorization header (JWT tests); by default a valid token when credentials are on. */
  authorization?: string | null;
}

export interface TeamsHarness {
  service: TestService;
  connector: FakeConnector;
  user(name: string, options?: { installed?: boolean; email?: string | null }): TeamsUser;
  personalChat(user: TeamsUser): TeamsConversation;
  channel(name: string): TeamsConversation;
  activity(user: TeamsUser, fields: Record<string, unknown>, options?: SendOptions): Record<string, any>;
  message(user: TeamsUser, text: string, options?: SendOptions): Promise<{ status: number; body: any; id: string }>;
  invoke(
    user: TeamsUser,
    name: string,
    value: unknown,
    options?: SendOptions,
  ): Promise<{ status: number; body: any; id: string }>;
  installApp(user: TeamsUser): Promise<{ status: number }>;
  addToTeam(channel: TeamsConversation, by: TeamsUser): Promise<{ status: number }>;
  post(activity: Record<string, unknown>, authorization?: string | null): Promise<{ status: number; body: any }>;
  /** A channel token signed with the local key; override claims or sign with another key to break it. */
  token(
    claims?: Record<string, unknown>,
    options?: { expiresInSeconds?: number; foreignKey?: boolean },
  ): Promise<string>;
  /** What the bot answered within the turn of the incoming activity `activityId`. */
  repliesTo(activityId: string): Record<string, any>[];
  /** Everything the bot sent into a conversation (replies and proactive sends). */
  sentTo(conversation: TeamsConversation | string): Record<string, any>[];
  stop(): Promise<void>;
}

export async function startTeamsHarness(options: {
  db: TestDatabase;
  env?: Record<string, string>;
  clock?: Clock;
  credentials?: boolean;
  overrides?: TeamsOverrides;
}): Promise<TeamsHarness> {
  const connector = await startFakeConnector();
  let signingKey: CryptoKey | undefined;
  let foreignKey: CryptoKey | undefined;
  const env: Record<string, string> = { ...options.env };
  let overrides: TeamsOverrides = { ...options.overrides };
  if (options.credentials) {
    const pair = await generateKeyPair("RS256", { extractable: true });
    signingKey = pair.privateKey;
    foreignKey = (await generateKeyPair("RS256")).privateKey;
    const jwk: JWK & { endorsements?: string[] } = {
      ...(await exportJWK(pair.publicKey)),
      kid: "test-key",
      use: "sig",
      alg: "RS256",
      endorsements: ["msteams"],
    };
    connector.setSigningKeys([jwk]);
    Object.assign(env, { MICROSOFT_APP_ID: TEST_APP_ID, MICROSOFT_APP_PASSWORD: TEST_APP_PASSWORD });
    overrides = {
      ...overrides,
      settings: {
        ToBotFromChannelOpenIdMetadataUrl: `${connector.url}/.well-known/openidconfiguration`,
        ToBotFromEmulatorOpenIdMetadataUrl: `${connector.url}/.well-known/openidconfiguration`,
        ToBotFromChannelTokenIssuer: "https://api.botframework.com",
        ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
        ToChannelFromBotOAuthScope: "https://api.botframework.com",
        OAuthUrl: connector.url,
        CallerId: "urn:botframework:azure",
        ValidateAuthority: true,
        ...overrides.settings,
      },
      credentialsFactory: overrides.credentialsFactory ?? fixedTokenCredentials(),
    };
  } else {
    env.TEAMS_DEV_MODE = "true";
  }
  const service = await startTestService({ db: options.db, env, clock: options.clock, teams: overrides });
  let userCount = 0;
  let messageCount = 0;

  const token: TeamsHarness["token"] = async (claims = {}, tokenOptions = {}) => {
    const key = tokenOptions.foreignKey ? foreignKey : signingKey;
    if (!key) throw new Error("start the harness with credentials: true to sign tokens");
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: connector.url, ...claims })
      .setProtectedHeader({ alg: "RS256", kid: "test-key", typ: "JWT" })
      .setIssuer((claims.iss as string) ?? "https://api.botframework.com")
      .setAudience((claims.aud as string) ?? TEST_APP_ID)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (tokenOptions.expiresInSeconds ?? 3600))
      .sign(key);
  };

  const post: TeamsHarness["post"] = async (activity, authorization) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    const auth =
      authorization === undefined ? (options.credentials ? `Bearer ${await token()}` : undefined) : authorization;
    if (auth) headers.authorization = auth;
    const response = await fetch(`${service.url}/api/messages`, {
      method: "POST",
      headers,
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text ? safeJson(text) : undefined };
  };

  const harness: TeamsHarness = {
    service,
    connector,
    user(name, userOptions = {}) {
      userCount += 1;
      const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, ".");
      const member: FakeMember = {
        id: `29:user-${userCount}-${slug}`,
        aadObjectId: randomUUID(),
        name,
        email: userOptions.email === undefined ? `${slug}@example.com` : userOptions.email,
        tenantId: TEST_TENANT,
        installed: userOptions.installed ?? true,
      };
      connector.addMember(member);
      return member;
    },
    personalChat: (user) => ({ id: `a:personal-${user.id}`, conversationType: "personal" }),
    channel(name) {
      const id = `19:${name}-${randomUUID()}@thread.tacv2`;
      return {
        id,
        conversationType: "channel",
        team: { id: `19:team-${randomUUID()}@thread.tacv2`, name: "Product team" },
        channel: { id, name },
      };
    },
    activity(user, fields, sendOptions = {}) {
      const conversation = sendOptions.conversation ?? harness.personalChat(user);
      const isChannel = conversation.conversationType === "channel";
      const channelId = conversation.id;
      return {
        id: sendOptions.id ?? `incoming-${++messageCount}`,
        channelId: "msteams",
        serviceUrl: connector.url,
        timestamp: new Date().toISOString(),
        localTimezone: sendOptions.localTimezone ?? "Europe/Berlin",
        locale: "en-GB",
        from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
        recipient: BOT,
        conversation: isChannel
          ? {
              id: `${channelId};messageid=${messageCount}`,
              conversationType: "channel",
              isGroup: true,
              tenantId: TEST_TENANT,
            }
          : { id: conversation.id, conversationType: conversation.conversationType, tenantId: TEST_TENANT },
        channelData: isChannel
          ? {
              tenant: { id: TEST_TENANT },
              team: conversation.team,
              channel: { id: channelId, name: conversation.channel?.name },
            }
          : { tenant: { id: TEST_TENANT } },
        ...fields,
      };
    },
    async message(user, text, sendOptions = {}) {
      const isChannel = sendOptions.conversation?.conversationType === "channel";
      const mentioned = [...(isChannel ? [BOT] : []), ...(sendOptions.mentions ?? [])];
      const fullText = `${isChannel ? `<at>${BOT.name}</at> ` : ""}${text}`;
      const entities = mentioned.map((person) => ({
        type: "mention",
        text: `<at>${person.name}</at>`,
        mentioned: { id: person.id, name: person.name },
      }));
      const activity = harness.activity(
        user,
        {
          type: "message",
          text: fullText,
          textFormat: "plain",
          entities,
          ...(sendOptions.value ? { value: sendOptions.value } : {}),
        },
        sendOptions,
      );
      return { ...(await post(activity, sendOptions.authorization)), id: activity.id };
    },
    async invoke(user, name, value, sendOptions = {}) {
      const activity = harness.activity(user, { type: "invoke", name, value }, sendOptions);
      return { ...(await post(activity, sendOptions.authorization)), id: activity.id };
    },
    async installApp(user) {
      const activity = harness.activity(
        user,
        { type: "installationUpdate", action: "add" },
        { conversation: harness.personalChat(user) },
      );
      return post(activity);
    },
    async addToTeam(channel, by) {
      const activity = harness.activity(
        by,
        { type: "conversationUpdate", membersAdded: [BOT] },
        { conversation: channel },
      );
      activity.conversation.id = channel.id;
      return post(activity);
    },
    post,
    token,
    repliesTo: (activityId) =>
      connector.posted.filter((entry) => entry.replyToId === activityId).map((entry) => entry.activity),
    sentTo: (conversation) =>
      connector
        .postedTo(typeof conversation === "string" ? conversation : conversation.id)
        .map((entry) => entry.activity),
    async stop() {
      await service.stop();
      await connector.close();
    },
  };
  return harness;
}

/** Outbound credentials that sign every connector call with a fixed token (MSAL can't run offline). */
function fixedTokenCredentials(): NonNullable<TeamsOverrides["credentialsFactory"]> {
  return {
    isValidAppId: async (appId: string) => appId === TEST_APP_ID,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => ({
      signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
        request.headers.set("authorization", `Bearer ${OUTBOUND_TOKEN}`);
        return request;
      },
    }),
  } as unknown as NonNullable<TeamsOverrides["credentialsFactory"]>;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** An Adaptive Card's content from a sent activity. */
export const cardOf = (
  activity: Record<string, any> | undefined,
): { body: Record<string, any>[]; actions?: Record<string, any>[] } => activity?.attachments?.[0]?.content;

/** A click on an Action.Submit: a message with the button's data as `value` and no text (in their own chat by default). */
export async function clickCardButton(
  teams: TeamsHarness,
  user: TeamsUser,
  value: Record<string, unknown>,
  conversation?: TeamsConversation,
) {
  const answer = await teams.post(
    teams.activity(user, { type: "message", value }, { conversation: conversation ?? teams.personalChat(user) }),
  );
  await teams.service.settle();
  return answer;
}

/** HR types `announce`, opens the dialog from the reply's button (task/fetch) and submits it with these values. */
export async function announceThroughDialog(
  teams: TeamsHarness,
  user: TeamsUser,
  values: { channels: string; text: string; withAck: "true" | "false" },
) {
  const typed = await teams.message(user, "announce");
  await teams.service.settle();
  const button = cardOf(teams.repliesTo(typed.id)[0])?.actions?.[0];
  if (!button) throw new Error("the reply to `announce` had no button to open the dialog");
  const fetched = await teams.invoke(user, "task/fetch", { type: "task/fetch", data: button.data });
  const form = fetched.body.task.value.card.content as { actions: Record<string, any>[] };
  const data = form.actions.find((action) => action.type === "Action.Submit")!.data;
  const submitted = await teams.invoke(user, "task/submit", { data: { ...data, ...values } });
  await teams.service.settle();
  return submitted;
}
