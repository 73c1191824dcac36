import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importPeople, type ImportProgress } from "../../../src/domain/people/import-people.ts";
import type { PersonImportRow } from "../../../src/domain/people/people.schemas.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { createPerson, domainContext } from "../../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

/** Rows as the CSV reader produces them: line 1 is the header. */
function rows(...people: Omit<PersonImportRow, "line">[]): PersonImportRow[] {
  return people.map((person, index) => ({ line: index + 2, ...person }));
}

const team = () =>
  rows(
    { email: "Ada@Example.com", name: "Ada Lovelace", managerEmail: "", role: "admin", timeZone: "Europe/London" },
    {
      email: "grace@example.com",
      name: "Grace Hopper",
      managerEmail: "ada@example.com",
      role: "manager",
      timeZone: "America/New_York",
    },
    { email: "alan@example.com", name: "Alan Turing", managerEmail: "grace@example.com", role: "", timeZone: "" },
  );

async function everyone() {
  const people = await db.prisma.person.findMany({
    include: { manager: { select: { email: true } } },
    orderBy: { email: "asc" },
  });
  return people.map((p) => ({
    email: p.email,
    name: p.name,
    role: p.role,
    timeZone: p.timeZone,
    manager: p.manager?.email ?? null,
    active: p.active,
  }));
}

describe("importing people", () => {
  it("when a file lists people with managers and roles, it creates them with emails in lower case and managers linked", async () => {
    const result = await importPeople(domainContext(db, { org: { defaultTimeZone: "Europe/Paris" } }), team());

    expect(result).toEqual({ created: 3, updated: 0, unchanged: 0, errors: [] });
    expect(await everyone()).toEqual([
      {
        email: "ada@example.com",
        name: "Ada Lovelace",
        role: "admin",
        timeZone: "Europe/London",
        manager: null,
        active: true,
      },
      {
        email: "alan@example.com",
        name: "Alan Turing",
        role: "employee",
        timeZone: "Europe/Paris",
        manager: "grace@example.com",
        active: true,
      },
      {
        email: "grace@example.com",
        name: "Grace Hopper",
        role: "manager",
        timeZone: "America/New_York",
        manager: "ada@example.com",
        active: true,
      },
    ]);
  });

  it("when the same file is imported twice, the second import changes nothing", async () => {
    const ctx = domainContext(db);
    await importPeople(ctx, team());
    const before = await db.prisma.person.findMany({ orderBy: { email: "asc" } });

    const again = await importPeople(ctx, team());

    expect(again).toEqual({ created: 0, updated: 0, unchanged: 3, errors: [] });
    expect(await db.prisma.person.findMany({ orderBy: { email: "asc" } })).toEqual(before);
    expect(await db.prisma.auditEvent.count({ where: { action: "people.import" } })).toBe(1);
  });

  it("when one row changed, only that person is updated", async () => {
    const ctx = domainContext(db);
    await importPeople(ctx, team());
    const changed = team();
    changed[2] = {
      ...changed[2],
      name: "Alan M. Turing",
      managerEmail: "ada@example.com",
      role: "hr",
      timeZone: "Asia/Tokyo",
    };

    const result = await importPeople(ctx, changed);

    expect(result).toEqual({ created: 0, updated: 1, unchanged: 2, errors: [] });
    expect((await everyone()).find((p) => p.email === "alan@example.com")).toMatchObject({
      name: "Alan M. Turing",
      role: "hr",
      timeZone: "Asia/Tokyo",
      manager: "ada@example.com",
    });
  });

  it("when role, time zone or the manager column are left out, existing people keep theirs and new people get the defaults", async () => {
    const boss = await createPerson(db, {
      email: "boss@example.com",
      name: "Boss",
      role: "admin",
      timeZone: "Asia/Tokyo",
    });
    await createPerson(db, {
      email: "kept@example.com",
      name: "Kept",
      role: "hr",
      timeZone: "Europe/Rome",
      managerId: boss.id,
    });

    const result = await importPeople(
      domainContext(db, { adminEmails: ["root@example.com"] }),
      rows(
        { email: "kept@example.com", name: "Kept Renamed" },
        { email: "new@example.com", name: "New" },
        { email: "root@example.com", name: "Root" },
      ),
    );

    expect(result).toMatchObject({ created: 2, updated: 1, errors: [] });
    const people = await everyone();
    expect(people.find((p) => p.email === "kept@example.com")).toMatchObject({
      name: "Kept Renamed",
      role: "hr",
      timeZone: "Europe/Rome",
      manager: "boss@example.com",
    });
    expect(people.find((p) => p.email === "new@example.com")).toMatchObject({
      role: "employee",
      timeZone: "UTC",
      manager: null,
    });
    expect(people.find((p) => p.email === "root@example.com")).toMatchObject({ role: "admin" });
  });

  it("when someone is not in the file, they are left exactly as they were (not deactivated)", async () => {
    const ctx = domainContext(db);
    await importPeople(ctx, team());
    const alan = await db.prisma.person.findUniqueOrThrow({ where: { email: "alan@example.com" } });

    await importPeople(ctx, team().slice(0, 2));

    expect(await db.prisma.person.findUniqueOrThrow({ where: { email: "alan@example.com" } })).toEqual(alan);
  });

  it("when a manager is already in Momentum but not in the file, the report is linked to them", async () => {
    await createPerson(db, { email: "cto@example.com", name: "CTO" });

    const result = await importPeople(
      domainContext(db),
      rows({ email: "dev@example.com", name: "Dev", managerEmail: "CTO@example.com" }),
    );

    expect(result.errors).toEqual([]);
    expect((await everyone()).find((p) => p.email === "dev@example.com")?.manager).toBe("cto@example.com");
  });

  it("when rows are bad, every bad row is reported with its line number and nothing is imported", async () => {
    const result = await importPeople(
      domainContext(db),
      rows(
        { email: "ok@example.com", name: "Fine", managerEmail: "", role: "employee", timeZone: "UTC" },
        { email: "not-an-email", name: "Nobody", managerEmail: "", role: "", timeZone: "" },
        { email: "empty@example.com", name: "  ", managerEmail: "", role: "boss", timeZone: "" },
        { email: "mars@example.com", name: "Mark", managerEmail: "", role: "", timeZone: "Mars/Base" },
        { email: "orphan@example.com", name: "Orphan", managerEmail: "ghost@example.com", role: "", timeZone: "" },
        { email: "me@example.com", name: "Me", managerEmail: "ME@example.com", role: "", timeZone: "" },
        { email: "OK@example.com", name: "Fine again", managerEmail: "", role: "", timeZone: "" },
        { email: "long@example.com", name: "x".repeat(201), managerEmail: "", role: "", timeZone: "" },
      ),
      { rejected: [{ line: 10, message: "expected 5 fields but found 6" }] },
    );

    expect(result.errors).toEqual([
      { line: 3, message: 'email "not-an-email" is not a valid email address' },
      { line: 4, message: "name is empty" },
      { line: 4, message: 'role "boss" is not one of employee, manager, hr, admin' },
      { line: 5, message: 'timezone "Mars/Base" is not an IANA time zone (such as Europe/Berlin)' },
      { line: 6, message: "manager_email ghost@example.com is neither in the file nor in Momentum" },
      { line: 7, message: "me@example.com cannot be their own manager" },
      { line: 8, message: "email ok@example.com is also on line 2" },
      { line: 9, message: "name is longer than 200 characters" },
      { line: 10, message: "expected 5 fields but found 6" },
    ]);
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
    expect(await db.prisma.person.count()).toBe(0);
  });

  it("when a manager's own row is rejected, only that row is reported, not their reports", async () => {
    const result = await importPeople(
      domainContext(db),
      rows(
        { email: "lead@example.com", name: "Lead", timeZone: "Nowhere/City" },
        { email: "dev@example.com", name: "Dev", managerEmail: "lead@example.com" },
      ),
    );

    expect(result.errors).toEqual([
      { line: 2, message: 'timezone "Nowhere/City" is not an IANA time zone (such as Europe/Berlin)' },
    ]);
    expect(await db.prisma.person.count()).toBe(0);
  });

  it("when managers form a cycle in the file, the import is refused naming everyone in it", async () => {
    const result = await importPeople(
      domainContext(db),
      rows(
        { email: "a@example.com", name: "Ann", managerEmail: "b@example.com" },
        { email: "b@example.com", name: "Ben", managerEmail: "a@example.com" },
        { email: "c@example.com", name: "Cat", managerEmail: "d@example.com" },
        { email: "d@example.com", name: "Dan", managerEmail: "e@example.com" },
        { email: "e@example.com", name: "Eve", managerEmail: "c@example.com" },
        { email: "f@example.com", name: "Fay", managerEmail: "c@example.com" },
      ),
    );

    expect(result.errors).toEqual([
      {
        line: 2,
        message:
          "manager cycle: Ann <a@example.com> (line 2) → Ben <b@example.com> (line 3) → Ann <a@example.com> (line 2)",
      },
      {
        line: 4,
        message:
          "manager cycle: Cat <c@example.com> (line 4) → Dan <d@example.com> (line 5) → Eve <e@example.com> (line 6) → Cat <c@example.com> (line 4)",
      },
    ]);
    expect(await db.prisma.person.count()).toBe(0);
  });

  it("when the file would close a cycle through people already in Momentum, the import is refused", async () => {
    const top = await createPerson(db, { email: "top@example.com", name: "Top" });
    await createPerson(db, { email: "mid@example.com", name: "Mid", managerId: top.id });

    const result = await importPeople(
      domainContext(db),
      rows({ email: "top@example.com", name: "Top", managerEmail: "mid@example.com" }),
    );

    expect(result.errors).toEqual([
      {
        line: 2,
        message:
          "manager cycle: Top <top@example.com> (line 2) → Mid <mid@example.com> (already in Momentum) → Top <top@example.com> (line 2)",
      },
    ]);
    expect((await everyone()).find((p) => p.email === "top@example.com")?.manager).toBeNull();
  });

  it("when the file moves people so an old chain would loop but the new one does not, the import succeeds", async () => {
    const ctx = domainContext(db);
    await importPeople(
      ctx,
      rows(
        { email: "a@example.com", name: "A", managerEmail: "" },
        { email: "b@example.com", name: "B", managerEmail: "a@example.com" },
      ),
    );

    const swapped = await importPeople(
      ctx,
      rows(
        { email: "a@example.com", name: "A", managerEmail: "b@example.com" },
        { email: "b@example.com", name: "B", managerEmail: "" },
      ),
    );

    expect(swapped).toEqual({ created: 0, updated: 2, unchanged: 0, errors: [] });
    expect((await everyone()).map((p) => p.manager)).toEqual(["b@example.com", null]);
  });

  it("when a file has 10,000 people, everyone is imported with managers linked, reporting progress every 1,000 rows", async () => {
    const big = rows(
      ...Array.from({ length: 10_000 }, (_, i) => ({
        email: `person${i}@example.com`,
        name: `Person ${i}`,
        managerEmail: i === 0 ? "" : `person${Math.floor((i - 1) / 10)}@example.com`,
        role: i < 1000 ? "manager" : "employee",
        timeZone: "Europe/Berlin",
      })),
    );
    const progress: ImportProgress[] = [];

    const result = await importPeople(domainContext(db), big, { onProgress: (p) => progress.push(p) });

    expect(result).toEqual({ created: 10_000, updated: 0, unchanged: 0, errors: [] });
    expect(progress.filter((p) => p.stage === "checked").map((p) => p.done)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => k * 1000),
    );
    expect(progress.filter((p) => p.stage === "saved").at(-1)).toEqual({ stage: "saved", done: 19_999, total: 19_999 });
    expect(await db.prisma.person.count({ where: { managerId: { not: null } } })).toBe(9_999);
    const p9876 = await db.prisma.person.findUniqueOrThrow({
      where: { email: "person9876@example.com" },
      include: { manager: true },
    });
    expect(p9876.manager?.email).toBe("person987@example.com");
    expect(p9876).toMatchObject({ name: "Person 9876", role: "employee", timeZone: "Europe/Berlin" });
  });
});
