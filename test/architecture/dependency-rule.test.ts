import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { linesMatching } from "./source-scan.ts";

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
  return importsOfText(readFileSync(file, "utf8"));
}

function importsOfText(text: string): string[] {
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map(
    (m) => m[1] ?? m[2],
  );
}

const files = sourceFiles(root).map((path) => ({ path: relative(root, path), imports: importsOf(path) }));

function violations(from: string, forbidden: RegExp[]): string[] {
  return files
    .filter((file) => file.path.startsWith(from))
    .flatMap((file) =>
      file.imports
        .filter((spec) => forbidden.some((rule) => rule.test(spec)))
        .map((spec) => `${file.path} imports ${spec}`),
    );
}

/** Imports of the database layer or the generated client, and code that reaches the client or its types. */
const PRISMA_IMPORTS = [/^@prisma\//, /(^|\/)generated\//, /(^|\/)db\//];
const PRISMA_USES: [RegExp, string][] = [
  [/\.prisma\b/, "touches .prisma"],
  [/\bPrismaClient\b/, "names PrismaClient"],
  [/\bPrisma\.[A-Za-z]/, "uses the Prisma namespace"],
];

/** What in one file's text reaches Prisma: forbidden imports and uses, comments left out. */
function prismaUses(path: string, text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const imports = importsOfText(text).filter((spec) => PRISMA_IMPORTS.some((rule) => rule.test(spec)));
  return [
    ...imports.map((spec) => `${path} imports ${spec}`),
    ...PRISMA_USES.filter(([rule]) => rule.test(code)).map(([, what]) => `${path} ${what}`),
  ];
}

describe("the dependency rule", () => {
  it("keeps platform SDKs, platforms, jobs and deliveries out of the domain", () => {
    expect(
      violations("domain/", [
        /^@slack\//,
        /^botbuilder/,
        /^botframework/,
        /\/platforms\//,
        /\/jobs\//,
        /\/deliveries\//,
        /^express$/,
        /\/service\.ts$/,
      ]),
    ).toEqual([]);
  });

  it("keeps Slack and Teams adapters independent of each other", () => {
    expect(violations("platforms/slack/", [/^botbuilder/, /^botframework/, /\/teams\//])).toEqual([]);
    expect(violations("platforms/teams/", [/^@slack\//, /\/slack\//])).toEqual([]);
  });

  it("keeps jobs and deliveries free of platform SDKs (they talk to the Notifier port)", () => {
    expect(violations("jobs/", [/^@slack\//, /^botbuilder/, /\/platforms\//])).toEqual([]);
    expect(violations("deliveries/", [/^@slack\//, /^botbuilder/, /\/platforms\//])).toEqual([]);
  });

  it("finds Prisma in a platform file however it gets there (the check itself can fail)", () => {
    expect(prismaUses("a.ts", 'import { PrismaClient } from "@prisma/client";')).toEqual([
      "a.ts imports @prisma/client",
      "a.ts names PrismaClient",
    ]);
    expect(prismaUses("a.ts", 'import type { Tx } from "../../generated/prisma/client.ts";')).toEqual([
      "a.ts imports ../../generated/prisma/client.ts",
    ]);
    expect(prismaUses("a.ts", 'import { Prisma } from "../../db/database.ts";\nconst where = Prisma.sql``;')).toEqual([
      "a.ts imports ../../db/database.ts",
      "a.ts uses the Prisma namespace",
    ]);
    expect(prismaUses("a.ts", "await deps.domain.prisma.person.findMany({});")).toEqual(["a.ts touches .prisma"]);
    expect(
      prismaUses("a.ts", "// never deps.domain.prisma here\nawait listKnownTeamsPeople(deps.domain, options);"),
    ).toEqual([]);
  });

  it("keeps Prisma out of the platforms: only domain use cases touch the database", () => {
    const offenders = files
      .filter((file) => file.path.startsWith("platforms/"))
      .flatMap((file) => prismaUses(file.path, readFileSync(join(root, file.path), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("keeps platform markup out of the domain's messages: a Slack mention is written by the Slack adapter", () => {
    const writers = files
      .filter((file) => file.path.startsWith("domain/"))
      .flatMap((file) =>
        linesMatching(readFileSync(join(root, file.path), "utf8"), [[/<@\$\{|<!(channel|here)>/, "Slack markup"]]).map(
          (line) => `${file.path} ${line}`,
        ),
      );
    expect(writers).toEqual([]);
  });

  it("reads the environment only in config and the entry points", () => {
    const readers = files
      .filter((file) => /process\.env/.test(readFileSync(join(root, file.path), "utf8")))
      .map((file) => file.path)
      .filter((path) => !["config/env.ts"].includes(path));
    expect(readers).toEqual([]);
  });
});
