// Runs before Bolt: refuses requests whose signed timestamp is missing or more than five minutes from now in
// either direction. Bolt checks only the past side, so a captured request could otherwise be replayed much later
// if its timestamp had been set in the future. Bolt then verifies the signature itself.
import type { RequestHandler } from "express";
import type { Clock } from "../../shared/clock.ts";
import type { Logger } from "../../shared/logger.ts";

export const MAX_REQUEST_AGE_SECONDS = 300;

export function slackTimestampGuard(options: { clock: Clock; logger: Logger }): RequestHandler {
  return (req, res, next) => {
    const header = req.headers["x-slack-request-timestamp"];
    const timestamp = typeof header === "string" && /^\d+$/.test(header.trim()) ? Number(header) : Number.NaN;
    const nowSeconds = Math.floor(options.clock.now().getTime() / 1000);
    if (!Number.isFinite(timestamp) || Math.abs(nowSeconds - timestamp) > MAX_REQUEST_AGE_SECONDS) {
      options.logger.warn({ skewSeconds: Number.isFinite(timestamp) ? nowSeconds - timestamp : null }, "refused a Slack request: timestamp missing or outside five minutes");
      res.status(401).end();
      return;
    }
    next();
  };
}
