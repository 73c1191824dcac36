// Starts the real service on 127.0.0.1:0 against a test database, with a log capture and (optionally) a
// manual clock. Platform helpers (test/support/slack.ts, test/support/teams.ts) add the fakes' URLs.
import { Writable } from "node:stream";
import { loadConfig } from "../../src/config/env.ts";
import { startService, type RunningService, type ServiceOptions } from "../../src/service.ts";
import type { Clock } from "../../src/shared/clock.ts";
import { createLogger } from "../../src/shared/logger.ts";
import type { TestDatabase } from "./database.ts";

export interface TestServiceOptions {
  db: TestDatabase;
  env?: Record<string, string>;
  clock?: Clock;
  slack?: ServiceOptions["slack"];
  teams?: ServiceOptions["teams"];
}

export interface TestService extends RunningService {
  /** Every log line the service wrote, as raw JSON text (assert that secrets and private text never appear). */
  logs: string[];
}

export async function startTestService(options: TestServiceOptions): Promise<TestService> {
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "debug",
    SCHEDULER_ENABLED: "false",
    ...options.env,
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: config.logLevel, pretty: false, destination });
  const service = await startService({
    config,
    logger,
    clock: options.clock,
    database: options.db,
    slack: options.slack,
    teams: options.teams,
    pollDeliveries: false,
  });
  return Object.assign(service, { logs });
}
