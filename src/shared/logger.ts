import pino, { type Logger } from "pino";

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
    // Error messages can quote input; keep type and stack, which is what debugging needs.
    serializers: { err: pino.stdSerializers.err },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) {
    return pino({ ...base, transport: { target: "pino-pretty", options: { colorize: true, ignore: "pid,hostname" } } });
  }
  return pino(base);
}
