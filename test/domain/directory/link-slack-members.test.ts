// Linking by email, in the domain: what a users.list answer does to people and their Slack accounts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SlackMember } from "../../../src/domain/directory/directory-ports.ts";
import { linkSlackMembers } from "../../../src/domain/directory/link-slack-members.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { createPerson, domainContext } from "../../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(() => resetDatabase(db));

const member = (fields: Partial<SlackMember> & { userId: string }): SlackMember => ({
  teamId: "T1",
  email: null,
  name: "Someone",
  timeZone: "UTC",
  isBot: false,
  deleted: false,
  isGuest: false,
  ...fields,
});

describe("linking people to Slack users by email", () => {
  it("when a deleted account comes back, it is used again; a new account with the same email replaces a deleted one", async () => {
    const ctx = domainContext(db);
    const ada = await createPerson(db, { email: "ada@example.com", slackUserId: "UADA" });
    const bo = await createPerson(db, { email: "bo@example.com", slackUserId: "UBOOLD" });

    await linkSlackMembers(ctx, {
      members: [
        member({ userId: "UADA", email: "ada@example.com", deleted: true }),
        member({ userId: "UBOOLD", email: "bo@example.com", deleted: true }),
      ],
    });
    expect(await db.prisma.slackIdentity.count({ where: { deactivatedAt: { not: null } } })).toBe(2);

    const result = await linkSlackMembers(ctx, {
      members: [
        member({ userId: "UADA", email: "ada@example.com" }),
        member({ userId: "UBOOLD", email: "bo@example.com", deleted: true }),
        member({ userId: "UBONEW", email: "BO@example.com" }),
      ],
    });

    expect(
      result.findings
        .filter((finding) => finding.reachable)
        .map((finding) => finding.personId)
        .sort(),
    ).toEqual([ada.id, bo.id].sort());
    expect((await db.prisma.slackIdentity.findFirstOrThrow({ where: { userId: "UADA" } })).deactivatedAt).toBeNull();
    expect(
      (await db.prisma.slackIdentity.findMany({ where: { personId: bo.id, deactivatedAt: null } })).map(
        (identity) => identity.userId,
      ),
    ).toEqual(["UBONEW"]);
  });

  it("a Slack account already linked to someone else is never taken by a person whose email it now has", async () => {
    const ctx = domainContext(db);
    const owner = await createPerson(db, { email: "old@example.com", slackUserId: "USHARED" });
    const newcomer = await createPerson(db, { email: "new@example.com" });

    const result = await linkSlackMembers(ctx, {
      members: [member({ userId: "USHARED", teamId: "T1", email: "new@example.com" })],
    });

    expect(
      await db.prisma.slackIdentity.findMany({ where: { userId: "USHARED" }, select: { personId: true } }),
    ).toEqual([{ personId: owner.id }]);
    expect(result.findings.find((finding) => finding.personId === newcomer.id)).toMatchObject({
      reachable: false,
      reason: "slack_not_in_workspace",
    });
  });

  it("inactive people are neither linked nor judged", async () => {
    const ctx = domainContext(db);
    const left = await createPerson(db, { email: "left@example.com", active: false });

    const result = await linkSlackMembers(ctx, { members: [member({ userId: "ULEFT", email: "left@example.com" })] });

    expect(result.linked).toBe(0);
    expect(result.findings.map((finding) => finding.personId)).not.toContain(left.id);
  });
});
