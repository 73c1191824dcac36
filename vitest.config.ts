import { execFileSync } from "node:child_process";
import { defineConfig } from "vitest/config";

// The database tests run twice: on the embedded database (PGlite) and on PostgreSQL. When TEST_POSTGRES_URL is
// not given, a throwaway local cluster is started (scripts/test-postgres.sh); CI does the same in .ci/run.
function postgresUrl(): string | undefined {
  if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL;
  if (process.env.MOMENTUM_SKIP_POSTGRES === "1") return undefined;
  try {
    const url = execFileSync("bash", ["scripts/test-postgres.sh"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim();
    process.env.TEST_POSTGRES_URL = url;
    return url;
  } catch {
    console.warn("PostgreSQL is not available: running the embedded-database project only.");
    return undefined;
  }
}

const pgUrl = postgresUrl();
// Tests that touch the database and do not depend on which platform drives them run on both databases.
const databaseTests = [
  "test/db/**/*.test.ts",
  "test/domain/**/*.test.ts",
  "test/deliveries/**/*.test.ts",
  "test/jobs/**/*.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "embedded",
          include: ["test/**/*.test.ts"],
          exclude: ["test/reliability/**"],
          env: { MOMENTUM_TEST_DB: "embedded" },
        },
      },
      ...(pgUrl
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: databaseTests,
                env: { MOMENTUM_TEST_DB: "postgres", TEST_POSTGRES_URL: pgUrl },
              },
            },
          ]
        : []),
    ],
  },
});
