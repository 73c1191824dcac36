// One claimed row, from "may it go out now?" to its recorded outcome:
//   send window (expiry, away, quiet hours) → recipient → fleet rate limit → confirm lease → send → outcome.
// Right before the platform call the lease must cover the whole send (send timeout + margin); when what is left of
// the claim's lease does not, it is renewed under an ownership check first. So a row that waited in this
// instance's queue (rate limit, slow neighbours) and was meanwhile taken over by another instance is skipped,
// not sent twice, and the common case (sent seconds after its claim) costs no extra query.
import {
  DeliveryError,
  type ChatNotifier,
  type PlatformName,
  type SendContext,
  type SendResult,
} from "../domain/notifications/notifier.ts";
import type { Clock } from "../shared/clock.ts";
import type { Logger } from "../shared/logger.ts";
import { backoffMs } from "./backoff.ts";
import type { Claims, ClaimedRow, Outcome } from "./claims.ts";
import { limitsFor, type RateLimit, type RateLimiter, type RateSettings } from "./rate-limiter.ts";
import type { ResolvedPerson } from "./recipient.ts";
import { createSlotReservoir } from "./slot-reservoir.ts";
import { decideSendWindow, type SendWindowOrg } from "./send-window.ts";
import { safeErrorFields } from "../shared/log-error.ts";

export interface RowSenderDeps {
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
  /**
   * Tries to find a person on a chat platform (Slack users.lookupByEmail) before a row fails for want of an
   * identity; "linked" comes back with the person resolved again.
   */
  linkPerson?(
    personId: string,
  ): Promise<
    | { outcome: "linked"; person: ResolvedPerson | undefined }
    | { outcome: "unreachable"; reason: string }
    | { outcome: "busy"; waitMs: number }
  >;
}

export const NO_IDENTITY = "no chat identity Momentum can reach for this person";

/** How late a rate-limit slot may be used (an event-loop stall); later, it is given up once and a new one taken. */
const LATE_SLOT_MS = 100;
const MAX_RETAKES = 1;

export type RowResult = "sent" | "retry" | "failed" | "cancelled" | "deferred" | "lost";

interface Route {
  platform: PlatformName;
  channel?: string;
  send(): Promise<SendResult>;
}

export function createRowSender(deps: RowSenderDeps) {
  const { clock, claims, logger } = deps;
  const reservoir = deps.rateLimiter ? createSlotReservoir(deps.rateLimiter, clock) : undefined;

  async function finish(row: ClaimedRow, outcome: Outcome, result: RowResult): Promise<RowResult> {
    const recorded = await claims.finish(row.id, clock.now(), outcome);
    if (recorded) return result;
    // Another instance took the row over while this one was sending: the one window where a message can go twice.
    logger.warn(
      { deliveryId: row.id, kind: row.kind, outcome: outcome.status },
      "delivery outcome not recorded: the lease was lost during the send",
    );
    return "lost";
  }

  function route(row: ClaimedRow, person: ResolvedPerson | undefined): Route | Outcome {
    if (row.personId) {
      if (!person || !person.active) return { status: "cancelled", lastError: "recipient is no longer active" };
      const decision = decideSendWindow(row, person, deps.org, clock.now());
      if (decision.action === "cancel") return { status: "cancelled", lastError: decision.reason };
      if (decision.action === "reschedule")
        return { status: "pending", notBefore: decision.notBefore, attemptsDelta: -1 };
      const recipient = person.recipient;
      if (!recipient) return { status: "failed", lastError: NO_IDENTITY };
      const notifier = deps.notifiers.get(recipient.platform)!;
      return {
        platform: recipient.platform,
        send: () => notifier.sendToPerson(recipient, row.message, sendContext(row)),
      };
    }
    const decision = decideSendWindow(row, null, deps.org, clock.now());
    if (decision.action === "cancel") return { status: "cancelled", lastError: decision.reason };
    const target = row.target;
    const platform: PlatformName | undefined =
      target?.kind === "slack-channel" ? "slack" : target?.kind === "teams-channel" ? "teams" : undefined;
    if (!target || !platform) return { status: "failed", lastError: "delivery has no target" };
    const notifier = deps.notifiers.get(platform);
    if (!notifier) return { status: "failed", lastError: `${platform} is not enabled on this server` };
    const channel =
      target.kind === "slack-channel" ? target.channel : target.kind === "teams-channel" ? target.conversationId : "";
    const context = {
      ...sendContext(row),
      ...(target.kind === "slack-channel" && target.teamId ? { slackTeamId: target.teamId } : {}),
    };
    return { platform, channel, send: () => notifier.sendToChannel(channel, row.message, context) };
  }

  /** Waits for a slot in every bucket; returns the wait still needed when it is too long to hold a lane for. */
  async function takeSlot(limits: RateLimit[]): Promise<number> {
    if (!reservoir) return 0;
    for (const limit of limits) {
      for (let retake = 0; ; retake++) {
        const slot = await reservoir.next(limit, deps.maxInlineWaitMs);
        if (!slot.granted) return slot.waitMs;
        const waitMs = slot.atMs - clock.now().getTime();
        if (waitMs > 0) await deps.sleep(waitMs);
        // Woken well after the slot (the event loop stalled): sending now would land together with the sends of
        // later slots and burst past the ceiling. Give the slot up and queue again; the stall's capacity is gone anyway.
        if (clock.now().getTime() - slot.atMs <= LATE_SLOT_MS || retake >= MAX_RETAKES) break;
      }
    }
    return 0;
  }

  async function sendWithTimeout(route: Route): Promise<SendResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DeliveryError(`no answer within ${deps.sendTimeoutMs} ms`, true)),
        deps.sendTimeoutMs,
      );
    });
    try {
      return await Promise.race([route.send(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  function failureOutcome(
    row: ClaimedRow,
    attempts: number,
    failure: DeliveryError,
    limits: RateLimit[],
  ): { outcome: Outcome; result: RowResult } {
    const now = clock.now().getTime();
    if (failure.retryAfterMs !== undefined) {
      // A 429: the platform refused to try. It does not use up an attempt; the row and the whole fleet wait.
      for (const limit of limits) reservoir?.forget(limit.key);
      if (deps.rateLimiter)
        void Promise.all(limits.map((limit) => deps.rateLimiter!.penalise(limit, failure.retryAfterMs!))).catch(
          () => undefined,
        );
      return {
        outcome: {
          status: "pending",
          notBefore: new Date(now + failure.retryAfterMs),
          lastError: failure.message,
          attemptsDelta: -1,
        },
        result: "retry",
      };
    }
    if (failure.retryable && attempts < deps.maxAttempts) {
      return {
        outcome: { status: "pending", notBefore: new Date(now + backoffMs(attempts)), lastError: failure.message },
        result: "retry",
      };
    }
    logger.warn({ deliveryId: row.id, kind: row.kind, attempts, reason: failure.message }, "delivery failed for good");
    return { outcome: { status: "failed", lastError: failure.message }, result: "failed" };
  }

  /** `person`: the row's recipient, resolved for the whole claimed batch at once (undefined: no such person). */
  /** A row about to fail for want of an identity gets one attempt at linking its person first. */
  async function routeLinking(row: ClaimedRow, person: ResolvedPerson | undefined): Promise<Route | Outcome> {
    const planned = route(row, person);
    if ("send" in planned || planned.lastError !== NO_IDENTITY || !row.personId || !deps.linkPerson) return planned;
    const link = await deps.linkPerson(row.personId);
    if (link.outcome === "linked") return route(row, link.person);
    if (link.outcome === "busy")
      return { status: "pending", notBefore: new Date(clock.now().getTime() + link.waitMs), attemptsDelta: -1 };
    return { status: "failed", lastError: `${NO_IDENTITY} (${link.reason})` };
  }

  return async function deliver(row: ClaimedRow, person: ResolvedPerson | undefined): Promise<RowResult> {
    const planned = await routeLinking(row, person);
    if (!("send" in planned)) {
      const result: RowResult =
        planned.status === "pending" ? "deferred" : planned.status === "failed" ? "failed" : "cancelled";
      if (result === "failed")
        logger.warn({ deliveryId: row.id, kind: row.kind, reason: planned.lastError }, "delivery failed for good");
      return finish(row, planned, result);
    }
    const limits = limitsFor(planned.platform, deps.rates, planned.channel);
    const stillToWait = await takeSlot(limits);
    if (stillToWait > 0)
      return finish(
        row,
        { status: "pending", notBefore: new Date(clock.now().getTime() + stillToWait), attemptsDelta: -1 },
        "deferred",
      );
    if (clock.now().getTime() + deps.sendLeaseMs > row.leaseUntil.getTime()) {
      const renewed = await claims.renewLease(row.id, clock.now(), deps.sendLeaseMs);
      if (!renewed) {
        logger.info({ deliveryId: row.id }, "delivery skipped: another instance took it over while it waited");
        return "lost";
      }
      row.leaseUntil = renewed;
    }
    const attempts = row.attempts;
    let sent: SendResult;
    try {
      sent = await sendWithTimeout(planned);
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError(errorText(error), true);
      const { outcome, result } = failureOutcome(row, attempts, failure, limits);
      return finish(row, outcome, result);
    }
    return finish(
      row,
      { status: "sent", sentAt: clock.now(), platformMessageId: sent.messageId, lastError: null },
      "sent",
    );
  };
}

/**
 * Attempts are counted at claim time and given back when nothing reached the platform (429, quiet hours, rate
 * deferral), so a second attempt means an earlier one may have been accepted without being recorded.
 */
function sendContext(row: ClaimedRow): SendContext {
  return { deliveryId: row.id, mayAlreadyBeSent: row.attempts > 1 };
}

/** What the delivery log and the log line say about an unexpected failure: its kind and code, never its message. */
function errorText(error: unknown): string {
  const fields = safeErrorFields(error);
  const code = fields.code ?? fields.platformCode;
  return `unexpected ${fields.name}${code ? ` (${code})` : ""}${fields.messageHash ? ` #${fields.messageHash}` : ""}`;
}
