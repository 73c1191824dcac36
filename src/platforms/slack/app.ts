// Builds the Bolt app on the receiver the connection asks for (receiver.ts): an ExpressReceiver whose router the
// shared HTTP server mounts (Bolt verifies signatures; our timestamp guard runs first), or Socket Mode. Authorization never calls Slack per request: the bot's identity comes from one
// auth.test made in the background after start, so a slow or unreachable Slack cannot crash or stall start-up.
import { App, type Logger as BoltLogger } from "@slack/bolt";
import type { Clock } from "../../shared/clock.ts";
import { eventDeduplication } from "./event-dedupe.ts";
import { registerListeners } from "./listeners/index.ts";
import { admitWithinBudget } from "./listeners/within-budget.ts";
import type { SlackListenerDeps } from "./listeners/listener-deps.ts";
import { createSlackReceiver, type SlackConnection, type SlackReceiver } from "./receiver.ts";
import { logError } from "../../shared/log-error.ts";
import type { WebClientOptions } from "./web-client.ts";

export { SLACK_EVENTS_PATH } from "./receiver.ts";

export interface BotIdentity {
  botId?: string;
  botUserId?: string;
}

export interface SlackAppOptions {
  deps: SlackListenerDeps;
  /** HTTP (signing secret) or Socket Mode (app-level token). */
  connection: SlackConnection;
  botToken: string;
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
  });
  const app = new App({
    receiver: slackReceiver.receiver,
    logger: options.boltLogger,
    clientOptions: options.clientOptions,
    authorize: async () => ({ botToken: options.botToken, ...options.botIdentity() }),
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
  registerListeners(app, deps);
  return { app, ...slackReceiver };
}
