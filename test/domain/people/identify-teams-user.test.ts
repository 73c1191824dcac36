import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { identifyTeamsUser } from "../../../src/domain/people/identify-teams-user.ts";
import { updateMySettings } from "../../../src/domain/people/update-settings.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { domainContext, SEEDED_AT } from "../../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

const profile = { tenantId: "t1", aadObjectId: "aad-1", teamsUserId: "29:1", name: "Ada", email: "Ada@Example.com" };

describe("identifying a Teams user", () => {
  it("creates the person once, with a lower-case email and the zone Teams reports", async () => {
    const ctx = domainContext(db);
    const first = await identifyTeamsUser(ctx, { ...profile, timeZone: "Europe/Berlin" });
    const again = await identifyTeamsUser(ctx, { ...profile, timeZone: "Europe/Berlin" });
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ email: "ada@example.com", timeZone: "Europe/Berlin" });
    expect(await db.prisma.person.count()).toBe(1);
  });

  it("is the same person as the Slack user with the same email", async () => {
    const ctx = domainContext(db);
    const slackSide = await db.prisma.person.create({
      data: { email: "ada@example.com", name: "Ada L", timeZone: "UTC", createdAt: SEEDED_AT, updatedAt: SEEDED_AT },
    });
    const teamsSide = await identifyTeamsUser(ctx, profile);
    expect(teamsSide.id).toBe(slackSide.id);
  });

  it("adopts the reported zone for someone provisioned without one, but never overrides a zone the person chose", async () => {
    const ctx = domainContext(db); // org default zone: UTC
    const person = await identifyTeamsUser(ctx, profile);
    expect(person.timeZone).toBe("UTC");
    await identifyTeamsUser(ctx, { ...profile, timeZone: "Asia/Kolkata" });
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).timeZone).toBe("Asia/Kolkata");

    await updateMySettings(ctx, { personId: person.id, timeZone: "UTC" }); // chose the org default on purpose
    await identifyTeamsUser(ctx, { ...profile, timeZone: "Asia/Kolkata" });
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).timeZone).toBe("UTC");
  });

  it("stores the personal conversation reference so later DMs can be sent", async () => {
    const ctx = domainContext(db);
    await identifyTeamsUser(ctx, profile);
    await identifyTeamsUser(ctx, { ...profile, conversationReference: { conversation: { id: "a:1" } } });
    const identity = await db.prisma.teamsIdentity.findFirstOrThrow();
    expect(identity.conversationReference).toEqual({ conversation: { id: "a:1" } });
  });
});
