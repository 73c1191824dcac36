import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/cli-context.ts";
import { exportPeopleFile, importPeopleFile, setPersonRole } from "../../src/cli/commands/people.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../support/database.ts";
import { createPerson, domainContext, SEEDED_AT } from "../support/fixtures.ts";

let db: TestDatabase;
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), "momentum-people-cli-"));
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

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const PEOPLE = [
  "email,name,manager_email,role,timezone",
  'ada@example.com,"Lovelace, Ada",,admin,Europe/London',
  "grace@example.com,Grace Hopper,ada@example.com,manager,America/New_York",
  "alan@example.com,Alan Turing,grace@example.com,,",
].join("\r\n");

describe("momentum people import", () => {
  it("when HR imports a file, it prints what was created, and running it again reports everything unchanged", async () => {
    const path = file("people.csv", PEOPLE);
    const first = cli();

    expect(await importPeopleFile(first, path)).toBe(0);
    expect(first.stdout).toEqual([`Imported ${path}: 3 created, 0 updated, 0 unchanged.`]);

    const second = cli();
    expect(await importPeopleFile(second, path)).toBe(0);
    expect(second.stdout).toEqual([`Imported ${path}: 0 created, 0 updated, 3 unchanged.`]);
    expect(await db.prisma.person.count()).toBe(3);
  });

  it("when rows are bad, it exits 1 listing every problem with its line, and imports nothing", async () => {
    const path = file(
      "bad.csv",
      [
        "email,name,manager_email,role,timezone",
        "ok@example.com,Ok,,,",
        "bad-email,Bad,,,",
        "tz@example.com,Tz,,,Mars/Base",
        "x@example.com,Too,many,fields,UTC,extra",
      ].join("\n"),
    );
    const run = cli();

    expect(await importPeopleFile(run, path)).toBe(1);

    expect(run.stderr).toEqual([
      `${path} has 3 problems, so nothing was imported:`,
      '  line 3: email "bad-email" is not a valid email address',
      '  line 4: timezone "Mars/Base" is not an IANA time zone (such as Europe/Berlin)',
      "  line 5: expected 5 fields (email,name,manager_email,role,timezone) but found 6; put a value containing a comma in double quotes",
    ]);
    expect(run.stdout).toEqual([]);
    expect(await db.prisma.person.count()).toBe(0);
  });

  it("when managers form a cycle, it exits 1 naming the people in it", async () => {
    const path = file(
      "cycle.csv",
      "email,name,manager_email\na@example.com,Ann,b@example.com\nb@example.com,Ben,a@example.com\n",
    );
    const run = cli();

    expect(await importPeopleFile(run, path)).toBe(1);
    expect(run.stderr[1]).toBe(
      "  line 2: manager cycle: Ann <a@example.com> (line 2) → Ben <b@example.com> (line 3) → Ann <a@example.com> (line 2)",
    );
  });

  it("when the file does not exist, it says so and exits 1", async () => {
    const run = cli();

    expect(await importPeopleFile(run, join(dir, "missing.csv"))).toBe(1);
    expect(run.stderr).toEqual([`Cannot read ${join(dir, "missing.csv")}: no such file`]);
  });

  it("when the file is large, progress goes to stderr and the summary to stdout", async () => {
    const lines = ["email,name", ...Array.from({ length: 1500 }, (_, i) => `p${i}@example.com,Person ${i}`)];
    const run = cli();

    expect(await importPeopleFile(run, file("large.csv", lines.join("\n")))).toBe(0);

    expect(run.stderr).toEqual([
      "checked 1000 of 1500 rows",
      "checked 1500 of 1500 rows",
      "saved 1000 of 1500 changes",
      "saved 1500 of 1500 changes",
      // No Slack configured in this context: the import says nobody was looked up, rather than staying silent.
      expect.stringMatching(/^Slack is not configured here, so nobody was looked up in Slack\./),
    ]);
    expect(run.stdout[0]).toMatch(/: 1500 created, 0 updated, 0 unchanged\.$/);
  });
});

describe("momentum people export", () => {
  it("when exported and imported into an empty database, the same people come back", async () => {
    await importPeopleFile(cli(), file("people.csv", PEOPLE));
    const exported = join(dir, "export.csv");
    const run = cli();

    expect(await exportPeopleFile(run, exported)).toBe(0);
    expect(run.stdout).toEqual([`Exported 3 people to ${exported}.`]);
    const before = readFileSync(exported, "utf8");
    await resetDatabase(db);

    expect(await importPeopleFile(cli(), exported)).toBe(0);
    const again = cli();
    await exportPeopleFile(again);
    expect(`${again.stdout.join("\n")}\n`).toBe(before);
    expect(before).toBe(
      [
        "email,name,manager_email,role,timezone,country,region",
        'ada@example.com,"Lovelace, Ada",,admin,Europe/London,,',
        "alan@example.com,Alan Turing,grace@example.com,employee,UTC,,",
        "grace@example.com,Grace Hopper,ada@example.com,manager,America/New_York,,",
        "",
      ].join("\n"),
    );
  });

  it("holds nobody's kudos, check-ins or feedback", async () => {
    const giver = await createPerson(db, { email: "giver@example.com", name: "Giver" });
    const receiver = await createPerson(db, { email: "receiver@example.com", name: "Receiver" });
    await db.prisma.kudos.create({
      data: {
        batchId: "b1",
        requestKey: "r1",
        giverId: giver.id,
        recipientId: receiver.id,
        message: "secret-kudos-words",
        platform: "slack",
        createdAt: SEEDED_AT,
      },
    });
    await db.prisma.checkIn.create({
      data: {
        personId: receiver.id,
        periodKey: "2026-11-27",
        mood: 2,
        progress: "secret-progress",
        plans: "secret-plans",
        forManager: "secret-for-manager",
        submittedAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      },
    });
    const run = cli();

    expect(await exportPeopleFile(run)).toBe(0);

    const csv = run.stdout.join("\n");
    expect(csv).toContain("receiver@example.com,Receiver,,employee,UTC");
    expect(csv).not.toMatch(/secret/);
  });
});

describe("momentum people set-role", () => {
  it("when the role changes, it says from what to what and records an audit event", async () => {
    await createPerson(db, { email: "hana@example.com", name: "Hana" });
    const run = cli();

    expect(await setPersonRole(run, "HANA@example.com", "hr")).toBe(0);

    expect(run.stdout).toEqual(["Hana <hana@example.com> is now hr (was employee)."]);
    expect(
      await db.prisma.auditEvent.findFirst({ select: { actor: true, action: true, subject: true, detail: true } }),
    ).toEqual({
      actor: "cli",
      action: "role.set",
      subject: "hana@example.com",
      detail: { from: "employee", to: "hr" },
    });
  });

  it("when the email is unknown, it exits 1 with a clear message", async () => {
    const run = cli();

    expect(await setPersonRole(run, "ghost@example.com", "admin")).toBe(1);
    expect(run.stderr).toEqual([
      "No one with the email ghost@example.com is in Momentum. Check the spelling, or import them first.",
    ]);
  });
});
