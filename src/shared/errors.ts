// Errors the domain raises on purpose. `userMessage` is safe to show to the person who acted (and only them);
// `message` is for logs and must never carry private text or secrets.
export type ErrorCode =
  "VALIDATION" | "NOT_FOUND" | "FORBIDDEN" | "LIMIT_REACHED" | "CONFLICT" | "UNAVAILABLE" | "NOT_REACHABLE";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string,
    message: string = userMessage,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const validationError = (userMessage: string) => new AppError("VALIDATION", userMessage);
export const forbidden = (userMessage: string) => new AppError("FORBIDDEN", userMessage);
export const notFound = (userMessage: string) => new AppError("NOT_FOUND", userMessage);

export const TRY_AGAIN_MESSAGE =
  "Momentum can't reach its database right now, so nothing was saved. Please try again in a minute.";
export const UNEXPECTED_MESSAGE = "Something went wrong on our side and nothing was saved. Please try again.";

/**
 * Prisma/pg failures that mean "the database is unreachable or saturated" rather than "your input is wrong".
 * P2028 / "Unable to start a transaction": every pooled connection stayed busy past maxWait (found under load by
 * the reliability soak, R8); the user should try again, not be told something broke.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|P1001|P1017|P2024|timeout exceeded when trying to connect|Connection terminated|server closed the connection|the database system is (shutting down|starting up)|57P01|terminating connection|P2028|Unable to start a transaction in the given time/i.test(
    text,
  );
}

/** What to tell the user for any error: the AppError's own message, a "try again" for outages, else a generic one. */
export function userMessageFor(error: unknown): string {
  if (error instanceof AppError) return error.userMessage;
  if (isDatabaseUnavailable(error)) return TRY_AGAIN_MESSAGE;
  return UNEXPECTED_MESSAGE;
}

/** Prisma's unique-constraint violation: another request or instance already did this. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return (
    code === "P2002" ||
    code === "23505" ||
    /Unique constraint failed|duplicate key value/.test((error as Error)?.message ?? "")
  );
}
