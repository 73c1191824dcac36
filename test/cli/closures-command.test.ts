// `momentum closures add|list|remove`: what an operator types and sees, and what is stored (and audited).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/cli-context.ts";
import { closuresCommands } from "../../src/cli/commands/closures.ts";
import { UsageError } from "../../src/cli/cli-context.ts";
import { ManualClock } from "../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../support/database.ts";
import { createPerson, domainContext } from "../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

function cli(): CliContext & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    domain: domainContext(db, { clock: new ManualClock("2026-12-07T10:00:00Z") }),
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    stdout,
    stderr,
  };
}

const run = (args: string[], ctx = cli()) =>
  closuresCommands
    .prepare(args)(ctx)
    .then((code) => ({ code, ...ctx }));

describe("momentum closures", () => {
  it("adds a closure for everyone and one for a manager's team, lists both, and removes one; each change is audited", async () => {
    const mia = await createPerson(db, { name: "Mia", email: "mia@example.com", role: "manager" });
    await createPerson(db, { name: "Ana", managerId: mia.id });

    expect((await run(["add", "2026-12-24", "2027-01-01", "Winter", "break"])).stdout).toEqual([
      "added: 2026-12-24  2027-01-01  everyone  Winter break (2 people)",
    ]);
    expect((await run(["add", "2026-12-22", "2026-12-22", "Offsite", "--team", "MIA@example.com"])).stdout).toEqual([
      "added: 2026-12-22  2026-12-22  team of Mia  Offsite (2 people)",
    ]);
    expect((await run(["list"])).stdout).toEqual([
      "2026-12-22  2026-12-22  team of Mia  Offsite",
      "2026-12-24  2027-01-01  everyone  Winter break",
    ]);

    expect((await run(["remove", "2026-12-22", "2026-12-22", "--team", "mia@example.com"])).stdout).toEqual([
      "removed: 2026-12-22  2026-12-22  team of Mia  Offsite",
    ]);
    expect(await db.prisma.closure.count()).toBe(1);
    expect(
      (await db.prisma.auditEvent.findMany({ orderBy: { createdAt: "asc" } })).map((event) => [
        event.actor,
        event.action,
      ]),
    ).toEqual([
      ["cli", "closure.add"],
      ["cli", "closure.add"],
      ["cli", "closure.remove"],
    ]);
  });

  it("refuses a malformed command before touching the database, and a closure that is not there with a clear message", async () => {
    expect(() => closuresCommands.prepare(["add", "24.12.2026", "2027-01-01", "Winter"])).toThrow(UsageError);
    expect(() => closuresCommands.prepare(["add", "2026-12-24", "2027-01-01"])).toThrow("closures add needs a reason");
    expect(() => closuresCommands.prepare(["remove", "2026-12-24"])).toThrow(UsageError);
    await expect(run(["remove", "2026-12-24", "2027-01-01"])).rejects.toThrow(
      "There is no closure from 2026-12-24 to 2027-01-01 for everyone",
    );
  });
});
