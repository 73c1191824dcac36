import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../support/database.ts";
import { startFakeSlack } from "../../support/fake-slack.ts";
import { startTestService } from "../../support/service.ts";
import { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET } from "../../support/slack.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const slackEnv = (apiUrl: string) => ({ SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL: apiUrl });

describe("start-up while Slack is in trouble", () => {
  it("when Slack is unreachable, the service starts, answers /readyz, and warns that auth.test failed", async () => {
    const service = await startTestService({ db, env: slackEnv(`http://127.0.0.1:${await closedPort()}/api/`) });
    try {
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
      await expect
        .poll(() => service.logs.some((line) => line.includes("Slack auth.test failed at start")), {
          interval: 20,
          timeout: 5000,
        })
        .toBe(true);
    } finally {
      await service.stop();
    }
  });

  it("when Slack hangs on auth.test, the service still starts and answers /readyz", async () => {
    const fake = await startFakeSlack({ token: SLACK_BOT_TOKEN });
    fake.inject({ method: "auth.test", fault: { kind: "hang" } });
    const service = await startTestService({ db, env: slackEnv(fake.apiUrl) });
    try {
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
      expect(fake.calls("auth.test")).toHaveLength(1);
      expect(fake.calls("auth.test")[0].failure).toBe("hang");
    } finally {
      await service.stop();
      await fake.stop();
    }
  });

  it("when Slack answers, the start log says which URL to paste into the Slack app settings, for every slash command of the manifest", async () => {
    const fake = await startFakeSlack({ token: SLACK_BOT_TOKEN });
    const service = await startTestService({ db, env: slackEnv(fake.apiUrl) });
    try {
      const lines = service.platforms
        .find((platform) => platform.name === "slack")!
        .describe("https://momentum.example.com/");
      expect(lines.join("\n")).toContain("https://momentum.example.com/slack/events");
      const manifest = parse(readFileSync(new URL("../../../manifests/slack.yaml", import.meta.url), "utf8")) as {
        features: { slash_commands: { command: string }[] };
      };
      const commandsLine = lines.find((line) => line.includes("Slash Commands"))!;
      for (const { command } of manifest.features.slash_commands) expect(commandsLine).toContain(command);
      await expect
        .poll(() => service.logs.some((line) => line.includes("Slack bot token verified")), {
          interval: 20,
          timeout: 5000,
        })
        .toBe(true);
    } finally {
      await service.stop();
      await fake.stop();
    }
  });
});
