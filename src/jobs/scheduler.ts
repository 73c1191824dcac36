// The scheduler: node-cron is only the tick (it is neither durable nor distributed). Each tick asks every job
// what is due at the clock's now and inserts it into the outbox under its deterministic key, so ticks on several
// instances, a retried tick or a tick after a restart add nothing twice; then it wakes the delivery worker.
import cron, { type ScheduledTask } from "node-cron";
import type { DomainContext } from "../domain/context.ts";
import { enqueueDeliveries } from "../domain/notifications/outbox.ts";
import type { Logger } from "../shared/logger.ts";
import type { JobDefinition } from "./job.ts";
import { logError } from "../shared/log-error.ts";

/** Rows per INSERT: keeps one statement's parameter count far under PostgreSQL's 65,535. */
export const ENQUEUE_CHUNK = 1000;

export interface SchedulerOptions {
  domain: DomainContext;
  jobs: JobDefinition[];
  worker: { kick(): void };
  logger: Logger;
  /** When to tick; every minute by default (schedules are minute-grained). */
  cronExpression?: string;
}

export interface JobRun {
  id: string;
  due: number;
  queued: number;
  error?: string;
}

export interface TickResult {
  at: Date;
  /** True when this tick was skipped because the previous one was still running. */
  skipped: boolean;
  jobs: JobRun[];
}

export type Scheduler = ReturnType<typeof createScheduler>;

export function createScheduler(options: SchedulerOptions) {
  const { domain, jobs, worker, logger } = options;
  const cronExpression = options.cronExpression ?? "* * * * *";
  if (!cron.validate(cronExpression)) throw new Error(`invalid cron expression for the scheduler: ${cronExpression}`);
  let running: Promise<TickResult> | undefined;
  let task: ScheduledTask | undefined;

  async function runJob(job: JobDefinition, now: Date): Promise<JobRun> {
    try {
      const due = await job.due(domain, now);
      let queued = 0;
      for (let offset = 0; offset < due.length; offset += ENQUEUE_CHUNK) {
        queued += await enqueueDeliveries(domain.prisma, due.slice(offset, offset + ENQUEUE_CHUNK), now);
      }
      if (queued > 0) logger.info({ job: job.id, due: due.length, queued }, "scheduled deliveries queued");
      return { id: job.id, due: due.length, queued };
    } catch (error) {
      // One broken job must not stop the others; the next tick evaluates it again.
      logError(logger, error, "scheduled job failed", { job: job.id });
      return { id: job.id, due: 0, queued: 0, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async function evaluate(now: Date): Promise<TickResult> {
    const runs: JobRun[] = [];
    for (const job of jobs) runs.push(await runJob(job, now));
    if (runs.some((run) => run.queued > 0)) worker.kick();
    return { at: now, skipped: false, jobs: runs };
  }

  /** Evaluates every job at `now` (the domain clock's by default). A tick while one runs is skipped, not queued. */
  function tick(now: Date = domain.clock.now()): Promise<TickResult> {
    if (running) {
      logger.warn({ at: now.toISOString() }, "scheduler tick skipped: the previous one is still running");
      return Promise.resolve({ at: now, skipped: true, jobs: [] });
    }
    const current = evaluate(now).finally(() => {
      running = undefined;
    });
    running = current;
    return current;
  }

  return {
    tick,
    /** At start, before the first tick: each job hands back the leases this instance held before it stopped. */
    async handBackOwnLeases(now: Date = domain.clock.now()): Promise<number> {
      let handedBack = 0;
      for (const job of jobs) handedBack += (await job.handBackOwnLeases?.(domain, now)) ?? 0;
      if (handedBack > 0) logger.info({ handedBack }, "scheduled-job leases held before a restart handed back");
      return handedBack;
    },
    start(): void {
      if (task) return;
      task = cron.schedule(cronExpression, () => {
        void tick();
      });
      logger.info({ cron: cronExpression, jobs: jobs.map((job) => job.id) }, "scheduler started");
    },
    /** Stops ticking and waits for a tick in progress, so the worker can be stopped after it. */
    async stop(): Promise<void> {
      if (task) await task.destroy();
      task = undefined;
      await running?.catch(() => undefined);
    },
  };
}
