// Composition root: config → database → domain → platforms → outbox worker → scheduler → HTTP.
// main.ts adds process concerns (signals, exit codes); tests and benchmarks start this directly on port 0.
import type { Config } from "./config/env.ts";
import { openDatabase, type Database } from "./db/database.ts";
import type { DomainContext } from "./domain/context.ts";
import { readOutboxSnapshot } from "./deliveries/outbox-stats.ts";
import { createRateLimiter } from "./deliveries/rate-limiter.ts";
import { createDeliveryWorker, type DeliveryWorker } from "./deliveries/worker.ts";
import { createHttpServer } from "./http/server.ts";
import { jobDefinitions } from "./jobs/definitions/index.ts";
import { directorySyncJob } from "./jobs/definitions/directory-sync.ts";
import type { DirectoryConnector } from "./domain/directory/directory-ports.ts";
import type { JobDefinition } from "./jobs/job.ts";
import { createScheduler, type Scheduler } from "./jobs/scheduler.ts";
import { instrumentJobs, instrumentNotifier, rateLimitSleep } from "./ops/instrument.ts";
import { createMetrics, type Metrics } from "./ops/metrics.ts";
import type { PlatformDeps, PlatformModule } from "./platforms/platform.ts";
import type { SlackOverrides } from "./platforms/slack/index.ts";
import type { TeamsOverrides } from "./platforms/teams/index.ts";
import { systemClock, type Clock } from "./shared/clock.ts";
import { InFlight } from "./shared/in-flight.ts";
import type { Logger } from "./shared/logger.ts";

export interface ServiceOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** An already-open database (tests share one per file); otherwise opened from config. */
  database?: Database;
  slack?: SlackOverrides;
  teams?: TeamsOverrides;
  /** Tests drive the worker by hand (settle()) instead of the 1-second poll. */
  pollDeliveries?: boolean;
  /** Scheduled jobs (check-in prompts, reminders …); ticked every minute when config.schedulerEnabled. */
  jobs?: JobDefinition[];
  /** Metrics registry (GET /metrics); a fresh one per service by default. */
  metrics?: Metrics;
}

export interface RunningService {
  port: number;
  url: string;
  database: Database;
  domain: DomainContext;
  platforms: PlatformModule[];
  /** Each enabled platform's directory (daily sync, link on demand). */
  directories: DirectoryConnector[];
  worker: DeliveryWorker;
  scheduler: Scheduler;
  inFlight: InFlight;
  metrics: Metrics;
  /** Waits until acknowledged requests have finished their work and the outbox has sent what is due. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const metrics = options.metrics ?? createMetrics();
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.database.url,
      dataDir: config.database.dataDir,
      poolSize: config.database.poolSize,
    }));
  for (const name of database.migrations.modified)
    logger.warn({ migration: name }, "a migration was changed after it was applied");
  metrics.setSources({
    outbox: () => readOutboxSnapshot(database.prisma, clock.now()),
    pool: () => database.poolStats(),
  });
  const domain: DomainContext = {
    prisma: database.prisma,
    clock,
    org: config.org,
    logger,
    adminEmails: config.adminEmails,
  };
  const inFlight = new InFlight();
  let worker: DeliveryWorker | undefined;
  const deps: PlatformDeps = {
    domain,
    logger,
    inFlight,
    kickDeliveries: () => worker?.kick(),
    rateLimiter: createRateLimiter(database.prisma, clock),
  };

  const platforms: PlatformModule[] = [];
  if (config.slack) {
    const { createSlackPlatform } = await import("./platforms/slack/index.ts");
    platforms.push(await createSlackPlatform(deps, config.slack, options.slack));
  }
  if (config.teams) {
    const { createTeamsPlatform } = await import("./platforms/teams/index.ts");
    platforms.push(await createTeamsPlatform(deps, config.teams, options.teams));
  }
  const directories = platforms.flatMap((platform) => (platform.directory ? [platform.directory] : []));
  worker = createDeliveryWorker({
    prisma: database.prisma,
    clock,
    logger,
    notifiers: platforms.map((platform) => instrumentNotifier(platform.notifier, metrics)),
    org: config.org,
    instanceId: config.instanceId,
    concurrency: config.deliveries.concurrency,
    maxAttempts: config.deliveries.maxAttempts,
    rates: { slackPerSecond: config.deliveries.slackPerSecond, teamsPerSecond: config.deliveries.teamsPerSecond },
    sleep: rateLimitSleep(metrics),
    directories,
  });
  const jobs = options.jobs ?? [...jobDefinitions, directorySyncJob(directories, config.instanceId)];
  const scheduler = createScheduler({ domain, jobs: instrumentJobs(jobs, metrics), worker, logger });
  // A restart (same INSTANCE_ID) takes up at once what this instance held when it stopped without handing it back.
  await worker.handBackOwnLeases();
  await scheduler.handBackOwnLeases();
  if (options.pollDeliveries !== false) worker.start();
  if (config.schedulerEnabled) scheduler.start();

  const http = createHttpServer({
    logger,
    ping: database.ping,
    metrics,
    mountRoutes: (app) => platforms.forEach((platform) => platform.mount(app)),
  });
  const port = await http.listen(config.port, config.host);
  const url = `http://${config.host === "0.0.0.0" ? "127.0.0.1" : config.host}:${port}`;

  let stopping: Promise<void> | undefined;
  return {
    port,
    url,
    database,
    domain,
    platforms,
    directories,
    worker,
    scheduler,
    inFlight,
    metrics,
    async settle() {
      await inFlight.idle();
      await worker!.drain();
      await inFlight.idle();
    },
    stop() {
      stopping ??= (async () => {
        await http.close(); // stop taking requests; in-flight HTTP requests finish
        for (const platform of platforms) await platform.stopReceiving?.(); // e.g. Slack's socket
        await inFlight.idle(); // acknowledged work finishes
        await scheduler.stop(); // no new deliveries queued while the worker winds down
        await worker!.stop();
        for (const platform of platforms) await platform.stop();
        if (!options.database) await database.close();
      })();
      return stopping;
    },
  };
}
