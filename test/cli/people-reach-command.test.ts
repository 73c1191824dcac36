// `people sync` and `people reach` as an operator meets them: argument checks and a clear word when nothing can be read.
import { describe, expect, it } from "vitest";
import { peopleCommands } from "../../src/cli/commands/people.ts";
import { describeSync, syncDirectories } from "../../src/cli/commands/people-reach.ts";
import type { CliContext } from "../../src/cli/cli-context.ts";

describe("momentum people sync / reach", () => {
  it("refuses stray arguments before opening the database", () => {
    expect(() => peopleCommands.prepare(["sync", "now"])).toThrow(/people sync takes no arguments/);
    expect(() => peopleCommands.prepare(["reach", "--json"])).toThrow(/--csv FILE/);
    expect(() => peopleCommands.prepare(["reach", "--csv"])).toThrow(/--csv FILE/);
    expect(typeof peopleCommands.prepare(["reach", "--csv", "out.csv"])).toBe("function");
  });

  it("when no platform it can read is configured, people sync says so and exits 1", async () => {
    const stderr: string[] = [];
    const ctx = {
      domain: {} as CliContext["domain"],
      directories: [],
      out: () => undefined,
      err: (line: string) => stderr.push(line),
    };
    expect(await syncDirectories(ctx)).toBe(1);
    expect(stderr.join("\n")).toMatch(/No chat platform this command can read is configured/);
  });

  it("a sync summary names how many were found and, by reason, who wasn't", () => {
    expect(
      describeSync({
        platform: "slack",
        members: 120,
        linked: 7,
        reachable: 100,
        unreachable: { slack_not_in_workspace: 3, slack_deactivated: 5 },
      }),
    ).toBe(
      "Slack: 100 people reachable (7 newly found among 120 Slack accounts); can't reach 5 Slack account deactivated, 3 not in the Slack workspace.",
    );
  });
});
