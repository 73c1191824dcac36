// One claimed row, from "may it go out now?" to its recorded outcome:
//   send window (expiry, away, quiet hours) → recipient → fleet rate limit → confirm lease → send → outcome.
// The lease is confirmed and renewed right before the platform call, so a row that waited in this instance's
// queue (rate limit, slow neighbours) and was meanwhile taken over by another instance is skipped, not sent twice.
import type { PrismaClient } from "../db/database.ts";
import { DeliveryError, type ChatNotifier, type PlatformName, type SendResult } from "../domain/notifications/notifier.ts";
import type { Clock } from "../shared/clock.ts";
import type { Logger } from "../shared/logger.ts";
import { backoffMs } from "./backoff.ts";
import type { Claims, ClaimedRow, Outcome } from "./claims.ts";
import { limitsFor, type RateLimit, type RateLimiter, type RateSettings } from "./rate-limiter.ts";
import { resolvePerson } from "./recipient.ts";
import { decideSendWindow, type SendWindowOrg } from "./send-window.ts";

export interface RowSenderDeps {
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  claims: Claims;
  notifiers: Map<PlatformName, ChatNotifier>;
  org: SendWindowOrg;
  rateLimiter?: RateLimiter;
  rates: RateSettings;
  maxAttempts: number;
  sendLeaseMs: number;
  sendTimeoutMs: number;
  /** Longer rate-limit waits release the row (notBefore = then) instead of holding a lane. */
  maxInlineWaitMs: number;
  sleep(ms: number): Promise<void>;
}

export type RowResult = "sent" | "retry" | "failed" | "cancelled" | "deferred" | "lost";

interface Route {
  platform: PlatformName;
  channel?: string;
  send(): Promise<SendResult>;
}

export function createRowSender(deps: RowSenderDeps) {
  const { clock, claims, logger } = deps;

  async function finish(row: ClaimedRow, outcome: Outcome, result: RowResult): Promise<RowResult> {
    const recorded = await claims.finish(row.id, clock.now(), outcome);
    if (recorded) return result;
    // Another instance took the row over while this one was sending: the one window where a message can go twice.
    logger.warn({ deliveryId: row.id, kind: row.kind, outcome: outcome.status }, "delivery outcome not recorded: the lease was lost during the send");
    return "lost";
  }

  async function route(row: ClaimedRow): Promise<Route | Outcome> {
    if (row.personId) {
      const person = await resolvePerson(deps.prisma, row.personId, new Set(deps.notifiers.keys()));
      if (!person || !person.active) return { status: "cancelled", lastError: "recipient is no longer active" };
      const decision = decideSendWindow(row, person, deps.org, clock.now());
      if (decision.action === "cancel") return { status: "cancelled", lastError: decision.reason };
      if (decision.action === "reschedule") return { status: "pending", notBefore: decision.notBefore };
      const recipient = person.recipient;
      if (!recipient) return { status: "failed", lastError: "no chat identity Momentum can reach for this person" };
      const notifier = deps.notifiers.get(recipient.platform)!;
      return { platform: recipient.platform, send: () => notifier.sendToPerson(recipient, row.message) };
    }
    const decision = decideSendWindow(row, null, deps.org, clock.now());
    if (decision.action === "cancel") return { status: "cancelled", lastError: decision.reason };
    const target = row.target;
    const platform: PlatformName | undefined = target?.kind === "slack-channel" ? "slack" : target?.kind === "teams-channel" ? "teams" : undefined;
    if (!target || !platform) return { status: "failed", lastError: "delivery has no target" };
    const notifier = deps.notifiers.get(platform);
    if (!notifier) return { status: "failed", lastError: `${platform} is not enabled on this server` };
    const channel = target.kind === "slack-channel" ? target.channel : target.kind === "teams-channel" ? target.conversationId : "";
    return { platform, channel, send: () => notifier.sendToChannel(channel, row.message) };
  }

  /** Waits for a slot in every bucket; returns the wait still needed when it is too long to hold a lane for. */
  async function takeSlot(limits: RateLimit[]): Promise<number> {
    if (!deps.rateLimiter) return 0;
    for (const limit of limits) {
      const grant = await deps.rateLimiter.take(limit, deps.maxInlineWaitMs);
      if (!grant.granted) return grant.waitMs;
      if (grant.waitMs > 0) await deps.sleep(grant.waitMs);
    }
    return 0;
  }

  async function sendWithTimeout(route: Route): Promise<SendResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeliveryError(`no answer within ${deps.sendTimeoutMs} ms`, true)), deps.sendTimeoutMs);
    });
    try {
      return await Promise.race([route.send(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  function failureOutcome(row: ClaimedRow, attempts: number, failure: DeliveryError, limits: RateLimit[]): { outcome: Outcome; result: RowResult } {
    const now = clock.now().getTime();
    if (failure.retryAfterMs !== undefined) {
      // A 429: the platform refused to try. It does not use up an attempt; the row and the whole fleet wait.
      if (deps.rateLimiter) void Promise.all(limits.map((limit) => deps.rateLimiter!.penalise(limit, failure.retryAfterMs!))).catch(() => undefined);
      return { outcome: { status: "pending", notBefore: new Date(now + failure.retryAfterMs), lastError: failure.message, attemptsDelta: -1 }, result: "retry" };
    }
    if (failure.retryable && attempts < deps.maxAttempts) {
      return { outcome: { status: "pending", notBefore: new Date(now + backoffMs(attempts)), lastError: failure.message }, result: "retry" };
    }
    logger.warn({ deliveryId: row.id, kind: row.kind, attempts, reason: failure.message }, "delivery failed for good");
    return { outcome: { status: "failed", lastError: failure.message }, result: "failed" };
  }

  return async function deliver(row: ClaimedRow): Promise<RowResult> {
    const planned = await route(row);
    if (!("send" in planned)) {
      const result: RowResult = planned.status === "pending" ? "deferred" : planned.status === "failed" ? "failed" : "cancelled";
      if (result === "failed") logger.warn({ deliveryId: row.id, kind: row.kind, reason: planned.lastError }, "delivery failed for good");
      return finish(row, planned, result);
    }
    const limits = limitsFor(planned.platform, deps.rates, planned.channel);
    const stillToWait = await takeSlot(limits);
    if (stillToWait > 0) return finish(row, { status: "pending", notBefore: new Date(clock.now().getTime() + stillToWait) }, "deferred");
    const attempts = await claims.confirmSend(row.id, clock.now(), deps.sendLeaseMs);
    if (attempts === null) {
      logger.info({ deliveryId: row.id }, "delivery skipped: another instance took it over while it waited");
      return "lost";
    }
    let sent: SendResult;
    try {
      sent = await sendWithTimeout(planned);
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError(errorText(error), true);
      const { outcome, result } = failureOutcome(row, attempts, failure, limits);
      return finish(row, outcome, result);
    }
    return finish(row, { status: "sent", sentAt: clock.now(), platformMessageId: sent.messageId, lastError: null }, "sent");
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : "unknown error";
}
