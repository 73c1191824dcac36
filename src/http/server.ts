// The one HTTP server: platform routes plus health endpoints. Readiness means "the database answers".
import { createServer, type Server } from "node:http";
import { performance } from "node:perf_hooks";
import express, { type Express, type RequestHandler } from "express";
import type { Metrics } from "../ops/metrics.ts";
import type { Logger } from "../shared/logger.ts";
import { logError } from "../shared/log-error.ts";

export interface HttpServerOptions {
  logger: Logger;
  ping(): Promise<void>;
  metrics: Metrics;
  mountRoutes(app: Express): void;
}

export interface HttpServer {
  app: Express;
  server: Server;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const app = express();
  app.disable("x-powered-by");
  let shuttingDown = false;
  app.use(measureRequests(options.metrics));
  app.get("/metrics", async (_req, res) => {
    res.type(options.metrics.contentType).send(await options.metrics.render());
  });
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    if (shuttingDown) return void res.status(503).json({ status: "shutting down" });
    try {
      await withTimeout(options.ping(), 2000);
      res.json({ status: "ready", database: "ok" });
    } catch {
      res.status(503).json({ status: "unavailable", database: "unreachable" });
    }
  });
  options.mountRoutes(app);
  app.use((_req, res) => {
    res.status(404).json({ error: "not found" });
  });
  // Last-resort error handler: a malformed body or a bug answers 4xx/500 without leaking details.
  app.use(
    (
      error: { status?: number; type?: string },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
      if (status === 500) logError(options.logger, error, "unhandled error in an HTTP route");
      if (!res.headersSent) res.status(status).json({ error: status === 500 ? "internal error" : "bad request" });
    },
  );
  const server = createServer(app);
  server.keepAliveTimeout = 5000;
  return {
    app,
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve((server.address() as { port: number }).port));
      }),
    close: () =>
      new Promise((resolve) => {
        shuttingDown = true;
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/**
 * Counts each answered request under its route pattern (`/slack/events`, never a raw path, so a scan of random
 * URLs cannot blow up the number of series) with its latency, measured on the monotonic clock.
 */
function measureRequests(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once("finish", () => {
      const route = typeof req.route?.path === "string" ? req.route.path : "unmatched";
      metrics.observeHttp(req.method, route, res.statusCode, (performance.now() - started) / 1000);
    });
    next();
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), ms);
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}
