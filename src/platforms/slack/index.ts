// The Slack platform module: Bolt app + notifier + directory, mounted at POST /slack/events on the shared server,
// or connected to Slack over Socket Mode when SLACK_APP_TOKEN is set (receiver.ts).
import type { Config } from "../../config/env.ts";
import { systemClock, type Clock } from "../../shared/clock.ts";
import type { PlatformDeps, PlatformModule } from "../platform.ts";
import { buildSlackApp, SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH, type BotIdentity } from "./app.ts";
import { createBoltLogger } from "./bolt-logger.ts";
import { SLASH_COMMANDS } from "./listeners/index.ts";
import { toDeliveryError } from "./delivery-errors.ts";
import {
  createSlackDirectoryConnector,
  createSlackMemberSource,
  createWorkspacesMemberSource,
  type SlackDirectoryOptions,
} from "./directory.ts";
import { createSlackOAuth } from "./oauth.ts";
import { createOAuthStateStore } from "./oauth-state.ts";
import { SLACK_BOT_SCOPES } from "./scopes.ts";
import { requestScopedClient, singleTokenClients } from "./workspace-clients.ts";
import { createSlackDirectory } from "./slack-directory.ts";
import { SlackNotifier } from "./slack-notifier.ts";
import { connectionSecret, SLACK_EVENTS_PATH } from "./receiver.ts";
import { keepSocketOpen, socketModeDescription } from "./socket-mode.ts";
import { createWebClient, slackClientOptions } from "./web-client.ts";

export interface SlackOverrides {
  /** Web API request timeout (default 10 s). */
  requestTimeoutMs?: number;
  /** Clock of the signed-timestamp check. Default: the wall clock, which Bolt's own check uses too. */
  requestClock?: Clock;
  /** How long a modal submission may work before acknowledging (default 2.5 s of Slack's 3 s). */
  interactionBudgetMs?: number;
  /** Rate tiers and waits of the directory sync (benchmarks speed the tiers up; tests shorten the waits). */
  directory?: Partial<Pick<SlackDirectoryOptions, "tiers" | "pageSize" | "lookupMaxWaitMs" | "sleep">>;
  /** Socket Mode: pong wait and reconnect back-off step (default 5 s; tests shorten it). */
  socketPingTimeoutMs?: number;
  /** OAuth installs: Slack's consent page (tests point it at a fake). */
  authorizationUrl?: string;
}

export async function createSlackPlatform(
  deps: PlatformDeps,
  config: NonNullable<Config["slack"]>,
  overrides: SlackOverrides = {},
): Promise<PlatformModule> {
  const logger = deps.logger.child({ platform: "slack" });
  const boltLogger = createBoltLogger(
    logger,
    [config.botToken, connectionSecret(config.receive), config.oauth?.clientSecret, config.oauth?.stateSecret].filter(
      (secret): secret is string => Boolean(secret),
    ),
  );
  const clientOptions = slackClientOptions({
    apiUrl: config.apiUrl,
    logger: boltLogger,
    timeoutMs: overrides.requestTimeoutMs,
  });
  // Single-token mode: one client for everything. OAuth installs: each workspace's own (src/platforms/slack/oauth.ts).
  const singleClient = config.botToken ? createWebClient(config.botToken, clientOptions) : undefined;
  const oauth = config.oauth
    ? createSlackOAuth({ domain: deps.domain, logger, tokenKey: config.oauth.tokenEncryptionKey, clientOptions })
    : undefined;
  const clients = oauth ? oauth.clients : singleTokenClients(singleClient!);
  const client = requestScopedClient(singleClient);
  const directory = createSlackDirectory(client);
  const directoryOptions = {
    rateLimiter: deps.rateLimiter,
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    ...overrides.directory,
  };
  const members = oauth
    ? createWorkspacesMemberSource(clients, directoryOptions)
    : createSlackMemberSource({ client: singleClient!, ...directoryOptions });
  let botIdentity: BotIdentity = {};

  const slackApp = buildSlackApp({
    deps: {
      ...deps,
      logger,
      client,
      directory,
      kudosChannel: config.kudosChannel,
      interactionBudgetMs: overrides.interactionBudgetMs ?? 2500,
    },
    connection:
      config.receive.mode === "socket"
        ? { ...config.receive, clientPingTimeoutMs: overrides.socketPingTimeoutMs }
        : config.receive,
    botToken: config.botToken,
    oauth:
      oauth && config.oauth
        ? {
            clientId: config.oauth.clientId,
            clientSecret: config.oauth.clientSecret,
            scopes: SLACK_BOT_SCOPES,
            installationStore: oauth.installationStore,
            stateStore: createOAuthStateStore(deps.domain, config.oauth.stateSecret),
            authorizationUrl: overrides.authorizationUrl,
            uninstall: oauth.uninstall,
          }
        : undefined,
    boltLogger,
    clientOptions,
    requestClock: overrides.requestClock ?? systemClock,
    botIdentity: () => botIdentity,
  });

  // Checked in the background: a wrong token or an unreachable Slack is reported, never fatal at start.
  singleClient?.auth.test().then(
    (result) => {
      botIdentity = { botId: result.bot_id, botUserId: result.user_id };
      logger.info({ team: result.team, botUserId: result.user_id }, "Slack bot token verified");
    },
    (error: unknown) => {
      logger.warn(
        { reason: toDeliveryError(error).message },
        "Slack auth.test failed at start; Momentum keeps running (check SLACK_BOT_TOKEN, SLACK_API_URL and the network)",
      );
    },
  );
  if (oauth) logger.info({}, "Slack: OAuth installs (several workspaces / Enterprise Grid); tokens stored encrypted");

  const socket = config.receive.mode === "socket" ? keepSocketOpen(slackApp, logger) : undefined;

  return {
    name: "slack",
    notifier: new SlackNotifier({ clients, domain: deps.domain }),
    directory: createSlackDirectoryConnector(deps.domain, members),
    mount(app) {
      app.use(slackApp.router);
    },
    describe(publicUrl) {
      if (socket) return socketModeDescription(Object.keys(SLASH_COMMANDS));
      const url = `${publicUrl.replace(/\/$/, "")}${SLACK_EVENTS_PATH}`;
      return [
        `Slack: enabled. Paste ${url} into your Slack app settings (or replace https://YOUR-HOST in manifests/slack.yaml) as:`,
        `  - Slash Commands → ${Object.keys(SLASH_COMMANDS).join(", ")} → Request URL: ${url}`,
        `  - Interactivity & Shortcuts → Request URL: ${url}`,
        `  - Event Subscriptions → Request URL: ${url} (bot events: app_home_opened${oauth ? ", app_uninstalled, tokens_revoked" : ""})`,
        ...(oauth
          ? [
              `  - OAuth & Permissions → Redirect URL: ${publicUrl.replace(/\/$/, "")}${SLACK_OAUTH_REDIRECT_PATH}`,
              `  Install it in each workspace (or a Grid org) at ${publicUrl.replace(/\/$/, "")}${SLACK_INSTALL_PATH}`,
            ]
          : []),
      ];
    },
    async stopReceiving() {
      // Socket Mode: no new envelope arrives once the socket is closed. Over HTTP, Bolt's receiver never started a
      // server of its own: the shared HTTP server is closed by the service.
      await socket?.stop();
    },
    async stop() {
      await socket?.stop();
    },
  };
}
