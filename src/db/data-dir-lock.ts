// One owner of the embedded database. PGlite is PostgreSQL in one process: a second process opening the same
// directory does not fail, it silently keeps its own copy and one of the two loses its writes. So whoever opens
// the directory first (the service, a CLI command, db:migrate) creates `momentum.lock` with its pid, and every
// other opener is refused with a sentence naming that process. A lock whose pid is no longer alive (a killed
// process, a reboot) is stale and taken over.
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";

export const LOCK_FILE = "momentum.lock";

export interface LockHolder {
  pid: number;
  host: string;
  /** What holds it, in words: "the Momentum service", "momentum people set-role" … */
  role: string;
}

/** The directory is in use by a live process; the message says which one and what to do. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by ${holder.role} (pid ${holder.pid}${holder.host === hostname() ? "" : ` on ${holder.host}`}). ` +
        "Only one process can open it: stop that process first (then run this again), " +
        "or set DATABASE_URL to a PostgreSQL database to run the service, the CLI and several instances side by side." +
        (holder.host === hostname()
          ? ""
          : ` If nothing on ${holder.host} uses it any more (a replaced container), delete ${join(dataDir, LOCK_FILE)}.`),
    );
    this.name = "DataDirInUseError";
  }
}

export interface DataDirLock {
  path: string;
  release(): void;
}

/** Directories this process holds: its own pid in a lock file it does not hold is an earlier life (PID 1 in a container). */
const heldHere = new Set<string>();

/** What the current process is, for the lock file: set by each entry point before it opens the database. */
let processRole = "a Momentum process";
export function describeThisProcess(role: string): void {
  processRole = role;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(resolve(dataDir), LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, host: hostname(), role: processRole };
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, "wx"); // exclusive create: of two processes racing here, exactly one succeeds
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = readHolder(path);
      if (current && (heldHere.has(path) || (current.pid !== process.pid && isAlive(current))))
        throw new DataDirInUseError(resolve(dataDir), current);
      // Stale (its process is gone) or unreadable (a crash between create and write): take it over, once.
      if (attempt > 0)
        throw new DataDirInUseError(resolve(dataDir), current ?? { pid: 0, host: hostname(), role: "another process" });
      removeStaleLock(path, dataDir);
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(holder)}\n`);
    } finally {
      closeSync(fd);
    }
    break;
  }
  heldHere.add(path);
  let released = false;
  // A process.exit() that skips close() must not leave a lock behind that looks alive (its pid may be reused).
  const onExit = () => release();
  function release() {
    if (released) return;
    released = true;
    heldHere.delete(path);
    process.off("exit", onExit);
    const current = readHolder(path);
    if (current && current.pid === process.pid && current.host === holder.host) rmSync(path, { force: true });
  }
  process.on("exit", onExit);
  return { path, release };
}

/**
 * Two processes may find the same stale lock at once; if one had already replaced it with its own, a plain delete by
 * the other would remove a live lock. So the file is moved aside (atomic: one mover wins), and if what was moved
 * turns out to belong to a live process it is put back and this process is refused.
 */
function removeStaleLock(path: string, dataDir: string): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // someone else moved it: try to create again
    throw error;
  }
  const moved = readHolder(aside);
  if (moved && moved.pid !== process.pid && isAlive(moved)) {
    try {
      linkSync(aside, path); // put it back, unless yet another process holds the name by now
    } catch {
      // that process holds the directory instead: refused all the same
    }
    rmSync(aside, { force: true });
    throw new DataDirInUseError(resolve(dataDir), moved);
  }
  rmSync(aside, { force: true });
}

export function readHolder(path: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<LockHolder>;
    if (typeof parsed.pid !== "number") return undefined;
    return { pid: parsed.pid, host: parsed.host ?? hostname(), role: parsed.role ?? "another Momentum process" };
  } catch {
    return undefined;
  }
}

function isAlive(holder: LockHolder): boolean {
  // A lock from another machine (a shared volume) cannot be checked from here: treat it as held.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, owned by another user
  }
}
