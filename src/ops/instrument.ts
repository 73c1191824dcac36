// Metrics from the outside in: the notifiers, the job definitions and the rate-limit wait are wrapped where the
// service assembles them, so the outbox worker and the scheduler stay free of metrics code and keep one job each.
import { performance } from "node:perf_hooks";
import { DeliveryError, type ChatNotifier } from "../domain/notifications/notifier.ts";
import type { JobDefinition } from "../jobs/job.ts";
import type { Metrics, SendOutcome } from "./metrics.ts";

function outcomeOf(error: unknown): SendOutcome {
  if (!(error instanceof DeliveryError)) return "retryable_error"; // the worker retries anything unclassified
  if (error.retryAfterMs !== undefined) return "rate_limited";
  return error.retryable ? "retryable_error" : "refused";
}

/** Counts every send by message kind, platform and outcome. */
export function instrumentNotifier(notifier: ChatNotifier, metrics: Metrics): ChatNotifier {
  const observe = async <T>(kind: string, send: () => Promise<T>): Promise<T> => {
    try {
      const result = await send();
      metrics.observeSend(kind, notifier.platform, "sent");
      return result;
    } catch (error) {
      metrics.observeSend(kind, notifier.platform, outcomeOf(error));
      throw error;
    }
  };
  return {
    platform: notifier.platform,
    sendToPerson: (recipient, message, context) =>
      observe(message.type, () => notifier.sendToPerson(recipient, message, context)),
    sendToChannel: (channel, message, context) =>
      observe(message.type, () => notifier.sendToChannel(channel, message, context)),
  };
}

/** Times each job's evaluation (who is due) and counts its failures; the scheduler still logs and survives them. */
export function instrumentJobs(jobs: JobDefinition[], metrics: Metrics): JobDefinition[] {
  for (const job of jobs) metrics.registerJob(job.id);
  return jobs.map((job) => ({
    ...job,
    async due(ctx, now) {
      const started = performance.now();
      let failed = false;
      try {
        return await job.due(ctx, now);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        metrics.observeJobRun(job.id, (performance.now() - started) / 1000, failed);
      }
    },
  }));
}

/** The outbox worker's only sleep is the wait for a rate-limit slot: this one counts it. */
export function rateLimitSleep(metrics: Metrics): (ms: number) => Promise<void> {
  return (ms) => {
    metrics.observeRateLimitWait(ms / 1000);
    return new Promise((resolve) => setTimeout(resolve, ms));
  };
}
