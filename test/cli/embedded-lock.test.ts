// One owner of the embedded database: PGlite is single-process, and a second process on the same directory used to
// succeed and silently lose its writes. These tests hold the directory the way a running service does (a lock file
// naming a live process) and check that every other opener is refused with a sentence that says what to do.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { DataDirInUseError, LOCK_FILE } from "../../src/db/data-dir-lock.ts";
import { openDatabase } from "../../src/db/database.ts";

const dir = mkdtempSync(join(tmpdir(), "momentum-lock-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], dataDir: string) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(
    argv,
    { out: (line) => stdout.push(line), err: (line) => stderr.push(line) },
    { env: { MOMENTUM_DATA_DIR: dataDir } },
  );
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

/** A live process that is not this one, standing in for a running service. */
function liveProcess(): number {
  const child = spawn("sleep", ["120"], { stdio: "ignore" });
  children.push(child);
  return child.pid!;
}

async function deadPid(): Promise<number> {
  const child = spawn("true", [], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
}

function holdAs(dataDir: string, pid: number, role: string) {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), role }));
}

describe("the embedded database has one owner", () => {
  it("when the service holds the directory, a CLI write and a CLI read are both refused with who holds it and what to do, and nothing is opened", async () => {
    const dataDir = join(dir, "held");
    const servicePid = liveProcess();
    holdAs(dataDir, servicePid, "the Momentum service");

    const write = await run(["people", "set-role", "ada@example.com", "hr"], dataDir);
    const read = await run(["people", "export"], dataDir);

    for (const result of [write, read]) {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `The embedded database in ${dataDir} is in use by the Momentum service (pid ${servicePid}).`,
      );
      expect(result.stderr).toContain("stop that process first");
      expect(result.stderr).toContain("set DATABASE_URL to a PostgreSQL database");
      expect(result.stderr).not.toMatch(/\n\s+at /); // one sentence, no stack
    }
    expect(existsSync(join(dataDir, "pglite"))).toBe(false); // the database files were never touched
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), "utf8")).pid).toBe(servicePid); // the holder keeps its lock
  });

  it(
    "when the process named in the lock has died, the lock is taken over and released again afterwards",
    { timeout: 120_000 },
    async () => {
      const dataDir = join(dir, "stale");
      holdAs(dataDir, await deadPid(), "the Momentum service");

      const result = await run(["people", "export"], dataDir);

      expect(result.code).toBe(0);
      expect(result.stdout.split("\n")[0]).toMatch(/^email,name,manager_email,role,timezone\b/); // the export's header: it ran
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    },
  );

  it(
    "while one opener holds the directory a second one in the same process is refused; once it closes, the next one opens",
    { timeout: 120_000 },
    async () => {
      const dataDir = join(dir, "stale"); // created by the test above
      const first = await openDatabase({ dataDir });
      try {
        const lock = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), "utf8"));
        expect(lock.pid).toBe(process.pid);
        await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
      } finally {
        await first.close();
      }
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
      const next = await openDatabase({ dataDir });
      await next.close();
    },
  );
});
