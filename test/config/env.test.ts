import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/env.ts";

describe("configuration", () => {
  it("starts with neither platform enabled and the embedded database when nothing is set", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
    expect(config.database.dataDir).toBe("./data");
    expect(config.slack).toBeUndefined();
    expect(config.teams).toBeUndefined();
  });

  it("enables Slack when its secret and token are set, pointing the API at SLACK_API_URL", () => {
    const config = loadConfig({
      SLACK_SIGNING_SECRET: "s",
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
    });
    expect(config.slack).toMatchObject({
      receive: { mode: "http", signingSecret: "s" },
      botToken: "xoxb-1",
      apiUrl: "http://127.0.0.1:9/api/",
    });
  });

  it("switches Slack to Socket Mode when an app-level token is set, with or without a signing secret", () => {
    expect(loadConfig({ SLACK_APP_TOKEN: "xapp-1-A1-2-abc", SLACK_BOT_TOKEN: "xoxb-1" }).slack).toMatchObject({
      receive: { mode: "socket", appToken: "xapp-1-A1-2-abc" },
      botToken: "xoxb-1",
    });
    const both = loadConfig({ SLACK_APP_TOKEN: "xapp-1", SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxb-1" });
    expect(both.slack?.receive.mode).toBe("socket");
  });

  it("refuses an app-level token that is not one, or one without a bot token", () => {
    expect(() => loadConfig({ SLACK_APP_TOKEN: "xoxb-wrong-kind", SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(
      /SLACK_APP_TOKEN: must be an app-level token \(xapp-…\)/,
    );
    expect(() => loadConfig({ SLACK_APP_TOKEN: "xapp-1" })).toThrow(
      /SLACK_APP_TOKEN: Slack Socket Mode needs SLACK_BOT_TOKEN too/,
    );
  });

  it("enables Teams with credentials, or in explicit dev mode without authentication", () => {
    expect(loadConfig({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "pw" }).teams).toMatchObject({
      appId: "id",
      devMode: false,
    });
    expect(loadConfig({ TEAMS_DEV_MODE: "true" }).teams).toMatchObject({ devMode: true });
  });

  it("lists every problem at once when several values are wrong", () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: "eighty",
        DATABASE_URL: "mysql://x",
        SLACK_SIGNING_SECRET: "only-the-secret",
        DEFAULT_TIMEZONE: "Mars/Olympus",
        TEAMS_DEV_MODE: "true",
        NODE_ENV: "production",
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(problems).toMatch(/DEFAULT_TIMEZONE: must be an IANA time zone/);
    expect(problems).toMatch(/SLACK_SIGNING_SECRET: Slack needs both/);
    expect(problems).toMatch(/TEAMS_DEV_MODE: unauthenticated Teams traffic is refused/);
  });

  it("reads company values and admin emails as trimmed, lower-case lists", () => {
    const config = loadConfig({ KUDOS_VALUES: " Teamwork, Craft ,", MOMENTUM_ADMIN_EMAILS: "Ada@Example.com" });
    expect(config.org.kudosValues).toEqual(["teamwork", "craft"]);
    expect(config.adminEmails).toEqual(["ada@example.com"]);
  });

  it("names the instance in its leases by INSTANCE_ID, else by host and port, the same on every restart; port 0 gets a fresh name", () => {
    expect(loadConfig({ INSTANCE_ID: " momentum-1 " }).instanceId).toBe("momentum-1");
    expect(loadConfig({ PORT: "3000" }).instanceId).toBe(`${hostname()}:3000`);
    expect(loadConfig({ PORT: "3000" }).instanceId).toBe(loadConfig({ PORT: "3000" }).instanceId);
    expect(loadConfig({ PORT: "0" }).instanceId).not.toBe(loadConfig({ PORT: "0" }).instanceId);
  });
});

describe("the documented configuration", () => {
  it("has every setting the service reads in .env.example and in the README's table", async () => {
    const { readFileSync } = await import("node:fs");
    const { SETTING_NAMES } = await import("../../src/config/env.ts");
    const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(SETTING_NAMES.filter((name) => !new RegExp(`^${name}=`, "m").test(example))).toEqual([]);
    expect(SETTING_NAMES.filter((name) => name !== "NODE_ENV" && !readme.includes(`\`${name}\``))).toEqual([]);
  });
});
