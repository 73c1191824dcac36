// The real thing, as an operator runs it: `npm start` (the built service under npm) on an embedded data directory.
// SIGTERM (docker stop, systemd, kill) and SIGINT (Ctrl-C) sent to npm or to the node process it started stop the
// service cleanly: "shutting down" and "stopped cleanly" in the log, exit code 0, the directory's lock released.
// A second start on the same directory is refused while the first runs, and a broken DATABASE_URL ends start-up
// with one plain line.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = new URL("../..", import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), "momentum-signals-"));
const running: ChildProcess[] = [];

const baseEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  PORT: "0",
  LOG_LEVEL: "info",
  SCHEDULER_ENABLED: "false",
  MOMENTUM_DATA_DIR: dataDir,
};

interface Started {
  npm: ChildProcess;
  nodePid: number;
  url: string;
  output(): string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnNpmStart(env: Record<string, string | undefined> = {}) {
  const npm = spawn("npm", ["start", "--silent"], {
    cwd: ROOT,
    env: { ...baseEnv, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  running.push(npm);
  let output = "";
  npm.stdout!.on("data", (chunk) => (output += chunk));
  npm.stderr!.on("data", (chunk) => (output += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    npm.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { npm, output: () => output, exit };
}

async function waitFor<T>(
  what: string,
  probe: () => T | undefined,
  output: () => string,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}; output so far:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function startService(): Promise<Started> {
  const { npm, output, exit } = spawnNpmStart();
  let exited = false;
  void exit.then(() => (exited = true));
  const port = await waitFor(
    "the listening line",
    () => {
      if (exited) throw new Error(`npm start exited early:\n${output()}`);
      return output().match(/Momentum is listening on http:\/\/127\.0\.0\.1:(\d+)/)?.[1];
    },
    output,
  );
  // `npm start` execs node in npm's shell, so the service is npm's own child.
  const nodePid = Number(readFileSync(`/proc/${npm.pid}/task/${npm.pid}/children`, "utf8").trim().split(/\s+/)[0]);
  return { npm, nodePid, url: `http://127.0.0.1:${port}`, output, exit };
}

beforeAll(async () => {
  // What `npm install` (prepare) or the first `npm start` (prestart) does: compile when sources changed.
  await new Promise<void>((resolve, reject) =>
    execFile("node", ["scripts/build.mjs", "--if-stale"], { cwd: ROOT }, (error, _out, stderr) =>
      error ? reject(new Error(stderr)) : resolve(),
    ),
  );
}, 300_000);

afterAll(() => {
  for (const child of running)
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start under signals", { timeout: 240_000 }, () => {
  it("while one service runs, a second start on the same directory is refused, naming the running process", async () => {
    const first = await startService();
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);

    const second = spawnNpmStart();
    const { code } = await second.exit;

    expect(code).toBe(1);
    expect(second.output()).toContain(
      `Momentum could not start: The embedded database in ${dataDir} is in use by the Momentum service (pid ${first.nodePid}).`,
    );
    expect(second.output()).not.toMatch(/\n\s+at /);
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200); // the first one is untouched
    process.kill(first.npm.pid!, "SIGTERM");
    expect(await first.exit).toEqual({ code: 0, signal: null });
  });

  it.each([
    ["SIGTERM", "npm"],
    ["SIGINT", "npm"],
    ["SIGTERM", "node"],
    ["SIGINT", "node"],
    ["SIGINT", "the whole process group (Ctrl-C in a terminal)"],
  ] as const)("on %s sent to %s it stops cleanly and exits 0", async (signal, target) => {
    const service = await startService();
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);

    if (target === "npm") process.kill(service.npm.pid!, signal);
    else if (target === "node") process.kill(service.nodePid, signal);
    else process.kill(-service.npm.pid!, signal);
    const exit = await service.exit;

    expect(service.output()).toContain("shutting down");
    expect(service.output()).toContain("stopped cleanly");
    expect(exit).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, "momentum.lock"))).toBe(false);
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
  });

  it("when DATABASE_URL points at nothing, start-up ends with one plain line and exit code 1", async () => {
    const { exit, output } = spawnNpmStart({ DATABASE_URL: "postgres://momentum:s3cret@127.0.0.1:1/momentum" });

    expect((await exit).code).toBe(1);
    expect(output().trim()).toBe(
      "Momentum could not start: Cannot reach PostgreSQL at 127.0.0.1:1 (ECONNREFUSED): check the host and port in DATABASE_URL and that the server is running and accepts connections from here.",
    );
  });

  it("reads .env from the working directory when there is one, and a variable set in the environment wins over it", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "momentum-dotenv-"));
    writeFileSync(join(cwd, ".env"), "DATABASE_URL=postgres://momentum:s3cret@127.0.0.1:1/momentum\nLOG_LEVEL=warn\n");
    const start = (env: Record<string, string> = {}) =>
      new Promise<string>((resolve) =>
        execFile(
          "node",
          [join(ROOT, "dist", "main.js")],
          { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } },
          (_error, _out, stderr) => resolve(stderr),
        ),
      );
    try {
      expect(await start()).toContain("Cannot reach PostgreSQL at 127.0.0.1:1 (ECONNREFUSED)");
      expect(await start({ DATABASE_URL: "postgres://momentum@127.0.0.1:2/momentum" })).toContain(
        "Cannot reach PostgreSQL at 127.0.0.1:2 (ECONNREFUSED)",
      );
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
