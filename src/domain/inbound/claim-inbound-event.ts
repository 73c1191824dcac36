// A platform event delivered more than once (Slack retries an event it thinks was missed) is handled once: its key
// is recorded durably before any work, and a second delivery finds it taken, on every instance.
import { isUniqueViolation } from "../../shared/errors.ts";
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
