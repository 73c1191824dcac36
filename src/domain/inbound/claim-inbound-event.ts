// A platform event delivered more than once (Slack retries an event it thinks was missed) is handled once: its key
// is recorded durably before any work, and a second delivery finds it taken, on every instance.
import { AppError, isUniqueViolation } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";

/** True when this call recorded the key (handle the event); false when it was recorded before (skip it). */
export async function claimInboundEvent(ctx: Pick<DomainContext, "prisma" | "clock">, key: string): Promise<boolean> {
  try {
    await ctx.prisma.processedEvent.create({ data: { key, createdAt: ctx.clock.now() } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export type InboundOutcome<T> = { handled: true; result: T } | { handled: false };

/**
 * A Teams message or card click that runs a command whose use case takes no request key of its own: the key is
 * claimed first and released when the work fails unexpectedly, so a redelivery can try again. Use cases that take a
 * request key (kudos, check-ins, goals, 1:1 notes) claim it in their own transaction instead; that is the mechanism
 * to prefer, since a failed release here leaves the key taken.
 */
export async function onceForInboundRequest<T>(
  ctx: Pick<DomainContext, "prisma" | "clock">,
  key: string,
  work: () => Promise<T>,
): Promise<InboundOutcome<T>> {
  if (!(await claimInboundEvent(ctx, key))) return { handled: false };
  try {
    return { handled: true, result: await work() };
  } catch (error) {
    if (!(error instanceof AppError))
      await ctx.prisma.processedEvent.deleteMany({ where: { key } }).catch(() => undefined);
    throw error;
  }
}
