// GET /metrics: what an operator's Prometheus scrapes. Checked through the real HTTP server of a running service,
// plus the wrappers that count sends and job runs without the worker or the scheduler knowing about metrics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeliveryError, type ChatNotifier } from "../../src/domain/notifications/notifier.ts";
import { enqueueDeliveries } from "../../src/domain/notifications/outbox.ts";
import { instrumentJobs, instrumentNotifier, rateLimitSleep } from "../../src/ops/instrument.ts";
import { createMetrics } from "../../src/ops/metrics.ts";
import { ManualClock } from "../../src/shared/clock.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startTestService, type TestService } from "../support/service.ts";

const NOW = "2026-11-27T14:00:00Z";
let db: TestDatabase;
let service: TestService;
const clock = new ManualClock(NOW);

beforeAll(async () => {
  db = await createTestDatabase();
  service = await startTestService({ db, clock });
});
afterAll(async () => {
  await service?.stop();
  await db?.drop();
});

async function scrape(): Promise<{ contentType: string | null; text: string }> {
  const response = await fetch(`${service.url}/metrics`);
  expect(response.status).toBe(200);
  return { contentType: response.headers.get("content-type"), text: await response.text() };
}

/** The value of one sample line, e.g. sample(text, 'momentum_outbox_deliveries{kind="x",status="pending"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /metrics", () => {
  it("counts requests by route pattern and status with a latency histogram, never by raw path", async () => {
    await fetch(`${service.url}/healthz`);
    await fetch(`${service.url}/healthz`);
    await fetch(`${service.url}/no/such/page?id=1`);

    const { contentType, text } = await scrape();

    expect(contentType).toContain("text/plain; version=0.0.4");
    expect(sample(text, 'momentum_http_requests_total{method="GET",route="/healthz",status="200"}')).toBe(2);
    expect(sample(text, 'momentum_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(
      sample(text, 'momentum_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"}'),
    ).toBe(2);
    expect(text).toContain(
      'momentum_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/healthz",status="200"}',
    );
    expect(text).not.toContain("/no/such/page");
    expect(text).toContain("momentum_process_resident_memory_bytes");
  });

  it("shows what waits in the outbox by kind and status, and how long the oldest due delivery has waited", async () => {
    const message = { type: "checkin.prompt" as const, periodKey: "2026-W48", deadlineLabel: "Friday 15:00" };
    await enqueueDeliveries(
      db.prisma,
      [
        {
          key: "metrics-1",
          kind: "checkin.prompt",
          target: { kind: "slack-channel", channel: "C1" },
          message,
          notBefore: new Date("2026-11-27T13:58:00Z"),
        },
        {
          key: "metrics-2",
          kind: "checkin.prompt",
          target: { kind: "slack-channel", channel: "C1" },
          message,
          notBefore: new Date("2026-11-27T13:59:30Z"),
        },
        {
          key: "metrics-3",
          kind: "checkin.prompt",
          target: { kind: "slack-channel", channel: "C1" },
          message,
          notBefore: new Date("2026-11-28T09:00:00Z"),
        },
      ],
      clock.now(),
    );

    const { text } = await scrape();

    expect(sample(text, "momentum_outbox_scrape_ok")).toBe(1);
    expect(sample(text, 'momentum_outbox_deliveries{kind="checkin.prompt",status="pending"}')).toBe(3);
    expect(sample(text, "momentum_outbox_oldest_due_age_seconds")).toBe(120);
  });

  it("when the database is unreachable the scrape still answers, and says the outbox could not be read", async () => {
    const other = await createTestDatabase();
    const isolated = await startTestService({ db: other, clock });
    try {
      await other.close();
      const response = await fetch(`${isolated.url}/metrics`);
      expect(response.status).toBe(200);
      expect(sample(await response.text(), "momentum_outbox_scrape_ok")).toBe(0);
    } finally {
      await isolated.stop();
    }
  });
});

describe("delivery and job metrics", () => {
  it("count each send by message kind, platform and outcome: sent, rate limited, retried, refused", async () => {
    const metrics = createMetrics();
    const outcomes = [
      undefined,
      new DeliveryError("rate limited (429)", true, 1000),
      new DeliveryError("platform answered 503", true),
      new DeliveryError("refused (404)", false),
    ];
    const fake: ChatNotifier = {
      platform: "teams",
      sendToPerson: async () => ({ messageId: "1" }),
      sendToChannel: async () => {
        const next = outcomes.shift();
        if (next) throw next;
        return { messageId: "2" };
      },
    };
    const notifier = instrumentNotifier(fake, metrics);
    const message = {
      type: "kudos.announced" as const,
      batchId: "b",
      giverName: "Ada",
      recipientNames: ["Bo"],
      message: "thanks",
      value: null,
    };
    for (let i = 0; i < 4; i++) await notifier.sendToChannel("19:abc", message).catch(() => undefined);

    const text = await metrics.render();

    for (const outcome of ["sent", "rate_limited", "retryable_error", "refused"]) {
      expect(
        sample(text, `momentum_delivery_sends_total{kind="kudos.announced",platform="teams",outcome="${outcome}"}`),
      ).toBe(1);
    }
  });

  it("count job runs and failures from zero and time each run", async () => {
    const metrics = createMetrics();
    let fail = false;
    const [job] = instrumentJobs(
      [
        {
          id: "check-in-prompts",
          due: async () => {
            if (fail) throw new Error("boom");
            return [];
          },
        },
      ],
      metrics,
    );

    expect(sample(await metrics.render(), 'momentum_job_failures_total{job="check-in-prompts"}')).toBe(0);
    await job.due({} as never, new Date(NOW));
    fail = true;
    await expect(job.due({} as never, new Date(NOW))).rejects.toThrow("boom");

    const text = await metrics.render();
    expect(sample(text, 'momentum_job_runs_total{job="check-in-prompts"}')).toBe(2);
    expect(sample(text, 'momentum_job_failures_total{job="check-in-prompts"}')).toBe(1);
    expect(sample(text, 'momentum_job_duration_seconds_count{job="check-in-prompts"}')).toBe(2);
  });

  it("count the waits for the fleet-wide rate limit and the time spent in them", async () => {
    const metrics = createMetrics();
    const wait = rateLimitSleep(metrics);

    await wait(20);
    await wait(30);

    const text = await metrics.render();
    expect(sample(text, "momentum_rate_limit_waits_total")).toBe(2);
    expect(sample(text, "momentum_rate_limit_wait_seconds_total")).toBeCloseTo(0.05, 5);
  });
});
