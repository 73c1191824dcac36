// What the composition root needs from each chat platform adapter.
import type { Express } from "express";
import type { DomainContext } from "../domain/context.ts";
import type { DirectoryConnector } from "../domain/directory/directory-ports.ts";
import type { ChatNotifier } from "../domain/notifications/notifier.ts";
import type { RateLimiter } from "../deliveries/rate-limiter.ts";
import type { InFlight } from "../shared/in-flight.ts";
import type { Logger } from "../shared/logger.ts";

export interface PlatformDeps {
  domain: DomainContext;
  logger: Logger;
  /** Work a handler continues after acknowledging the request: tracked for shutdown and tests. */
  inFlight: InFlight;
  /** Ask the outbox worker to send what a use case just queued. */
  kickDeliveries(): void;
  /** The fleet-wide rate limiter (database token buckets) the platforms' directory reads share with the outbox. */
  rateLimiter: RateLimiter;
}

export interface PlatformModule {
  readonly name: "slack" | "teams";
  readonly notifier: ChatNotifier;
  /** Finds the platform's people before they ever talk to Momentum (daily sync, link on demand). */
  readonly directory?: DirectoryConnector;
  /** Registers the platform's HTTP routes on the shared server. */
  mount(app: Express): void;
  /** Lines for the start log: where to point the platform's app settings. */
  describe(publicUrl: string): string[];
  /** Stops taking requests that arrive other than through the shared HTTP server (Slack Socket Mode). */
  stopReceiving?(): Promise<void>;
  stop(): Promise<void>;
}
