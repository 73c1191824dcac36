// Roles changed from chat, and the first admins from MOMENTUM_ADMIN_EMAILS, on both databases.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { changeRoleFromChat } from "../../../src/domain/people/change-role-from-chat.ts";
import { identifySlackUser, type SlackDirectory } from "../../../src/domain/people/identify-slack-user.ts";
import { identifyTeamsUser } from "../../../src/domain/people/identify-teams-user.ts";
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

const audit = async () =>
  (await db.prisma.auditEvent.findMany({ orderBy: { createdAt: "asc" } })).map(
    ({ actor, action, subject, detail }) => ({ actor, action, subject, detail }),
  );

describe("changing a role from chat", () => {
  it("when an admin makes someone HR, the role changes and the audit names the admin as the actor", async () => {
    const admin = await createPerson(db, { role: "admin" });
    const hana = await createPerson(db, { email: "hana@example.com", name: "Hana" });

    const result = await changeRoleFromChat(domainContext(db), {
      actorId: admin.id,
      targetPersonId: hana.id,
      role: "HR",
    });

    expect(result).toMatchObject({ name: "Hana", from: "employee", to: "hr", changed: true });
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: hana.id } })).role).toBe("hr");
    expect(await audit()).toEqual([
      { actor: admin.id, action: "role.set", subject: "hana@example.com", detail: { from: "employee", to: "hr" } },
    ]);
  });

  it.each(["employee", "manager", "hr"] as const)(
    "when a %s tries, they are told only admins can change roles and nothing changes",
    async (role) => {
      const actor = await createPerson(db, { role });
      const target = await createPerson(db);

      const error = await refusal(
        changeRoleFromChat(domainContext(db), { actorId: actor.id, targetPersonId: target.id, role: "admin" }),
      );

      expect(error.userMessage).toBe("Sorry, only admins can change roles.");
      expect((await db.prisma.person.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("employee");
      expect(await audit()).toEqual([]);
    },
  );

  it("when the role isn't one Momentum knows, it lists the roles and nothing changes", async () => {
    const admin = await createPerson(db, { role: "admin" });
    const target = await createPerson(db);
    const error = await refusal(
      changeRoleFromChat(domainContext(db), { actorId: admin.id, targetPersonId: target.id, role: "boss" }),
    );
    expect(error.userMessage).toBe('"boss" is not a role: use one of employee, manager, hr, admin');
    expect(await audit()).toEqual([]);
  });

  it("when the last admin would demote themselves, it is refused so someone can still change roles", async () => {
    const admin = await createPerson(db, { role: "admin" });
    const error = await refusal(
      changeRoleFromChat(domainContext(db), { actorId: admin.id, targetPersonId: admin.id, role: "hr" }),
    );
    expect(error.code).toBe("VALIDATION");
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });
});

describe("admins from MOMENTUM_ADMIN_EMAILS", () => {
  const directory = (email: string): SlackDirectory => ({
    lookup: async (teamId, userId) => ({
      teamId,
      userId,
      name: "Ada",
      email,
      timeZone: "UTC",
      isBot: false,
      deleted: false,
    }),
  });

  it("when a listed person first uses Momentum, they are created as an admin", async () => {
    const ctx = domainContext(db, { adminEmails: ["ada@example.com"] });
    const person = await identifySlackUser(ctx, directory("Ada@Example.com"), {
      teamId: "T1",
      userId: "UADA",
      label: "Ada",
    });
    expect(person.role).toBe("admin");
  });

  it("when a listed person already existed (imported by HR) and acts on Slack, they become an admin, audited once", async () => {
    await createPerson(db, { email: "ada@example.com", name: "Ada", role: "employee" });
    const ctx = domainContext(db, { adminEmails: ["ada@example.com"] });

    const person = await identifySlackUser(ctx, directory("ada@example.com"), {
      teamId: "T1",
      userId: "UADA",
      label: "Ada",
    });
    await identifySlackUser(ctx, directory("ada@example.com"), { teamId: "T1", userId: "UADA", label: "Ada" });

    expect(person.role).toBe("admin");
    expect((await db.prisma.person.findUniqueOrThrow({ where: { email: "ada@example.com" } })).role).toBe("admin");
    expect(await audit()).toEqual([
      {
        actor: "MOMENTUM_ADMIN_EMAILS",
        action: "role.set",
        subject: "ada@example.com",
        detail: { from: "employee", to: "admin" },
      },
    ]);
  });

  it("when a known Slack user is added to the list later, their next action promotes them", async () => {
    const ada = await createPerson(db, { email: "ada@example.com", slackUserId: "UADA" });
    const before = await identifySlackUser(domainContext(db), directory("ada@example.com"), {
      teamId: "T1",
      userId: "UADA",
      label: "Ada",
    });
    expect(before.role).toBe("employee");

    const after = await identifySlackUser(
      domainContext(db, { adminEmails: ["ada@example.com"] }),
      directory("ada@example.com"),
      { teamId: "T1", userId: "UADA", label: "Ada" },
    );

    expect(after.role).toBe("admin");
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: ada.id } })).role).toBe("admin");
  });

  it("when a known Teams user is on the list, their next action promotes them", async () => {
    await createPerson(db, { email: "tea@example.com", teamsAadObjectId: "aad-tea" });
    const ctx = domainContext(db, { adminEmails: ["tea@example.com"] });
    const person = await identifyTeamsUser(ctx, {
      tenantId: "tenant-1",
      aadObjectId: "aad-tea",
      teamsUserId: "29:aad-tea",
      name: "Tea",
      email: "tea@example.com",
    });
    expect(person.role).toBe("admin");
    expect(await db.prisma.auditEvent.count()).toBe(1);
  });

  it("people not on the list are never promoted", async () => {
    await createPerson(db, { email: "bo@example.com", slackUserId: "UBO" });
    const person = await identifySlackUser(
      domainContext(db, { adminEmails: ["ada@example.com"] }),
      directory("bo@example.com"),
      { teamId: "T1", userId: "UBO", label: "Bo" },
    );
    expect(person.role).toBe("employee");
    expect(await audit()).toEqual([]);
  });
});
