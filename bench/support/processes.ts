// Child processes for the benchmarks: the real service (`npm start` or node + tsx on src/main.ts), the floor
// processes it is compared with, and resident-memory sampling from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

export interface Child {
  process: ChildProcess;
  url: string;
  stop(): Promise<void>;
  /** Resident set size of the process tree in MiB. */
  rssMiB(): number;
}

const ROOT = new URL("../..", import.meta.url).pathname;

export async function startChild(
  command: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  timeoutMs = 60_000,
): Promise<Child & { readyMs: number }> {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk) => {
    output = (output + chunk).slice(-4000);
    if (process.env.BENCH_ECHO) process.stderr.write(chunk);
  });
  child.stderr!.on("data", (chunk) => (output = (output + chunk).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(" ")} exited early:\n${output}`);
    if (Date.now() > deadline) {
      killTree(child);
      throw new Error(`${command} ${args.join(" ")} was not ready within ${timeoutMs} ms:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  const readyMs = performance.now() - started;
  return {
    process: child,
    url,
    readyMs,
    rssMiB: () => treeRssMiB(child.pid!),
    stop: async () => {
      killTree(child, "SIGTERM");
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null) killTree(child, "SIGKILL");
    },
  };
}

function killTree(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** Sum of VmRSS over a process and all its descendants (npm → sh → node). */
export function treeRssMiB(rootPid: number): number {
  let total = 0;
  for (const pid of descendants(rootPid)) {
    try {
      const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
      if (match) total += Number(match[1]);
    } catch {
      // exited between listing and reading
    }
  }
  return Math.round(total / 1024);
}

function descendants(pid: number): number[] {
  const result = [pid];
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    for (const child of children) result.push(...descendants(child));
  } catch {
    // no such process
  }
  return result;
}

/** Samples a child's RSS every 100 ms while `work` runs; returns the peak. */
export async function peakRssDuring<T>(child: Child, work: () => Promise<T>): Promise<{ result: T; peakMiB: number }> {
  let peak = child.rssMiB();
  const timer = setInterval(() => (peak = Math.max(peak, child.rssMiB())), 100);
  try {
    const result = await work();
    return { result, peakMiB: Math.max(peak, child.rssMiB()) };
  } finally {
    clearInterval(timer);
  }
}

export const TSX = ["--import", "tsx"];
