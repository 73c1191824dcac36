// One WebClient configuration for everything Momentum sends to Slack. No SDK retries: the outbox retries with
// backoff and honours Retry-After, and a request inside a user's interaction must fail fast, not wait 30 minutes.
import { webApi, type Logger as BoltLogger } from "@slack/bolt";

export type WebClient = InstanceType<typeof webApi.WebClient>;
export type WebClientOptions = NonNullable<ConstructorParameters<typeof webApi.WebClient>[1]>;

export const DEFAULT_SLACK_TIMEOUT_MS = 10_000;

export function slackClientOptions(options: {
  apiUrl: string;
  logger: BoltLogger;
  timeoutMs?: number;
}): WebClientOptions {
  return {
    slackApiUrl: options.apiUrl.endsWith("/") ? options.apiUrl : `${options.apiUrl}/`,
    logger: options.logger,
    retryConfig: { retries: 0 },
    // Without this the client sleeps Retry-After seconds inside the call before failing.
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? DEFAULT_SLACK_TIMEOUT_MS,
  };
}

export function createWebClient(token: string, options: WebClientOptions): WebClient {
  return new webApi.WebClient(token, options);
}

/** The Slack error code of a Web API refusal (`{ ok: false, error }`), if that is what this is. */
export function slackErrorCode(error: unknown): string | undefined {
  const coded = error as { code?: string; data?: { error?: string } };
  return coded?.code === webApi.ErrorCode.PlatformError ? coded.data?.error : undefined;
}
