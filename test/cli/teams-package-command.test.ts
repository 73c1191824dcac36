// `momentum teams package`: the zip an admin uploads to Teams, built from manifests/teams with this installation's
// ids and host, checked against Microsoft's schema; no hand editing, and the same Teams app on every run.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { manifestProblems, teamsManifest } from "../../src/platforms/teams/app-package.ts";

const dir = mkdtempSync(join(tmpdir(), "momentum-teams-package-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BOT_ID = "6F1C2D3E-4A5B-4C6D-8E9F-0A1B2C3D4E5F";
const teamsDir = new URL("../../manifests/teams/", import.meta.url);

async function run(argv: string[], dataDir: string) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(
    ["teams", "package", ...argv],
    { out: (line) => stdout.push(line), err: (line) => stderr.push(line) },
    { env: { MOMENTUM_DATA_DIR: dataDir } },
  );
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

function unzip(path: string) {
  const files = unzipSync(readFileSync(path));
  return {
    names: Object.keys(files).sort(),
    files,
    manifest: JSON.parse(new TextDecoder().decode(files["manifest.json"])),
  };
}

function pngSize(bytes: Uint8Array) {
  const buffer = Buffer.from(bytes);
  expect(buffer.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

describe("momentum teams package", () => {
  it("writes a zip with manifest.json and both icons at its root, the bot id and host filled in", async () => {
    const dataDir = join(dir, "data-zip");
    const out = join(dir, "momentum-teams.zip");
    const result = await run(["--app-id", BOT_ID, "--host", "momentum.example.com", "--out", out], dataDir);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Wrote ${out}`);
    const zip = unzip(out);
    expect(zip.names).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(zip.manifest.bots[0].botId).toBe(BOT_ID.toLowerCase());
    expect(zip.manifest.validDomains).toEqual(["token.botframework.com", "momentum.example.com"]);
    expect(zip.manifest.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(zip.manifest.id).not.toBe("00000000-0000-0000-0000-000000000000");
    expect(await manifestProblems(zip.manifest)).toEqual([]);
    expect(pngSize(zip.files["color.png"])).toEqual({ width: 192, height: 192 });
    expect(pngSize(zip.files["outline.png"])).toEqual({ width: 32, height: 32 });
    expect(Buffer.from(zip.files["color.png"]).equals(readFileSync(new URL("color.png", teamsDir)))).toBe(true);
  });

  it("keeps the Teams app GUID in the data directory: two runs with the same data dir build the same app, another data dir a new one", async () => {
    const dataDir = join(dir, "data-stable");
    const first = join(dir, "first.zip");
    const second = join(dir, "second.zip");
    expect((await run(["--app-id", BOT_ID, "--host", "a.example.com", "--out", first], dataDir)).code).toBe(0);
    expect((await run(["--app-id", BOT_ID, "--host", "b.example.com", "--out", second], dataDir)).code).toBe(0);

    const id = unzip(first).manifest.id;
    expect(unzip(second).manifest.id).toBe(id);
    expect(JSON.parse(readFileSync(join(dataDir, "teams-app.json"), "utf8"))).toEqual({ appId: id });
    const other = join(dir, "other.zip");
    expect((await run(["--app-id", BOT_ID, "--host", "a.example.com", "--out", other], join(dir, "x"))).code).toBe(0);
    expect(unzip(other).manifest.id).not.toBe(id);
  });

  it("with --print, prints the manifest and writes no zip", async () => {
    const dataDir = join(dir, "data-print");
    const out = join(dir, "not-written.zip");
    const result = await run(["--app-id", BOT_ID, "--host", "momentum.example.com", "--print", "--out", out], dataDir);

    expect(result.code).toBe(0);
    const manifest = JSON.parse(result.stdout);
    expect(manifest.manifestVersion).toBe("1.17");
    expect(manifest.bots[0].botId).toBe(BOT_ID.toLowerCase());
    expect(manifest.id).toBe(JSON.parse(readFileSync(join(dataDir, "teams-app.json"), "utf8")).appId);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [["--app-id", "my-bot", "--host", "momentum.example.com"], /--app-id must be a GUID/],
    [["--app-id", "00000000-0000-0000-0000-000000000000", "--host", "m.example.com"], /not the all-zero placeholder/],
    [["--app-id", BOT_ID, "--host", "https://momentum.example.com"], /--host must be a host name without https:\/\//],
    [["--app-id", BOT_ID, "--host", "momentum.example.com/api/messages"], /--host must be a host name without a path/],
    [["--app-id", BOT_ID, "--host", "momentum.example.com:3978"], /--host must be a public host name .*no port/],
    [["--host", "momentum.example.com"], /--app-id is required/],
    [["--app-id", BOT_ID, "--host", "m.example.com", "--colour", "red"], /unknown argument --colour/],
  ])("refuses %j with a clear message, exit code 2 and nothing written", async (argv, message) => {
    const dataDir = join(dir, `data-refused-${Math.random().toString(36).slice(2)}`);
    const out = join(dataDir, "refused.zip");
    const result = await run([...argv, "--out", out], dataDir);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Usage: npm run momentum -- teams");
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dataDir, "teams-app.json"))).toBe(false);
  });

  it("when the manifest would break Microsoft's schema, the schema check says so (it can fail)", async () => {
    const manifest = teamsManifest({ appId: "not-a-guid", botId: BOT_ID, host: "m.example.com" });
    expect((await manifestProblems(manifest)).join("\n")).toMatch(/\/id/);
    const tooManyDomains = { ...manifest, id: BOT_ID, validDomains: Array.from({ length: 17 }, (_, i) => `d${i}.com`) };
    expect((await manifestProblems(tooManyDomains)).join("\n")).toMatch(/validDomains/);
  });
});
