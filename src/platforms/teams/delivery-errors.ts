// Maps a Bot Connector failure to the outbox's retry policy. The connector client throws @azure/core-rest-pipeline
// RestErrors: an HTTP status and the response headers, or a code for network failures and timeouts.
import { DeliveryError, classifyHttpFailure } from "../../domain/notifications/notifier.ts";

interface ConnectorFailure {
  statusCode?: number;
  code?: string;
  name?: string;
  response?: { status?: number; headers?: { get?(name: string): string | undefined | null } };
}

/** `now` is the service clock, used only when the connector sends a Retry-After date without its own Date header. */
export function deliveryErrorFor(error: unknown, now: Date): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const failure = (error ?? {}) as ConnectorFailure;
  const status = failure.statusCode ?? failure.response?.status;
  if (status === 403 || status === 404) {
    return new DeliveryError(`the app isn't installed for this person or in this conversation (${status})`, false);
  }
  if (status === 401)
    return new DeliveryError(
      "the Bot Connector refused Momentum's credentials (401): check MICROSOFT_APP_ID/PASSWORD",
      false,
    );
  if (status === undefined) {
    const what = failure.name === "AbortError" ? "timed out" : (failure.code ?? failure.name ?? "failed");
    return new DeliveryError(`network error talking to the Bot Connector: ${what}`, true);
  }
  const header = (name: string) => failure.response?.headers?.get?.(name);
  return classifyHttpFailure(status, retryAfterSeconds(header("retry-after"), header("date"), now));
}

/**
 * Retry-After is either seconds or an HTTP date. A date is measured from the response's own Date header (the
 * server's clock against the server's clock, so skew between us and Microsoft doesn't matter), else from `now`.
 */
function retryAfterSeconds(
  header: string | null | undefined,
  responseDate: string | null | undefined,
  now: Date,
): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(header);
  if (Number.isNaN(at)) return undefined;
  const sentAt = responseDate ? Date.parse(responseDate) : Number.NaN;
  const from = Number.isNaN(sentAt) ? now.getTime() : sentAt;
  return Math.max(0, Math.ceil((at - from) / 1000));
}
