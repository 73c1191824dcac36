// Slack retries an event it thinks we missed (up to three times). The event id is recorded durably before any
// listener runs; a second delivery of the same id hits the unique key and is skipped, on every instance.
import type { Middleware, AnyMiddlewareArgs } from "@slack/bolt";
import type { PrismaClient } from "../../db/database.ts";
import type { Clock } from "../../shared/clock.ts";
import { isUniqueViolation } from "../../shared/errors.ts";
import type { Logger } from "../../shared/logger.ts";

export function eventDeduplication(options: { prisma: PrismaClient; clock: Clock; logger: Logger }): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const envelope = body as { type?: string; event_id?: string; team_id?: string };
    if (envelope.type !== "event_callback" || typeof envelope.event_id !== "string") return next();
    const key = `slack:${envelope.team_id ?? "unknown"}:${envelope.event_id}`;
    try {
      await options.prisma.processedEvent.create({ data: { key, createdAt: options.clock.now() } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      options.logger.debug({ key }, "skipped a Slack event already processed");
      return;
    }
    await next();
  };
}
