// `npx tsx bench/support/summarise-profile.ts <file.cpuprofile>`: where a V8 CPU profile's time went, as text —
// self time by package (node_modules/<name>, node internals, Momentum's src/) and the top functions.
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function packageOf(url: string): string {
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return modules[1];
  const src = url.match(/\/(src|bench|test)\/(.*?)\/?[^/]*$/);
  if (src) return `${src[1]}/${src[2].split("/").slice(0, 2).join("/")}`;
  if (url.startsWith("node:")) return "node internals";
  return url === "" ? "(native, gc, idle)" : url;
}

export function summariseProfile(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByFunction = new Map<string, number>();
  const selfByPackage = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const frame = byId.get(id)!.callFrame;
    total += micros;
    const fn = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/.*node_modules\//, "")}:${frame.lineNumber + 1}`;
    selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + micros);
    const pkg = frame.functionName === "(idle)" ? "(idle)" : packageOf(frame.url);
    selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + micros);
  });
  const lines = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => `  ${((micros / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  return [
    `${(total / 1e6).toFixed(1)} s sampled`,
    "self time by package:",
    ...lines(selfByPackage),
    "self time by function:",
    ...lines(selfByFunction),
  ].join("\n");
}

if (process.argv[1]?.endsWith("summarise-profile.ts")) process.stdout.write(`${summariseProfile(process.argv[2])}\n`);
