// P5: `npm start` until /readyz answers 200, on the embedded database, after the first initdb (which is timed
// separately). The figure a newcomer feels on every restart.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { round } from "./support/load.ts";
import { startChild } from "./support/processes.ts";

export async function runP5(port: number, runs = 3) {
  const dataDir = mkdtempSync(join(tmpdir(), "momentum-p5-"));
  const env = { MOMENTUM_DATA_DIR: dataDir, DATABASE_URL: "", NODE_ENV: "production", LOG_LEVEL: "warn", SCHEDULER_ENABLED: "false" };
  try {
    const first = await startChild("npm", ["start", "--silent"], env, port, 120_000);
    await first.stop();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const child = await startChild("npm", ["start", "--silent"], env, port);
      times.push(child.readyMs);
      await child.stop();
    }
    times.sort((a, b) => a - b);
    return { firstStartWithInitdbMs: Math.round(first.readyMs), restartToReadyMs: times.map(Math.round), medianMs: Math.round(times[Math.floor(times.length / 2)]), targetMs: 3000, medianSeconds: round(times[Math.floor(times.length / 2)] / 1000) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
