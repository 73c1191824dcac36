// Process concerns shared by the entry points (service, CLI, db:migrate): the optional .env file, whether pretty
// logs are available, and a graceful stop on SIGTERM/SIGINT.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import type { Logger } from "../shared/logger.ts";
import { logError } from "../shared/log-error.ts";

/**
 * Loads ./.env when present with Node's own loader (no dependency). Variables already set in the environment win,
 * so a deployment's settings are never overridden by a stray file.
 */
export function loadDotEnvFile(path = ".env"): boolean {
  if (!existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
}

/** pino-pretty is a development dependency: a production install logs JSON even in a terminal. */
export function prettyLogsAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve("pino-pretty");
    return true;
  } catch {
    return false;
  }
}

/** Docker waits 10 s by default and systemd 90 s before a hard kill: compose.yaml grants 30 s (stop_grace_period). */
export const SHUTDOWN_GRACE_MS = 25_000;

/**
 * SIGTERM (docker stop, systemd, kill) and SIGINT (Ctrl-C) stop the service the same way. A terminal's Ctrl-C
 * reaches this process twice (from the terminal and forwarded by npm): the second signal must not kill the
 * process half-way through its shutdown, so repeats are only noted. Past the grace period the process exits
 * anyway; deliveries it still held are taken over by any instance when their lease runs out.
 */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger, graceMs = SHUTDOWN_GRACE_MS): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.info({ signal }, "already shutting down");
      return;
    }
    stopping = true;
    logger.info(
      { signal, graceMs },
      "shutting down: no new requests; finishing acknowledged work, handing back claimed deliveries, closing the database",
    );
    const force = setTimeout(() => {
      logger.error({ graceMs }, "shutdown took longer than the grace period: exiting now");
      process.exit(1);
    }, graceMs);
    force.unref();
    stop().then(
      () => {
        logger.info("stopped cleanly");
        process.exit(0);
      },
      (error: unknown) => {
        logError(logger, error, "error during shutdown");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
