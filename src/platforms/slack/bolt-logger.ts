// Bolt and its WebClient log through this adapter into our pino logger. Their debug output is dropped on purpose:
// the WebClient writes every request body at debug level, and bodies carry people's private words. An error they
// pass is reduced to its safe fields (its message can quote a request); tokens and secrets are cut from any text.
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../shared/logger.ts";
import { safeErrorFields } from "../../shared/log-error.ts";

// Bot, user and app-level (Socket Mode) tokens.
const TOKEN_PATTERN = /(xox[abposr]|xapp)-[A-Za-z0-9-]+/g;

export function createBoltLogger(logger: Logger, secrets: string[]): BoltLogger {
  const child = logger.child({ component: "slack-sdk" });
  const scrub = (parts: unknown[]) => {
    let text = parts
      .map((part) =>
        part instanceof Error ? safeJson(safeErrorFields(part)) : typeof part === "string" ? part : safeJson(part),
      )
      .join(" ");
    text = text.replace(TOKEN_PATTERN, "[redacted]");
    for (const secret of secrets) if (secret) text = text.split(secret).join("[redacted]");
    return text.slice(0, 1000);
  };
  let level = LogLevel.INFO;
  return {
    debug: () => undefined,
    info: (...parts: unknown[]) => child.info(scrub(parts)),
    warn: (...parts: unknown[]) => child.warn(scrub(parts)),
    error: (...parts: unknown[]) => child.error(scrub(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
