#!/usr/bin/env node
// `npm run build`: generates the Prisma client when the schema changed, then compiles src/ (the generated client
// included) to dist/ with plain tsc. `--if-stale` (prepare, prestart, premomentum) builds only when a source is
// newer than the last build, so `npm install && npm start` on a fresh clone runs the built service and a code
// change is never served stale. Plain JavaScript: it must run before anything is compiled, and on a production
// install (`npm ci --omit=dev`) where neither TypeScript nor the Prisma CLI exists, it keeps the existing dist/.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const at = (...parts) => join(root, ...parts);
const STAMP = at("dist", ".build-stamp");
const GENERATED = at("src", "generated", "prisma", "client.ts");
const SCHEMA = at("prisma", "schema.prisma");
const ifStale = process.argv.includes("--if-stale");
const say = (line) => process.stderr.write(`${line}\n`);

/** Newest modification time under a path (files only), 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function run(bin, args, env = {}) {
  const result = spawnSync(at("node_modules", ".bin", bin), args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const hasTsc = existsSync(at("node_modules", ".bin", "tsc"));
const hasPrisma = existsSync(at("node_modules", ".bin", "prisma"));
const hasSources = existsSync(at("src", "main.ts"));

if (!hasSources) process.exit(0); // a deployed image: dist/ is all there is
const clientStale = !existsSync(GENERATED) || newest(SCHEMA) > newest(GENERATED);
if (clientStale) {
  if (hasPrisma)
    run("prisma", ["generate", "--no-hints"], { PRISMA_SCHEMA_ENGINE_BINARY: at("tools", "schema-engine-offline") });
  else if (!existsSync(at("dist", "generated"))) {
    say(
      "The Prisma client is not generated and the prisma CLI is not installed: run `npm install` (with dev dependencies) once, then build.",
    );
    process.exit(1);
  }
}

const inputs = Math.max(
  newest(at("src")),
  newest(SCHEMA),
  newest(at("tsconfig.json")),
  newest(at("tsconfig.build.json")),
);
if (ifStale && existsSync(STAMP) && newest(STAMP) >= inputs) process.exit(0);
if (!hasTsc) {
  if (existsSync(at("dist", "main.js"))) {
    if (ifStale)
      say("dist/ is older than src/ but TypeScript is not installed (production install): running the existing build.");
    process.exit(0);
  }
  say("dist/ is missing and TypeScript is not installed: run `npm run build` where dev dependencies are installed.");
  process.exit(1);
}
if (ifStale)
  say(
    existsSync(STAMP)
      ? "Sources changed since the last build: compiling to dist/ …"
      : "First start: compiling to dist/ …",
  );
// The stamp carries the time the build started, so a file saved while tsc ran still counts as newer.
const started = new Date();
run("tsc", ["-p", "tsconfig.build.json"]);
writeFileSync(STAMP, `${started.toISOString()}\n`);
utimesSync(STAMP, started, started);
