// A bounded closed-loop load generator: `concurrency` workers each send one request at a time until either
// `count` requests were sent or `maxMs` elapsed. Latencies are recorded per request.
export interface LoadResult {
  sent: number;
  failed: number;
  statuses: Record<number, number>;
  wallMs: number;
  throughputPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

export async function runLoad(options: {
  concurrency: number;
  count: number;
  maxMs: number;
  request: (i: number) => Promise<number>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = started + options.maxMs;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.count && performance.now() < deadline) {
        const i = next++;
        const t0 = performance.now();
        try {
          const status = await options.request(i);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 400) failed++;
        } catch {
          failed++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const wallMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    sent: latencies.length,
    failed,
    statuses,
    wallMs: Math.round(wallMs),
    throughputPerSec: Math.round((latencies.length / wallMs) * 1000),
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
  };
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * An open-loop load: requests start at a fixed rate whatever the answers' speed (at most `concurrency` in
 * flight), the way users' commands arrive. Latency then measures the service, not the queue the load built.
 */
export async function runPacedLoad(options: {
  perSecond: number;
  concurrency: number;
  count: number;
  request: (i: number) => Promise<number>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let failed = 0;
  let inFlight = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < options.count; i++) {
    const due = started + (i * 1000) / options.perSecond;
    while (performance.now() < due || inFlight >= options.concurrency)
      await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight++;
    const t0 = performance.now();
    pending.push(
      options
        .request(i)
        .then(
          (status) => {
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status >= 400) failed++;
          },
          () => void failed++,
        )
        .finally(() => {
          inFlight--;
          latencies.push(performance.now() - t0);
        }),
    );
  }
  await Promise.all(pending);
  const wallMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    sent: latencies.length,
    failed,
    statuses,
    wallMs: Math.round(wallMs),
    throughputPerSec: Math.round((latencies.length / wallMs) * 1000),
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
  };
}
