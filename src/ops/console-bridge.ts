// Libraries that print to the console (botbuilder's token checks: `console.error(err)` with the error and its
// message) write outside any logger we configure. In the service, console.error and console.warn go through our
// logger instead: an Error becomes its safe fields, any other text keeps its words minus anything that looks like
// a token, and the line is marked as coming from a library.
import type { Logger } from "../shared/logger.ts";
import { safeErrorFields } from "../shared/log-error.ts";

type ConsoleLike = Pick<Console, "error" | "warn">;

/** Bearer tokens, JWTs and Slack tokens: never in a log line, whatever a library prints. */
const SECRET_PATTERNS = [
  /Bearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g,
  /xox[abposr]-[A-Za-z0-9-]+/g,
];
const MAX_TEXT = 500;

export function consoleLine(parts: unknown[]): { error?: ReturnType<typeof safeErrorFields>; line?: string } {
  const error = parts.find((part) => part instanceof Error);
  const words = parts
    .filter((part) => !(part instanceof Error))
    .map((part) =>
      typeof part === "string"
        ? part
        : typeof part === "number" || typeof part === "boolean"
          ? String(part)
          : `[${typeof part}]`,
    )
    .join(" ");
  const line = SECRET_PATTERNS.reduce((text, pattern) => text.replace(pattern, "[redacted]"), words).slice(0, MAX_TEXT);
  return { ...(error ? { error: safeErrorFields(error) } : {}), ...(line ? { line } : {}) };
}

/** Routes `target`'s error and warn to `logger` until the returned function is called. */
export function routeConsoleToLogger(target: ConsoleLike, logger: Logger): () => void {
  const original = { error: target.error, warn: target.warn };
  const child = logger.child({ component: "console" });
  target.error = (...parts: unknown[]) => child.error(consoleLine(parts), "a library printed an error");
  target.warn = (...parts: unknown[]) => child.warn(consoleLine(parts), "a library printed a warning");
  return () => {
    target.error = original.error;
    target.warn = original.warn;
  };
}
