// The service's Prometheus metrics (GET /metrics), one registry per running service so tests and several services
// in one process never mix their figures. prom-client does the exposition format, histograms and the process
// metrics (CPU, memory, event-loop lag) that a hand-written text dump would get subtly wrong.
// Event counts (requests, sends, job runs) are counted where they happen; levels (the outbox, the pool) are read
// when Prometheus scrapes, so they are right on every instance without any bookkeeping.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { PoolStats } from "../db/database.ts";

/** The outbox as the database holds it right now (every instance sees the same). */
export interface OutboxSnapshot {
  /** Rows still to do or needing attention, by kind and status (pending, sending, failed). */
  byKindAndStatus: { kind: string; status: string; count: number }[];
  /** How long the oldest due row has been waiting, 0 when nothing is due. */
  oldestDueAgeSeconds: number;
}

export interface MetricsSources {
  outbox(): Promise<OutboxSnapshot>;
  pool(): PoolStats | undefined;
}

export type SendOutcome = "sent" | "retryable_error" | "rate_limited" | "refused";

export interface Metrics {
  registry: Registry;
  contentType: string;
  /** Where scrape-time levels come from; set once the database is open. */
  setSources(sources: MetricsSources): void;
  observeHttp(method: string, route: string, status: number, seconds: number): void;
  observeSend(kind: string, platform: string, outcome: SendOutcome): void;
  observeRateLimitWait(seconds: number): void;
  /** Starts a job's counters at zero, so a failure shows as an increase from 0 rather than a new series. */
  registerJob(job: string): void;
  observeJobRun(job: string, seconds: number, failed: boolean): void;
  render(): Promise<string>;
}

const OUTBOX_READ_LIMIT_MS = 2000;
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "momentum_" });
  let sources: MetricsSources | undefined;

  const httpRequests = new Counter({
    name: "momentum_http_requests_total",
    help: "HTTP requests answered, by route (the route pattern, never the raw path) and status code.",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: "momentum_http_request_duration_seconds",
    help: "Time from a request's arrival to its response, by route and status code.",
    labelNames: ["method", "route", "status"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const sends = new Counter({
    name: "momentum_delivery_sends_total",
    help: "Outbox sends attempted by this instance, by message kind, platform and outcome (sent, retryable_error, rate_limited, refused).",
    labelNames: ["kind", "platform", "outcome"] as const,
    registers: [registry],
  });
  const rateLimitWaits = new Counter({
    name: "momentum_rate_limit_waits_total",
    help: "Times a send waited for the fleet-wide rate limit before going out.",
    registers: [registry],
  });
  const rateLimitWaitSeconds = new Counter({
    name: "momentum_rate_limit_wait_seconds_total",
    help: "Total time sends spent waiting for the fleet-wide rate limit.",
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: "momentum_job_runs_total",
    help: "Scheduled job evaluations, by job.",
    labelNames: ["job"] as const,
    registers: [registry],
  });
  const jobFailures = new Counter({
    name: "momentum_job_failures_total",
    help: "Scheduled job evaluations that failed, by job.",
    labelNames: ["job"] as const,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: "momentum_job_duration_seconds",
    help: "How long a scheduled job took to work out who is due, by job.",
    labelNames: ["job"] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60],
    registers: [registry],
  });

  // The three outbox gauges are collected concurrently within one scrape: they share one read of the database.
  // A database that is down or saturated must not stall the scrape past Prometheus's timeout (10 s by default):
  // after OUTBOX_READ_LIMIT_MS the outbox figures are left out and momentum_outbox_scrape_ok says 0.
  let reading: Promise<OutboxSnapshot | undefined> | undefined;
  const outboxSnapshot = () =>
    (reading ??= withinLimit(
      sources ? sources.outbox() : Promise.reject(new Error("no database yet")),
      OUTBOX_READ_LIMIT_MS,
    )
      .catch(() => undefined) // the database is down: /readyz says so; the scrape itself must still answer
      .finally(() => setImmediate(() => (reading = undefined))));
  new Gauge({
    name: "momentum_outbox_deliveries",
    help: "Outbox rows still to send or needing attention (pending, sending, failed), by message kind and status.",
    labelNames: ["kind", "status"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of (await outboxSnapshot())?.byKindAndStatus ?? [])
        this.set({ kind: row.kind, status: row.status }, row.count);
    },
  });
  new Gauge({
    name: "momentum_outbox_oldest_due_age_seconds",
    help: "How long the oldest delivery that is due has been waiting (0 when none is due): a growing value means sends are stuck.",
    registers: [registry],
    async collect() {
      this.set((await outboxSnapshot())?.oldestDueAgeSeconds ?? 0);
    },
  });
  new Gauge({
    name: "momentum_outbox_scrape_ok",
    help: "1 when the outbox figures above could be read from the database at this scrape, 0 when not.",
    registers: [registry],
    async collect() {
      this.set((await outboxSnapshot()) ? 1 : 0);
    },
  });
  new Gauge({
    name: "momentum_db_pool_connections",
    help: "PostgreSQL connections of this instance by state (in_use, idle, waiting = queries queued for one, max = pool size). Absent on the embedded database.",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      this.reset();
      const stats = sources?.pool();
      if (!stats) return;
      this.set({ state: "in_use" }, stats.open - stats.idle);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
      this.set({ state: "max" }, stats.max);
    },
  });

  return {
    registry,
    contentType: registry.contentType,
    setSources(next) {
      sources = next;
    },
    observeHttp(method, route, status, seconds) {
      const labels = { method, route, status: String(status) };
      httpRequests.inc(labels);
      httpDuration.observe(labels, seconds);
    },
    observeSend(kind, platform, outcome) {
      sends.inc({ kind, platform, outcome });
    },
    observeRateLimitWait(seconds) {
      rateLimitWaits.inc();
      rateLimitWaitSeconds.inc(seconds);
    },
    registerJob(job) {
      jobRuns.inc({ job }, 0);
      jobFailures.inc({ job }, 0);
    },
    observeJobRun(job, seconds, failed) {
      jobRuns.inc({ job });
      jobDuration.observe({ job }, seconds);
      if (failed) jobFailures.inc({ job });
    },
    render: () => registry.metrics(),
  };
}

function withinLimit<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
