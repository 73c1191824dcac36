// Slack retries an event it thinks we missed (up to three times). The event id is recorded durably before any
// listener runs; a second delivery of the same id is skipped, on every instance.
import type { Middleware, AnyMiddlewareArgs } from "@slack/bolt";
import type { DomainContext } from "../../domain/context.ts";
import { claimInboundEvent } from "../../domain/inbound/claim-inbound-event.ts";
import type { Logger } from "../../shared/logger.ts";

export function eventDeduplication(options: { domain: DomainContext; logger: Logger }): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const envelope = body as { type?: string; event_id?: string; team_id?: string };
    if (envelope.type !== "event_callback" || typeof envelope.event_id !== "string") return next();
    const key = `slack:${envelope.team_id ?? "unknown"}:${envelope.event_id}`;
    if (!(await claimInboundEvent(options.domain, key))) {
      options.logger.debug({ key }, "skipped a Slack event already processed");
      return;
    }
    await next();
  };
}
