// Process entry point: load .env, parse config (fail fast with every problem), start the service, log where to
// point Slack and Teams, and shut down gracefully on SIGTERM/SIGINT. `npm start` runs the compiled dist/main.js.
import { performance } from "node:perf_hooks";
import { ConfigError, loadConfig, type Config } from "./config/env.ts";
import { isOperatorProblem } from "./db/connection-errors.ts";
import { describeThisProcess } from "./db/data-dir-lock.ts";
import { routeConsoleToLogger } from "./ops/console-bridge.ts";
import { loadDotEnvFile, prettyLogsAvailable, stopOnSignals } from "./ops/process.ts";
import { startService } from "./service.ts";
import { createLogger } from "./shared/logger.ts";
import { logError } from "./shared/log-error.ts";

loadDotEnvFile();
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger({
  level: config.logLevel,
  pretty: config.env === "development" && process.stdout.isTTY && prettyLogsAvailable(),
});
process.on("unhandledRejection", (reason) => logError(logger, reason, "unhandled promise rejection"));
// botbuilder prints refused tokens with console.error: those lines go through the logger, reduced to safe fields.
routeConsoleToLogger(console, logger);
describeThisProcess("the Momentum service");

try {
  const started = performance.now();
  const starting = startService({ config, logger });
  // Handlers first: a signal during start-up (the first start compiles and creates the database) waits for it.
  stopOnSignals(async () => (await starting.catch(() => undefined))?.stop(), logger);
  const service = await starting;
  const publicUrl = config.publicUrl ?? service.url;
  logger.info(
    {
      database: service.database.description,
      platforms: service.platforms.map((p) => p.name),
      ms: Math.round(performance.now() - started),
    },
    `Momentum is listening on ${service.url} using ${service.database.description}`,
  );
  for (const platform of service.platforms) for (const line of platform.describe(publicUrl)) logger.info(line);
  if (!config.slack)
    logger.info(
      "Slack is off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (or SLACK_APP_TOKEN and SLACK_BOT_TOKEN for Socket Mode) to enable it (README: Slack setup).",
    );
  if (!config.teams)
    logger.info(
      "Teams is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD, or TEAMS_DEV_MODE=true locally (README: Teams setup).",
    );
  if (config.teams?.devMode)
    logger.warn(
      "TEAMS_DEV_MODE is on: Teams requests are accepted WITHOUT authentication. Never use this in production.",
    );
  if (!config.publicUrl)
    logger.info(
      "PUBLIC_URL is not set: the URLs above use the local address; set it to the public https URL in front of this service.",
    );
  logger.info(
    `Metrics for Prometheus: ${service.url}/metrics; health: ${service.url}/healthz, readiness: ${service.url}/readyz`,
  );
} catch (error) {
  if (isOperatorProblem(error)) {
    // Something the operator fixes (DATABASE_URL, a data directory in use): one plain sentence, no stack.
    process.stderr.write(`Momentum could not start: ${error.message}\n`);
  } else {
    logError(logger, error, "Momentum could not start", {}, "fatal");
  }
  process.exit(1);
}
