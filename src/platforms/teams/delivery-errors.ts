// Maps a Bot Connector failure to the outbox's retry policy. The connector client throws @azure/core-rest-pipeline
// RestErrors: an HTTP status and the response headers, or a code for network failures and timeouts.
import { DeliveryError, classifyHttpFailure } from "../../domain/notifications/notifier.ts";

interface ConnectorFailure {
  statusCode?: number;
  code?: string;
  name?: string;
  response?: { status?: number; headers?: { get?(name: string): string | undefined | null } };
}

export function deliveryErrorFor(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const failure = (error ?? {}) as ConnectorFailure;
  const status = failure.statusCode ?? failure.response?.status;
  if (status === 403 || status === 404) {
    return new DeliveryError(`the app isn't installed for this person or in this conversation (${status})`, false);
  }
  if (status === 401) return new DeliveryError("the Bot Connector refused Momentum's credentials (401): check MICROSOFT_APP_ID/PASSWORD", false);
  if (status === undefined) {
    const what = failure.name === "AbortError" ? "timed out" : (failure.code ?? failure.name ?? "failed");
    return new DeliveryError(`network error talking to the Bot Connector: ${what}`, true);
  }
  return classifyHttpFailure(status, retryAfterSeconds(failure.response?.headers?.get?.("retry-after")));
}

/** Retry-After is either seconds or an HTTP date. */
function retryAfterSeconds(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
