// Builds the Bolt app on the receiver the connection asks for (receiver.ts): an ExpressReceiver whose router the
// shared HTTP server mounts (Bolt verifies signatures; our timestamp guard runs first), or Socket Mode. Authorization never calls Slack per request: the bot's identity comes from one
// auth.test made in the background after start, so a slow or unreachable Slack cannot crash or stall start-up.
import { App, type InstallationStore, type Logger as BoltLogger, type StateStore } from "@slack/bolt";
import type { Clock } from "../../shared/clock.ts";
import { eventDeduplication } from "./event-dedupe.ts";
import { registerListeners } from "./listeners/index.ts";
import { admitWithinBudget } from "./listeners/within-budget.ts";
import type { SlackListenerDeps } from "./listeners/listener-deps.ts";
import { createSlackReceiver, type SlackConnection, type SlackReceiver } from "./receiver.ts";
import { logError } from "../../shared/log-error.ts";
import type { WebClientOptions } from "./web-client.ts";
import { registerInstallationEvents } from "./listeners/events/installation-events.ts";
import type { SlackInstallationQuery } from "../../domain/slack-installations/installations.ts";
import { withRequestClient } from "./workspace-clients.ts";

export { SLACK_EVENTS_PATH } from "./receiver.ts";
export const SLACK_INSTALL_PATH = "/slack/install";
export const SLACK_OAUTH_REDIRECT_PATH = "/slack/oauth_redirect";

/** OAuth installs: Bolt's installer serves the install and redirect paths; authorize reads the installation store. */
export interface SlackAppOAuth {
  clientId: string;
  clientSecret: string;
  scopes: string[];
  installationStore: InstallationStore;
  stateStore: StateStore;
  /** The consent page (tests point it at a fake). */
  authorizationUrl?: string;
  uninstall(query: SlackInstallationQuery): Promise<void>;
}

export interface BotIdentity {
  botId?: string;
  botUserId?: string;
}

export interface SlackAppOptions {
  deps: SlackListenerDeps;
  /** HTTP (signing secret) or Socket Mode (app-level token); OAuth installs need HTTP. */
  connection: SlackConnection;
  /** Single-token mode. */
  botToken?: string;
  oauth?: SlackAppOAuth;
  boltLogger: BoltLogger;
  clientOptions: WebClientOptions;
  requestClock: Clock;
  /** Read on every request: filled in once the background auth.test has answered. */
  botIdentity: () => BotIdentity;
}

export function buildSlackApp(options: SlackAppOptions): { app: App } & SlackReceiver {
  const { deps } = options;
  const slackReceiver = createSlackReceiver(options.connection, {
    boltLogger: options.boltLogger,
    clientOptions: options.clientOptions,
    requestClock: options.requestClock,
    logger: deps.logger,
    installer: options.oauth ? installerOptions(options.oauth, options.clientOptions) : undefined,
  });
  const app = new App({
    receiver: slackReceiver.receiver,
    logger: options.boltLogger,
    clientOptions: options.clientOptions,
    ...(options.oauth ? {} : { authorize: async () => ({ botToken: options.botToken, ...options.botIdentity() }) }),
    convoStore: false,
  });
  app.error(async (error) => {
    logError(deps.logger, error, "a Slack listener failed");
  });
  // Admission control before any listener acknowledges: under a burst, wait (briefly) for acknowledged work to
  // drain, so the backlog and its memory stay bounded. The wait comes out of the request's one acknowledgement
  // budget, so waiting for admission and then working can never add up past Slack's 3 s.
  app.use(({ next }) => admitWithinBudget(deps.inFlight, deps.interactionBudgetMs, next));
  app.use(eventDeduplication({ domain: deps.domain, logger: deps.logger }));
  // Listeners' `deps.client` is this request's client: the token of the workspace the request came from.
  app.use(withRequestClient);
  registerListeners(app, deps);
  if (options.oauth) registerInstallationEvents(app, options.oauth.uninstall);
  return { app, ...slackReceiver };
}

function installerOptions(oauth: SlackAppOAuth, clientOptions: WebClientOptions) {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    scopes: oauth.scopes,
    installationStore: oauth.installationStore,
    installerOptions: {
      installPath: SLACK_INSTALL_PATH,
      redirectUriPath: SLACK_OAUTH_REDIRECT_PATH,
      stateStore: oauth.stateStore,
      // Straight to Slack's consent page, no intermediate "Add to Slack" page of ours.
      directInstall: true,
      clientOptions,
      ...(oauth.authorizationUrl ? { authorizationUrl: oauth.authorizationUrl } : {}),
    },
  };
}
