// A real Momentum process (`node --import tsx src/main.ts`) for the fleet, outage and soak tests: the same entry
// point production runs, configured only through its environment. Its JSON log lines are kept (bounded) so tests
// can count crashes and unhandled rejections.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

export interface ChildService {
  name: string;
  process: ChildProcess;
  pid: number;
  url: string;
  /** Parsed JSON log lines (the last 5,000). */
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
  /** The last 4,000 characters the process wrote to stderr (crash traces). */
  stderr(): string;
  /** Log lines whose msg matches. */
  count(msg: RegExp): number;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Resident memory and open file descriptors, from /proc. */
  sample(): { rssBytes: number; fds: number };
}

const MAX_LOGS = 5000;

export async function startChildService(
  name: string,
  env: Record<string, string>,
  options: { nodeArgs?: string[]; readyTimeoutMs?: number } = {},
): Promise<ChildService> {
  // A port chosen here rather than PORT=0: the process may log only warnings, so its address is not in its logs.
  const port = await freePort();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", "src/main.ts"], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = "";
  let buffered = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.trim()) continue;
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line);
      } catch {
        entry = { msg: line };
      }
      logs.push(entry);
      if (logs.length > MAX_LOGS) logs.splice(0, logs.length - MAX_LOGS);
    }
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const timeout = options.readyTimeoutMs ?? 60_000;
  const url = `http://127.0.0.1:${port}`;
  const listening = waitFor(async () => (await httpStatus(`${url}/healthz`, 1000)) === 200, timeout, 100);
  await Promise.race([
    listening.then((ok) =>
      ok ? undefined : Promise.reject(new Error(`${name} did not listen within ${timeout} ms:\n${stderr}`)),
    ),
    exited.then((code) => Promise.reject(new Error(`${name} exited (${code}) before listening:\n${stderr}`))),
  ]);
  return {
    name,
    process: child,
    pid: child.pid!,
    url,
    logs,
    exited,
    stderr: () => stderr,
    count: (msg) => logs.filter((entry) => msg.test(String(entry.msg ?? ""))).length,
    async kill(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000).unref())]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
    },
    sample() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      let fds: number;
      try {
        fds = readdirSync(`/proc/${child.pid}/fd`).length;
      } catch {
        fds = -1;
      }
      return { rssBytes: rssKb * 1024, fds };
    },
  };
}

/** Polls `check` until it returns true, at most `timeoutMs`; returns whether it did. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 200,
): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return check();
}

export async function httpStatus(url: string, timeoutMs = 3000): Promise<number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
