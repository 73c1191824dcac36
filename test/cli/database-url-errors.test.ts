// A DATABASE_URL that does not work says what is wrong in one sentence that an operator can act on: the server is
// unreachable, the login failed, or the database does not exist. Never the password, never a stack.
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { DatabaseConnectionError, explainConnectionError } from "../../src/db/connection-errors.ts";
import { openDatabase } from "../../src/db/database.ts";

const URL_WITH_SECRET = "postgres://momentum:s3cret@db.internal:6543/momentum";

async function run(argv: string[], env: NodeJS.ProcessEnv) {
  const stderr: string[] = [];
  const code = await runCli(argv, { out: () => undefined, err: (line) => stderr.push(line) }, { env });
  return { code, stderr: stderr.join("\n") };
}

describe("DATABASE_URL problems", () => {
  it("when nothing listens at the address, the CLI says PostgreSQL cannot be reached there and exits 1", async () => {
    const result = await run(["people", "export"], { DATABASE_URL: "postgres://momentum:s3cret@127.0.0.1:1/momentum" });

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "Cannot open the database: Cannot reach PostgreSQL at 127.0.0.1:1 (ECONNREFUSED): check the host and port in DATABASE_URL and that the server is running and accepts connections from here.",
    );
    expect(result.stderr).not.toContain("s3cret");
  });

  it("names a failed login and a missing database by what the server answered, without the password", () => {
    const auth = explainConnectionError(
      Object.assign(new Error('password authentication failed for user "momentum"'), { code: "28P01" }),
      URL_WITH_SECRET,
    );
    const missing = explainConnectionError(
      Object.assign(new Error('database "momentum" does not exist'), { code: "3D000" }),
      URL_WITH_SECRET,
    );
    const unknownHost = explainConnectionError(
      Object.assign(new Error("getaddrinfo ENOTFOUND db.internal"), { code: "ENOTFOUND" }),
      URL_WITH_SECRET,
    );

    expect(auth).toMatchObject({ reason: "auth-failed" });
    expect(auth.message).toBe(
      'PostgreSQL at db.internal:6543 refused the login of user "momentum" (authentication failed): check the user name and password in DATABASE_URL (and pg_hba.conf).',
    );
    expect(missing).toMatchObject({ reason: "database-missing" });
    expect(missing.message).toBe(
      'PostgreSQL at db.internal:6543 has no database "momentum": create it (createdb momentum) or fix the database name in DATABASE_URL.',
    );
    expect(unknownHost).toMatchObject({ reason: "unreachable" });
    for (const error of [auth, missing, unknownHost]) expect(error.message).not.toContain("s3cret");
  });

  it.runIf(process.env.TEST_POSTGRES_URL)(
    "when the database named in the URL does not exist on a real server, opening it says so",
    async () => {
      const url = new URL(process.env.TEST_POSTGRES_URL!);
      url.pathname = "/momentum_no_such_database";

      const opening = openDatabase({ databaseUrl: url.toString(), dataDir: "unused" });

      await expect(opening).rejects.toBeInstanceOf(DatabaseConnectionError);
      await expect(opening).rejects.toMatchObject({ reason: "database-missing" });
    },
  );
});
