// The one way Momentum logs a failure. An error's message and its stack (which begins with the message) can quote
// what someone typed: a Prisma validation error prints the call's arguments, a driver error the offending value.
// So a log gets only fields that never carry message text: the error's kind, its codes, an HTTP status, and a
// short hash of the message, which tells "the same failure again" apart from "a new one" without saying what it was.
import { createHash } from "node:crypto";
import { AppError } from "./errors.ts";
import type { Logger } from "./logger.ts";

export interface SafeErrorFields {
  /** The error class ("PrismaClientKnownRequestError", "TypeError"), or the type of a thrown non-error. */
  name: string;
  /** A machine code: Prisma's P2002, a driver's ECONNREFUSED or 23505, the Slack SDK's code. */
  code?: string;
  /** An AppError's code (VALIDATION, FORBIDDEN, …): the user was told why. */
  appCode?: string;
  /** The error code a platform answered with (Slack's `channel_not_found`). */
  platformCode?: string;
  /** The HTTP status of a failed platform call. */
  status?: number;
  /** First 12 hex digits of the message's SHA-256: equal hashes are the same message. */
  messageHash?: string;
  /** The same fields for the error's cause, one level deep. */
  cause?: Omit<SafeErrorFields, "cause">;
}

/** Codes are identifiers; anything else in a code field (free text, a long value) is left out. */
const CODE = /^[A-Za-z0-9_.:-]{1,64}$/;
const codeOf = (value: unknown): string | undefined =>
  typeof value === "string" && CODE.test(value) ? value : typeof value === "number" ? String(value) : undefined;

function shallowFields(error: unknown): Omit<SafeErrorFields, "cause"> {
  if (!(error instanceof Error) && (typeof error !== "object" || error === null)) return { name: typeof error };
  const shaped = error as {
    name?: unknown;
    code?: unknown;
    statusCode?: unknown;
    status?: unknown;
    data?: { error?: unknown };
    message?: unknown;
  };
  const name =
    (typeof shaped.name === "string" && CODE.test(shaped.name) ? shaped.name : undefined) ??
    (error instanceof Error ? "Error" : "object");
  const fields: Omit<SafeErrorFields, "cause"> = { name };
  if (error instanceof AppError) fields.appCode = error.code;
  else {
    const code = codeOf(shaped.code);
    if (code) fields.code = code;
  }
  const platformCode = codeOf(shaped.data?.error);
  if (platformCode) fields.platformCode = platformCode;
  const status =
    typeof shaped.statusCode === "number"
      ? shaped.statusCode
      : typeof shaped.status === "number"
        ? shaped.status
        : undefined;
  if (status !== undefined) fields.status = status;
  if (typeof shaped.message === "string" && shaped.message)
    fields.messageHash = createHash("sha256").update(shaped.message).digest("hex").slice(0, 12);
  return fields;
}

/** What may be logged about any thrown value. */
export function safeErrorFields(error: unknown): SafeErrorFields {
  const fields: SafeErrorFields = shallowFields(error);
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause !== undefined && cause !== null) fields.cause = shallowFields(cause);
  return fields;
}

type Level = "fatal" | "error" | "warn";

/**
 * Logs a failure as `{ error: <safe fields>, ...context }` with `what` as the message. An AppError is a refusal the
 * user was told about, not a fault of ours: it is logged at debug. `context` must hold ids and counts, never text.
 */
export function logError(
  logger: Logger,
  error: unknown,
  what: string,
  context: Record<string, unknown> = {},
  level: Level = "error",
): void {
  const entry = { ...context, error: safeErrorFields(error) };
  if (error instanceof AppError) logger.debug(entry, what);
  else logger[level](entry, what);
}

/** A failure worth noting that Momentum recovers from (a confirmation that could not be sent, a retry ahead). */
export function logWarning(logger: Logger, error: unknown, what: string, context: Record<string, unknown> = {}): void {
  logError(logger, error, what, context, "warn");
}
