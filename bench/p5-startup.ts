// P5: restart until /readyz answers 200, on the embedded database, after the first initdb (timed separately). The
// figure a newcomer feels on every restart. Three ways of starting, alternated run by run so that a busy machine
// weighs on all of them alike: `npm start` (the built service: prestart's staleness check, then node dist/main.js),
// `node dist/main.js` alone (what the container runs), and the old way, TypeScript through tsx, as the baseline.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { round } from "./support/load.ts";
import { startChild, TSX } from "./support/processes.ts";

const VARIANTS = {
  "npm start (built)": ["npm", ["start", "--silent"]],
  "node dist/main.js": ["node", ["dist/main.js"]],
  "tsx src/main.ts (baseline)": ["node", [...TSX, "src/main.ts"]],
} as const satisfies Record<string, readonly [string, readonly string[]]>;
type Variant = keyof typeof VARIANTS;

export async function runP5(port: number, runs = 5) {
  const dataDir = mkdtempSync(join(tmpdir(), "momentum-p5-"));
  const env = {
    MOMENTUM_DATA_DIR: dataDir,
    DATABASE_URL: "",
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    SCHEDULER_ENABLED: "false",
  };
  try {
    execFileSync("node", ["scripts/build.mjs", "--if-stale"], { stdio: "inherit" }); // a build is not a restart
    const first = await startChild("npm", ["start", "--silent"], env, port, 120_000);
    await first.stop();
    const times = Object.fromEntries(Object.keys(VARIANTS).map((name) => [name, [] as number[]])) as Record<
      Variant,
      number[]
    >;
    for (let i = 0; i < runs; i++) {
      for (const name of Object.keys(VARIANTS) as Variant[]) {
        const [command, args] = VARIANTS[name];
        const child = await startChild(command, [...args], env, port);
        times[name].push(child.readyMs);
        await child.stop();
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const baseline = median(times["tsx src/main.ts (baseline)"]);
    const built = median(times["npm start (built)"]);
    return {
      firstStartWithInitdbMs: Math.round(first.readyMs),
      restartToReadyMs: Object.fromEntries(
        Object.entries(times).map(([name, values]) => [
          name,
          { runs: values.map(Math.round), medianMs: Math.round(median(values)) },
        ]),
      ),
      targetMs: 1500,
      builtMedianSeconds: round(built / 1000),
      builtVsTsx: round(built / baseline),
      loadAverage: execFileSync("cat", ["/proc/loadavg"], { encoding: "utf8" }).trim(),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
