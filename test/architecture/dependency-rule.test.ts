import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// The dependency rule of ARCHITECTURE.md: the domain knows nothing of chat platforms, jobs or deliveries;
// platforms and jobs depend on the domain, never on each other.
const root = new URL("../../src", import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated") return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
}

const files = sourceFiles(root).map((path) => ({ path: relative(root, path), imports: importsOf(path) }));

function violations(from: string, forbidden: RegExp[]): string[] {
  return files
    .filter((file) => file.path.startsWith(from))
    .flatMap((file) => file.imports.filter((spec) => forbidden.some((rule) => rule.test(spec))).map((spec) => `${file.path} imports ${spec}`));
}

describe("the dependency rule", () => {
  it("keeps platform SDKs, platforms, jobs and deliveries out of the domain", () => {
    expect(violations("domain/", [/^@slack\//, /^botbuilder/, /^botframework/, /\/platforms\//, /\/jobs\//, /\/deliveries\//, /^express$/, /\/service\.ts$/])).toEqual([]);
  });

  it("keeps Slack and Teams adapters independent of each other", () => {
    expect(violations("platforms/slack/", [/^botbuilder/, /^botframework/, /\/teams\//])).toEqual([]);
    expect(violations("platforms/teams/", [/^@slack\//, /\/slack\//])).toEqual([]);
  });

  it("keeps jobs and deliveries free of platform SDKs (they talk to the Notifier port)", () => {
    expect(violations("jobs/", [/^@slack\//, /^botbuilder/, /\/platforms\//])).toEqual([]);
    expect(violations("deliveries/", [/^@slack\//, /^botbuilder/, /\/platforms\//])).toEqual([]);
  });

  it("reads the environment only in config and the entry points", () => {
    const readers = files
      .filter((file) => /process\.env/.test(readFileSync(join(root, file.path), "utf8")))
      .map((file) => file.path)
      .filter((path) => !["config/env.ts"].includes(path));
    expect(readers).toEqual([]);
  });
});
