// The one test that runs the real `momentum` process (tsx src/cli/main.ts) against a temporary embedded data
// directory: it proves the wiring of config, database, migrations, commands and exit codes end to end.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "momentum-cli-process-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function momentum(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // Only what the CLI needs: no DATABASE_URL or platform secrets leak in from the test runner's environment.
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "test",
    MOMENTUM_DATA_DIR: join(dir, "data"),
  };
  return new Promise((resolve) => {
    execFile(
      join("node_modules", ".bin", "tsx"),
      ["src/cli/main.ts", ...args],
      { env, timeout: 90_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe("the momentum process", () => {
  it(
    "when given a good file it imports it into the embedded database and exits 0; a bad file exits 1 with the list",
    { timeout: 180_000 },
    async () => {
      const good = join(dir, "people.csv");
      writeFileSync(
        good,
        '\uFEFFemail,name,manager_email\r\nboss@example.com,"Boss, The",\r\nwen@example.com,Wen,boss@example.com\r\n',
      );
      const bad = join(dir, "bad.csv");
      writeFileSync(bad, "email,name,timezone\nnot-an-email,X,UTC\nok@example.com,Ok,Mars/Base\n");

      const imported = await momentum(["people", "import", good]);
      expect(imported).toMatchObject({ code: 0, stdout: `Imported ${good}: 2 created, 0 updated, 0 unchanged.\n` });

      const refused = await momentum(["people", "import", bad]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        `${bad} has 2 problems, so nothing was imported:\n` +
          '  line 2: email "not-an-email" is not a valid email address\n' +
          '  line 3: timezone "Mars/Base" is not an IANA time zone (such as Europe/Berlin)\n',
      );

      const exported = await momentum(["people", "export"]);
      expect(exported).toMatchObject({
        code: 0,
        stdout:
          'email,name,manager_email,role,timezone,country,region\nboss@example.com,"Boss, The",,employee,UTC,,\nwen@example.com,Wen,boss@example.com,employee,UTC,,\n',
      });
    },
  );
});
