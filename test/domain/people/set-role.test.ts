import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setRole } from "../../../src/domain/people/set-role.ts";
import { AppError } from "../../../src/shared/errors.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { createPerson, domainContext } from "../../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("setting a role", () => {
  it("when an admin makes someone HR, their role changes and an audit event records who, whom, from and to", async () => {
    await createPerson(db, { email: "hana@example.com", name: "Hana", role: "employee" });

    const result = await setRole(domainContext(db), { actor: "cli", email: " Hana@Example.com ", role: "HR" });

    expect(result).toEqual({ email: "hana@example.com", name: "Hana", from: "employee", to: "hr", changed: true });
    expect((await db.prisma.person.findUniqueOrThrow({ where: { email: "hana@example.com" } })).role).toBe("hr");
    const events = await db.prisma.auditEvent.findMany();
    expect(events.map(({ actor, action, subject, detail }) => ({ actor, action, subject, detail }))).toEqual([
      { actor: "cli", action: "role.set", subject: "hana@example.com", detail: { from: "employee", to: "hr" } },
    ]);
  });

  it("when the person already has that role, nothing is written and no audit event is added", async () => {
    await createPerson(db, { email: "max@example.com", name: "Max", role: "manager" });

    const result = await setRole(domainContext(db), { actor: "cli", email: "max@example.com", role: "manager" });

    expect(result.changed).toBe(false);
    expect(await db.prisma.auditEvent.count()).toBe(0);
  });

  it("when the email is unknown, it says so clearly and nothing is written", async () => {
    const error = await refusal(
      setRole(domainContext(db), { actor: "cli", email: "nobody@example.com", role: "admin" }),
    );

    expect(error.code).toBe("NOT_FOUND");
    expect(error.userMessage).toContain("No one with the email nobody@example.com is in Momentum");
    expect(await db.prisma.auditEvent.count()).toBe(0);
  });

  it("when the role is not one of the four, it lists the valid roles and changes nothing", async () => {
    await createPerson(db, { email: "sam@example.com", name: "Sam", role: "employee" });

    const error = await refusal(
      setRole(domainContext(db), { actor: "cli", email: "sam@example.com", role: "superuser" }),
    );

    expect(error.userMessage).toBe('"superuser" is not a role: use one of employee, manager, hr, admin');
    expect((await db.prisma.person.findUniqueOrThrow({ where: { email: "sam@example.com" } })).role).toBe("employee");
    expect(await db.prisma.auditEvent.count()).toBe(0);
  });
});
