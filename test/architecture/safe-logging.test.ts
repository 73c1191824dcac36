import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { linesMatching, sourceFiles } from "./source-scan.ts";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/shared/logger.ts";
import { logError, logWarning, safeErrorFields } from "../../src/shared/log-error.ts";
import { AppError } from "../../src/shared/errors.ts";
import { consoleLine, routeConsoleToLogger } from "../../src/ops/console-bridge.ts";

// Errors are logged one way (issue 13): logError/logWarning with safe fields. An error's message and its stack
// (which starts with the message) can quote what someone typed, so neither may reach a log line.
const root = new URL("../../src", import.meta.url).pathname;

/** The only places that may name an `err` field, and why. */
const ALLOWED: Record<string, string> = {
  "shared/logger.ts": "the pino serializer that reduces any stray `err` field to its safe fields",
};

const UNSAFE_LOGGING: [RegExp, string][] = [
  // `err: io.err` (the CLI's stderr writer) is not a log field; an error, a caught value or an object literal is.
  [/\berr\s*:\s*(\{|error\b|err\b|e\b|reason\b|cause\b|failure\b)/, "an err field"],
  [/[{,]\s*err\s*[,}]/, "an err shorthand"],
  [/\.stack\b/, "a stack"],
  [
    /\b(logger|log)\.(fatal|error|warn|info|debug|trace)\([^;]*\b(error|err|reason|cause)\.message\b/,
    "an error message in a log call",
  ],
  [
    /\b(logger|log)\.(fatal|error|warn|info|debug|trace)\(\s*\{[^}]*\berror\s*(:\s*error\b|[,}])/,
    "a raw error in a log call",
  ],
];

function unsafeLogging(code: string): string[] {
  return linesMatching(code, UNSAFE_LOGGING);
}

function capture() {
  const lines: string[] = [];
  const logger = createLogger({
    level: "debug",
    pretty: false,
    destination: { write: (chunk: string) => void lines.push(chunk) },
  });
  return { logger, text: () => lines.join("") };
}

describe("errors are logged through logError only", () => {
  it("finds the unsafe forms a handler could add (the check itself can fail)", () => {
    expect(unsafeLogging('logger.error({ err: error }, "failed");')).toContain("line 1: an err field");
    expect(unsafeLogging('logger.warn({ err: { name: e.name } }, "failed");')).toEqual(["line 1: an err field"]);
    expect(unsafeLogging('logger.error({ err }, "failed");')).toEqual(["line 1: an err shorthand"]);
    expect(unsafeLogging('deps.logger.warn({ name: e.name, trace: e.stack }, "x");')).toEqual(["line 1: a stack"]);
    expect(unsafeLogging('deps.logger.warn({ why: error.message }, "x");')).toEqual([
      "line 1: an error message in a log call",
    ]);
    expect(unsafeLogging('deps.logger.error({ error }, "x");')).toEqual(["line 1: a raw error in a log call"]);
    expect(unsafeLogging('logError(deps.logger, error, "x"); // never { err: error }')).toEqual([]);
  });

  it("keeps src free of err fields, stacks and error messages in logs", () => {
    const offenders = sourceFiles(root)
      .map((path) => relative(root, path))
      .filter((path) => !(path in ALLOWED))
      .flatMap((path) => unsafeLogging(readFileSync(join(root, path), "utf8")).map((found) => `${path} ${found}`));
    expect(offenders).toEqual([]);
  });
});

const secret = "Sorry to hear about your father";

describe("logError", () => {
  const failure = Object.assign(new Error(`Invalid value: "${secret}"\n    at the database`), { code: "P2000" });

  it("when an unexpected error quotes private text, the log has its kind, code and a hash, never the words", () => {
    const { logger, text } = capture();
    logError(logger, failure, "kudos failed", { kind: "kudos" });
    const entry = JSON.parse(text());
    expect(entry).toMatchObject({
      level: 50,
      msg: "kudos failed",
      kind: "kudos",
      error: { name: "Error", code: "P2000" },
    });
    expect(entry.error.messageHash).toMatch(/^[0-9a-f]{12}$/);
    expect(text()).not.toContain("father");
    expect(text()).not.toContain("at the database");
  });

  it("when the user was refused (an AppError), it is logged at debug with its code, not as an error of ours", () => {
    const { logger, text } = capture();
    logWarning(logger, new AppError("FORBIDDEN", `No, ${secret}`), "refused");
    expect(JSON.parse(text())).toMatchObject({ level: 20, error: { name: "AppError", appCode: "FORBIDDEN" } });
    expect(text()).not.toContain("father");
  });

  it("when a library logs an err field itself, the serializer keeps only the safe fields", () => {
    const { logger, text } = capture();
    logger.error({ err: failure, error: failure }, "library");
    expect(text()).not.toContain("father");
    expect(JSON.parse(text()).err).toEqual(safeErrorFields(failure));
  });

  it("when a code or name is free text, it is left out", () => {
    const odd = Object.assign(new Error("x"), { name: secret, code: secret, cause: new TypeError(secret) });
    expect(JSON.stringify(safeErrorFields(odd))).not.toContain("father");
    expect(safeErrorFields(odd).cause?.name).toBe("TypeError");
  });
});

describe("a library printing to the console (botbuilder's token errors)", () => {
  it("goes through the logger with the error's safe fields and no token", () => {
    const { logger, text } = capture();
    const target = { error: (..._: unknown[]) => undefined, warn: (..._: unknown[]) => undefined };
    const restore = routeConsoleToLogger(target, logger);
    target.error(new Error(`jwt malformed: ${secret}`));
    target.warn("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln refused");
    restore();
    target.error("after restore");
    expect(text()).not.toContain("father");
    expect(text()).not.toContain("eyJhbGci");
    expect(text()).not.toContain("after restore");
    expect(consoleLine(["Error finding key for token"])).toEqual({ line: "Error finding key for token" });
  });
});
