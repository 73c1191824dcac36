// A DATABASE_URL that does not work is the most common first-day problem in production. pg's errors are precise
// but cryptic (ECONNREFUSED, 28P01, 3D000): turn the usual ones into one plain sentence that names the host and
// database (never the password) and says what to check. Anything else keeps pg's own message.
import { DataDirInUseError } from "./data-dir-lock.ts";

export class DatabaseConnectionError extends Error {
  constructor(
    message: string,
    readonly reason: "unreachable" | "auth-failed" | "database-missing" | "refused",
  ) {
    super(message);
    this.name = "DatabaseConnectionError";
  }
}

interface PgLikeError {
  code?: string;
  message?: string;
  errors?: PgLikeError[]; // AggregateError: every address of a host failed
}

export function explainConnectionError(error: unknown, url: string): Error {
  const where = describeUrl(url);
  const code = codeOf(error as PgLikeError);
  switch (code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "ECONNRESET":
      return new DatabaseConnectionError(
        `Cannot reach PostgreSQL at ${where.server} (${code}): check the host and port in DATABASE_URL and that the server is running and accepts connections from here.`,
        "unreachable",
      );
    case "28P01":
    case "28000":
      return new DatabaseConnectionError(
        `PostgreSQL at ${where.server} refused the login of user "${where.user}" (authentication failed): check the user name and password in DATABASE_URL (and pg_hba.conf).`,
        "auth-failed",
      );
    case "3D000":
      return new DatabaseConnectionError(
        `PostgreSQL at ${where.server} has no database "${where.database}": create it (createdb ${where.database}) or fix the database name in DATABASE_URL.`,
        "database-missing",
      );
    default: {
      const text = (error as PgLikeError)?.message ?? String(error);
      return new DatabaseConnectionError(`Cannot connect to PostgreSQL at ${where.server}: ${text}`, "refused");
    }
  }
}

function codeOf(error: PgLikeError | undefined): string | undefined {
  if (!error) return undefined;
  if (error.code) return error.code;
  return error.errors?.map(codeOf).find(Boolean);
}

function describeUrl(url: string): { server: string; user: string; database: string } {
  try {
    const parsed = new URL(url);
    return {
      server: `${parsed.hostname}:${parsed.port || 5432}`,
      user: decodeURIComponent(parsed.username) || "(default)",
      database:
        decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username) || "postgres",
    };
  } catch {
    return { server: "(unparsable DATABASE_URL)", user: "", database: "" };
  }
}

/** True for errors whose message is already a complete sentence for an operator (no stack needed). */
export function isOperatorProblem(error: unknown): error is Error {
  return error instanceof DatabaseConnectionError || error instanceof DataDirInUseError;
}
