// `/momentum role @person hr` on Slack, through the real Bolt code: admins (the first ones from
// MOMENTUM_ADMIN_EMAILS) change roles, audited; anyone else is told only admins can, and nothing changes.
import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { FakeSlackUser } from "../../support/fake-slack.ts";
import { createPerson } from "../../support/fixtures.ts";
import type { SlackHarness } from "../../support/slack.ts";
import { alice, bob, grace, mention } from "./people.ts";

let db: TestDatabase;
let harness: SlackHarness;

// Alice is named an admin in the environment.
it.override("slackOptions", { env: { MOMENTUM_ADMIN_EMAILS: "ALICE@example.com" } });
it.beforeEach(({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
});

async function role(as: FakeSlackUser, text: string): Promise<string> {
  await harness.slack.command("/momentum", `role ${text}`, { as });
  await harness.service.settle();
  return (harness.fake.responses.at(-1)?.body as { text: string }).text;
}

const roleOf = async (user: FakeSlackUser) =>
  (await db.prisma.person.findUnique({ where: { email: user.email! } }))?.role;
const audit = async () =>
  (await db.prisma.auditEvent.findMany({ orderBy: { createdAt: "asc" } })).map(({ action, subject, detail }) => ({
    action,
    subject,
    detail,
  }));

describe("/momentum role", () => {
  it("when the admin from MOMENTUM_ADMIN_EMAILS makes Bob HR, Bob's role changes and the change is audited with Alice as the actor", async () => {
    const reply = await role(alice, `${mention(bob)} hr`);

    expect(reply).toBe("Bob Brown is now HR (was employee). The change is recorded in the audit log.");
    expect(await roleOf(bob)).toBe("hr");
    const alicesId = (await db.prisma.person.findUniqueOrThrow({ where: { email: alice.email! } })).id;
    const events = await db.prisma.auditEvent.findMany();
    expect(events.map(({ actor, action, subject, detail }) => ({ actor, action, subject, detail }))).toEqual([
      { actor: alicesId, action: "role.set", subject: "bob@example.com", detail: { from: "employee", to: "hr" } },
    ]);
  });

  it("when Alice was imported before she was listed, her first command promotes her (audited) and her role change works", async () => {
    await createPerson(db, { email: alice.email!, name: alice.name, role: "employee" });

    expect(await role(alice, `${mention(grace)} manager`)).toBe(
      "Grace Hopper is now a manager (was employee). The change is recorded in the audit log.",
    );

    expect(await roleOf(alice)).toBe("admin");
    expect(await audit()).toEqual([
      { action: "role.set", subject: "alice@example.com", detail: { from: "employee", to: "admin" } },
      { action: "role.set", subject: "grace@example.com", detail: { from: "employee", to: "manager" } },
    ]);
  });

  it.each(["employee", "manager", "hr"] as const)(
    "when a %s tries, they are told only admins can change roles, and nobody changes or is even looked up",
    async (actorRole) => {
      await createPerson(db, { email: bob.email!, name: bob.name, role: actorRole });

      expect(await role(bob, `${mention(grace)} admin`)).toBe("Sorry, only admins can change roles.");

      expect(await roleOf(bob)).toBe(actorRole);
      expect(await roleOf(grace)).toBeUndefined();
      expect(await audit()).toEqual([]);
    },
  );

  it("when the role or the mention is missing, the admin gets the form to type and nothing changes", async () => {
    expect(await role(alice, `${mention(bob)} boss`)).toBe(
      '"boss" is not a role: use one of employee, manager, hr, admin',
    );
    expect(await role(alice, "bob hr")).toBe(
      "Mention one person, then the role. Type it as `/momentum role @person hr` (roles: employee, manager, hr, admin).",
    );
    expect(await roleOf(bob)).toBe("employee");
    expect(await audit()).toEqual([]);
  });
});
