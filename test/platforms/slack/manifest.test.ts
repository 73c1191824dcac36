import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BOT_EVENTS, SLASH_COMMANDS } from "../../../src/platforms/slack/listeners/index.ts";
import { INSTALLATION_EVENTS } from "../../../src/platforms/slack/listeners/events/installation-events.ts";
import { SLACK_BOT_SCOPES } from "../../../src/platforms/slack/scopes.ts";

interface Manifest {
  features: {
    slash_commands: { command: string; url: string; should_escape: boolean }[];
    app_home?: { home_tab_enabled?: boolean };
  };
  oauth_config: { scopes: { bot: string[] }; redirect_urls?: string[] };
  settings: {
    event_subscriptions?: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
}

const manifest = parse(readFileSync(new URL("../../../manifests/slack.yaml", import.meta.url), "utf8")) as Manifest;

describe("manifests/slack.yaml", () => {
  it("declares exactly the slash commands the code registers, each escaping mentions and pointing at /slack/events", () => {
    expect(manifest.features.slash_commands.map((command) => command.command).sort()).toEqual(
      Object.keys(SLASH_COMMANDS).sort(),
    );
    for (const command of manifest.features.slash_commands) {
      expect(command.should_escape).toBe(true);
      expect(command.url).toBe("https://YOUR-HOST/slack/events");
    }
  });

  it("subscribes to exactly the bot events the code handles, and enables the Home tab it publishes", () => {
    expect(manifest.settings.event_subscriptions?.bot_events.sort()).toEqual(
      [...Object.keys(BOT_EVENTS), ...INSTALLATION_EVENTS].sort(),
    );
    expect(manifest.settings.event_subscriptions?.request_url).toBe("https://YOUR-HOST/slack/events");
    expect(manifest.features.app_home?.home_tab_enabled).toBe(true);
  });

  it("sends interactivity (the kudos modal) to /slack/events and asks for the scopes the adapter calls need", () => {
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: "https://YOUR-HOST/slack/events",
    });
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      "channels:history",
      "channels:join",
      "channels:read",
      "chat:write",
      "chat:write.public",
      "commands",
      "groups:history",
      "groups:read",
      "im:history",
      "im:write",
      "users:read",
      "users:read.email",
    ]);
  });

  it("gives OAuth installs the redirect URL Momentum serves and the same bot scopes an install asks for", () => {
    expect(manifest.oauth_config.redirect_urls).toEqual(["https://YOUR-HOST/slack/oauth_redirect"]);
    expect([...SLACK_BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });
});

describe("manifests/slack-socket-mode.yaml", () => {
  const socket = parse(readFileSync(new URL("../../../manifests/slack-socket-mode.yaml", import.meta.url), "utf8"));

  it("is the same app as slack.yaml with Socket Mode on and no Request URL or OAuth redirect anywhere", () => {
    expect(socket.settings.socket_mode_enabled).toBe(true);
    const withoutUrls = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(withoutUrls)
        : value && typeof value === "object"
          ? Object.fromEntries(
              Object.entries(value)
                // Socket Mode serves one workspace with a bot token: no OAuth installs, so no redirect URL.
                .filter(([key]) => !["url", "request_url", "redirect_urls", "socket_mode_enabled"].includes(key))
                .map(([key, inner]) => [key, withoutUrls(inner)]),
            )
          : value;
    expect(JSON.stringify(socket)).not.toContain("YOUR-HOST");
    const http = parse(readFileSync(new URL("../../../manifests/slack.yaml", import.meta.url), "utf8"));
    expect(withoutUrls(socket)).toEqual(withoutUrls(http));
  });
});
