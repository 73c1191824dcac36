// Bolt and its WebClient log through our logger: request bodies (debug) never, an error only by its safe fields,
// and tokens or secrets never, whatever the SDK puts in a line.
import { describe, expect, it } from "vitest";
import { createBoltLogger } from "../../../src/platforms/slack/bolt-logger.ts";
import { createLogger } from "../../../src/shared/logger.ts";

function capture() {
  const lines: string[] = [];
  const logger = createLogger({
    level: "debug",
    pretty: false,
    destination: { write: (chunk: string) => void lines.push(chunk) },
  });
  return { logger, text: () => lines.join("") };
}

describe("the Slack SDK's logger", () => {
  it("when the WebClient logs a request body at debug, nothing of it is written", () => {
    const { logger, text } = capture();
    createBoltLogger(logger, []).debug("http request body", { text: "Sorry to hear about your father" });
    expect(text()).toBe("");
  });

  it("when Bolt logs an error quoting private text, the line has the error's kind and code but not its words", () => {
    const { logger, text } = capture();
    const failure = Object.assign(
      new Error("An API error occurred: invalid_blocks for text 'Sorry to hear about your father'"),
      { code: "slack_webapi_platform_error" },
    );
    createBoltLogger(logger, []).error("listener failed", failure);
    expect(text()).toContain("slack_webapi_platform_error");
    expect(text()).not.toContain("father");
  });

  it("when a line carries the bot token or the signing secret, both are cut", () => {
    const { logger, text } = capture();
    createBoltLogger(logger, ["signing-secret-123"]).warn("token xoxb-1-2-abc and secret signing-secret-123");
    expect(text()).not.toContain("xoxb-1-2-abc");
    expect(text()).not.toContain("signing-secret-123");
  });
});
