import pino, { type Logger } from "pino";
import { safeErrorFields } from "./log-error.ts";

export type { Logger } from "pino";

// Anything that could hold a secret or someone's private words is censored wherever it appears in a log object.
export const REDACTED_PATHS = [
  "token",
  "*.token",
  "password",
  "*.password",
  "secret",
  "*.secret",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "text",
  "*.text",
  "body",
  "*.body",
  "payload",
  "*.payload",
];

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  /** Tests pass a stream to inspect what would have been logged. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    // A backstop for an `err` field that slips in (a library's own log call): error messages and stacks can quote
    // input, so only the safe fields of log-error.ts are kept. Our own code logs failures through logError.
    serializers: {
      err: safeErrorFields,
      error: (value: unknown) => (value instanceof Error ? safeErrorFields(value) : value),
    },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) {
    return pino({ ...base, transport: { target: "pino-pretty", options: { colorize: true, ignore: "pid,hostname" } } });
  }
  return pino(base);
}
