// What the architecture tests share: the TypeScript files under a folder (the generated client left out), code with
// its comments removed (a comment that says "never new Date()" is not a read), and the lines that match a rule.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated") return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/** "line N: what" for every line of `code` (comments removed) that matches one of `rules`. */
export function linesMatching(code: string, rules: [RegExp, string][]): string[] {
  return withoutComments(code)
    .split("\n")
    .flatMap((line, index) =>
      rules.filter(([pattern]) => pattern.test(line)).map(([, what]) => `line ${index + 1}: ${what}`),
    );
}
