// Process entry point: parse config (fail fast with every problem), start the service, log where to point
// Slack and Teams, and shut down gracefully on SIGTERM/SIGINT.
import { ConfigError, loadConfig, type Config } from "./config/env.ts";
import { startService } from "./service.ts";
import { createLogger } from "./shared/logger.ts";

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

const logger = createLogger({ level: config.logLevel, pretty: config.env === "development" && process.stdout.isTTY });
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));

try {
  const started = performance.now();
  const service = await startService({ config, logger });
  const publicUrl = config.publicUrl ?? service.url;
  logger.info(
    { database: service.database.description, platforms: service.platforms.map((p) => p.name), ms: Math.round(performance.now() - started) },
    `Momentum is listening on ${service.url} using ${service.database.description}`,
  );
  for (const platform of service.platforms) for (const line of platform.describe(publicUrl)) logger.info(line);
  if (!config.slack) logger.info("Slack is off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to enable it (README: Slack setup).");
  if (!config.teams) logger.info("Teams is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD, or TEAMS_DEV_MODE=true locally (README: Teams setup).");
  if (config.teams?.devMode) logger.warn("TEAMS_DEV_MODE is on: Teams requests are accepted WITHOUT authentication. Never use this in production.");

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down: finishing in-flight work");
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    service.stop().then(
      () => {
        logger.info("stopped cleanly");
        logger.flush?.();
        process.exit(0);
      },
      (error) => {
        logger.error({ err: error }, "error during shutdown");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
} catch (error) {
  logger.fatal({ err: error }, "Momentum could not start");
  process.exit(1);
}
