import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/cli-context.ts";
import { peopleCommands } from "../../src/cli/commands/people.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../support/database.ts";
import { createPerson, domainContext, SEEDED_AT } from "../support/fixtures.ts";

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), "momentum-privacy-cli-"));
});
afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => resetDatabase(db));

function cli(): CliContext & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    domain: domainContext(db),
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    stdout,
    stderr,
  };
}

const run = (args: string[], ctx = cli()) =>
  peopleCommands
    .prepare(args)(ctx)
    .then((code) => ({ code, ...ctx }));

describe("momentum people export-data / erase", () => {
  it("when HR exports someone's data to a file, the file is JSON readable by its owner only, and holds their check-ins", async () => {
    const bob = await createPerson(db, { name: "Bob", email: "bob@example.com" });
    await db.prisma.checkIn.create({
      data: {
        personId: bob.id,
        periodKey: "2026-W40",
        mood: 4,
        progress: "shipped",
        plans: "more",
        submittedAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      },
    });
    const path = join(dir, "bob.json");

    const result = await run(["export-data", "bob@example.com", path]);

    expect(result.code).toBe(0);
    expect(result.stdout[0]).toContain(`to ${path}`);
    const data = JSON.parse(readFileSync(path, "utf8"));
    expect(data).toMatchObject({
      format: "momentum.person-export/1",
      person: { email: "bob@example.com" },
      checkIns: [{ progress: "shipped" }],
    });
    expect(statSync(path).mode & 0o077).toBe(0);
  });

  it("when no file is given, the JSON goes to stdout", async () => {
    await createPerson(db, { name: "Bob", email: "bob@example.com" });
    const result = await run(["export-data", "bob@example.com"]);
    expect(JSON.parse(result.stdout.join("\n")).person.name).toBe("Bob");
  });

  it("when erase is asked without --yes, it is a usage error before anything runs", () => {
    expect(() => peopleCommands.prepare(["erase", "bob@example.com"])).toThrow(/--yes/);
    expect(() => peopleCommands.prepare(["export-data"])).toThrow(/EMAIL/);
  });

  it("when HR erases someone, it says what was removed, and an unknown email exits 1 with a clear message", async () => {
    const bob = await createPerson(db, { name: "Bob", email: "bob@example.com", slackUserId: "UBOB" });
    const erased = await run(["erase", "bob@example.com", "--yes"]);
    expect(erased.code).toBe(0);
    expect(erased.stdout[0]).toContain(`person:${bob.id}`);
    expect(erased.stdout[0]).toContain("slackIdentities 1");

    const again = await run(["erase", "bob@example.com", "--yes"]);
    expect(again.code).toBe(1);
    expect(again.stderr.join("\n")).toContain("No one with the email bob@example.com");
  });
});
