// The Teams app package: the manifest validates against the official schema bundled by @microsoft/app-manifest
// (offline), its command list is exactly what the bot answers, and the icons have the sizes Teams requires.
import { readFileSync } from "node:fs";
import { AppManifestUtils } from "@microsoft/app-manifest";
import { describe, expect, test } from "vitest";
import { HELP_COMMANDS } from "../../../src/platforms/teams/cards/help-card.ts";
import { commandFor } from "../../../src/platforms/teams/handlers/message-commands.ts";

const manifestDir = new URL("../../../manifests/teams/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("manifest.json", manifestDir), "utf8"));

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(new URL(file, manifestDir));
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("Teams app manifest", () => {
  test("validates against the bundled v1.17 schema with no errors", async () => {
    expect(manifest.manifestVersion).toBe("1.17");
    expect(await AppManifestUtils.validateAgainstSchema(manifest)).toEqual([]);
  });

  test("when the manifest is broken, the validator says so (the check can fail)", async () => {
    const broken = { ...manifest, id: "not-a-guid", bots: [{ ...manifest.bots[0], scopes: ["everywhere"] }] };
    expect((await AppManifestUtils.validateAgainstSchema(broken)).length).toBeGreaterThan(0);
  });

  test("the bot works in personal chats, teams and group chats", () => {
    expect(manifest.bots[0].scopes.sort()).toEqual(["groupChat", "personal", "team"]);
  });

  test("every command in the menu and in the help card is one the bot handles, and the menu is a subset of the help", () => {
    const listed = manifest.bots[0].commandLists.flatMap((list: { commands: { title: string }[] }) =>
      list.commands.map((command) => command.title),
    );
    const helped = HELP_COMMANDS.map((command) => command.title);
    // Teams allows at most 10 commands per menu; the help card has room for all of them.
    for (const list of manifest.bots[0].commandLists) expect(list.commands.length).toBeLessThanOrEqual(10);
    expect(listed.filter((title: string) => !helped.includes(title as never))).toEqual([]);
    for (const title of [...listed, ...helped]) expect(commandFor(title, 0).command).not.toBe("unknown");
    expect(commandFor("kudos leaderboard", 0).command).toBe("kudos-leaderboard");
    expect(commandFor("kudos", 0).command).toBe("kudos-form");
    expect(commandFor("help", 0).command).toBe("help");
  });

  test("the icons are real PNGs of the sizes Teams requires (192×192 colour, 32×32 outline)", () => {
    expect(pngSize(manifest.icons.color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(manifest.icons.outline)).toEqual({ width: 32, height: 32 });
  });
});
