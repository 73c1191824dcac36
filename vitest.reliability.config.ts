import { execFileSync } from "node:child_process";
import { defineConfig } from "vitest/config";

// The reliability suite (issue 7, R1–R8): `npm run test:reliability`, run by .ci/run after `npm test`. One file at a
// time on purpose: R3, R5 and R8 measure whole processes and must not compete with each other for the two cores.
// In-process tests use the embedded database; the multi-process ones need PostgreSQL and skip without it.
function postgresUrl(): string | undefined {
  if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL;
  if (process.env.MOMENTUM_SKIP_POSTGRES === "1") return undefined;
  try {
    return execFileSync("bash", ["scripts/test-postgres.sh"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim();
  } catch {
    console.warn("PostgreSQL is not available: R3, R5 and R8 are skipped.");
    return undefined;
  }
}

const pgUrl = postgresUrl();

export default defineConfig({
  test: {
    name: "reliability",
    include: ["test/reliability/**/*.test.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
    env: { MOMENTUM_TEST_DB: "embedded", ...(pgUrl ? { TEST_POSTGRES_URL: pgUrl } : {}) },
  },
});
