import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "momentum-run-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An environment whose data dir would be created if anything opened the database. */
const untouchedDataDir = join(dir, "never-opened");
const env = { MOMENTUM_DATA_DIR: untouchedDataDir };

async function run(argv: string[], environment: NodeJS.ProcessEnv = env) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(
    argv,
    { out: (line) => stdout.push(line), err: (line) => stderr.push(line) },
    { env: environment },
  );
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

describe("the momentum command line", () => {
  it("when run without arguments, it lists the command groups and exits 2", async () => {
    const result = await run([]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage: npm run momentum -- <group> <command> [arguments]");
    expect(result.stderr).toMatch(/people\s+import, export and change roles/);
    expect(result.stderr).toMatch(/deliveries\s+list failed outbox deliveries/);
  });

  it("when asked for a group's help, it explains the commands, including that people not in the file are left alone", async () => {
    const result = await run(["people", "--help"]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("set-role EMAIL ROLE");
    expect(result.stdout).toContain("People who are not in the file are left as they are\n(they are NOT deactivated)");
  });

  it("when the group, the command or an argument is wrong, it exits 2 with the group's help and never opens the database", async () => {
    const unknownGroup = await run(["peeple", "import", "x.csv"]);
    const unknownCommand = await run(["people", "delete", "x"]);
    const missingFile = await run(["people", "import"]);
    const extraArgument = await run(["people", "set-role", "a@example.com"]);

    expect(unknownGroup).toMatchObject({ code: 2 });
    expect(unknownGroup.stderr).toContain('Unknown command group "peeple"');
    expect(unknownCommand).toMatchObject({ code: 2 });
    expect(unknownCommand.stderr).toContain('unknown command "people delete"');
    expect(missingFile).toMatchObject({ code: 2 });
    expect(missingFile.stderr).toContain("people import takes one argument: the CSV file to import");
    expect(extraArgument.stderr).toContain("people set-role takes two arguments: EMAIL ROLE");
    expect(existsSync(untouchedDataDir)).toBe(false);
  });

  it("when the configuration is wrong, it lists every problem and exits 1 without opening the database", async () => {
    const result = await run(["people", "export"], {
      ...env,
      DEFAULT_TIMEZONE: "Mars/Base",
      KUDOS_DAILY_LIMIT: "lots",
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("the configuration has 2 problem(s)");
    expect(result.stderr).toContain("DEFAULT_TIMEZONE: must be an IANA time zone");
    expect(result.stderr).toContain("KUDOS_DAILY_LIMIT:");
    expect(existsSync(untouchedDataDir)).toBe(false);
  });
});
