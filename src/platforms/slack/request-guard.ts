// Runs before Bolt: refuses requests whose signed timestamp is missing or more than five minutes from now in
// either direction. Bolt checks only the past side, so a captured request could otherwise be replayed much later
// if its timestamp had been set in the future. Bolt then verifies the signature itself.
//
// It also refuses two shapes Slack never sends but Bolt would act on (found by the reliability suite, R1):
//  - a content type other than form-encoded or JSON: Bolt JSON-parses any other type, so a signed event with
//    `text/plain` reached the listeners;
//  - an `ssl_check` that carries a `payload` or `command`: Bolt's parser replaces the form with the decoded payload,
//    dropping `ssl_check`, so the "check" ran as a real interaction;
//  - a body without the outer fields Bolt relies on (request-envelope.ts): Bolt answered 500 (R6, the fuzz).
// The body is read here once (bounded like Bolt's own 4 MB limit) and handed to Bolt as `rawBody`, which Bolt's
// signature check reads instead of the stream.
import type { Request, RequestHandler } from "express";
import type { Clock } from "../../shared/clock.ts";
import type { Logger } from "../../shared/logger.ts";
import { isSlackEnvelope } from "./request-envelope.ts";

export const MAX_REQUEST_AGE_SECONDS = 300;
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

export function slackTimestampGuard(options: { clock: Clock; logger: Logger }): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers["x-slack-request-timestamp"];
    const timestamp = typeof header === "string" && /^\d+$/.test(header.trim()) ? Number(header) : Number.NaN;
    const nowSeconds = Math.floor(options.clock.now().getTime() / 1000);
    if (!Number.isFinite(timestamp) || Math.abs(nowSeconds - timestamp) > MAX_REQUEST_AGE_SECONDS) {
      options.logger.warn(
        { skewSeconds: Number.isFinite(timestamp) ? nowSeconds - timestamp : null },
        "refused a Slack request: timestamp missing or outside five minutes",
      );
      res.status(401).end();
      return;
    }
    const contentType = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
    if (contentType !== FORM && contentType !== JSON_TYPE) {
      options.logger.warn(
        { contentType: contentType.slice(0, 100) },
        "refused a Slack request: unexpected content type",
      );
      res.status(415).end();
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      const tooLarge = (error as Error).message === "too large";
      res.status(tooLarge ? 413 : 400).end();
      return;
    }
    (req as Request & { rawBody?: Buffer }).rawBody = body;
    if (!isSlackEnvelope(contentType === FORM ? "form" : "json", body.toString("utf8"))) {
      options.logger.warn(
        { contentType },
        "refused a Slack request: not the shape Slack sends (or an ssl_check carrying a payload)",
      );
      res.status(400).end();
      return;
    }
    next();
  };
}

function readBody(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new Error("too large"));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
