import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/env.ts";

const KEY = randomBytes(32).toString("base64");
const OAUTH = {
  SLACK_SIGNING_SECRET: "signing",
  SLACK_CLIENT_ID: "1111.2222",
  SLACK_CLIENT_SECRET: "client-secret",
  SLACK_STATE_SECRET: "a-state-secret-of-some-length",
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("Slack OAuth configuration", () => {
  it("when the OAuth settings and an encryption key are set, Slack runs with OAuth installs and no bot token", () => {
    const config = loadConfig({ ...OAUTH, SLACK_TOKEN_ENCRYPTION_KEY: KEY });
    expect(config.slack?.botToken).toBeUndefined();
    expect(config.slack?.oauth).toMatchObject({ clientId: "1111.2222", clientSecret: "client-secret" });
    expect(config.slack?.oauth?.tokenEncryptionKey).toEqual(Buffer.from(KEY, "base64"));
  });

  it("when OAuth is configured without an encryption key, Momentum refuses to start and says which key to set", () => {
    expect(problems(OAUTH)).toEqual([expect.stringMatching(/^SLACK_TOKEN_ENCRYPTION_KEY: .*openssl rand -base64 32/)]);
  });

  it("when the encryption key is not 32 bytes, Momentum refuses to start", () => {
    for (const key of [randomBytes(16).toString("base64"), "not-base64-at-all", randomBytes(33).toString("base64")])
      expect(problems({ ...OAUTH, SLACK_TOKEN_ENCRYPTION_KEY: key })).toEqual([
        expect.stringMatching(/^SLACK_TOKEN_ENCRYPTION_KEY: must be 32 random bytes/),
      ]);
  });

  it("when only part of the OAuth settings is given, or a bot token as well, each problem is named", () => {
    expect(problems({ SLACK_SIGNING_SECRET: "s", SLACK_CLIENT_ID: "1", SLACK_TOKEN_ENCRYPTION_KEY: KEY })).toEqual([
      expect.stringMatching(/^SLACK_CLIENT_SECRET:/),
      expect.stringMatching(/^SLACK_STATE_SECRET:/),
    ]);
    expect(problems({ ...OAUTH, SLACK_TOKEN_ENCRYPTION_KEY: KEY, SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN: leave it unset/),
    ]);
  });

  it("when no OAuth setting is given, single-token mode is unchanged", () => {
    expect(loadConfig({ SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxb-1" }).slack?.oauth).toBeUndefined();
  });
});
