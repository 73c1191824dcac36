// The Slack installation store: tokens encrypted at rest, a Grid org's install found for its workspaces, and an
// uninstall that makes the workspace's people unreachable.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  deleteSlackInstallation,
  findSlackInstallation,
  listSlackInstallations,
  rememberGridWorkspace,
  saveSlackInstallation,
  type SlackInstallationRecord,
} from "../../../src/domain/slack-installations/installations.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
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

const KEY = randomBytes(32);
const clock = new ManualClock("2026-11-25T12:00:00Z");

function install(overrides: Partial<SlackInstallationRecord>): SlackInstallationRecord {
  return {
    teamId: "T1",
    enterpriseId: null,
    isEnterpriseInstall: false,
    appId: "AMOMENTUM",
    botToken: "xoxb-team-one-secret",
    botUserId: "UBOT1",
    botId: "BBOT1",
    scopes: ["chat:write", "commands"],
    installerUserId: "UADMIN",
    ...overrides,
  };
}

describe("the Slack installation store", () => {
  it("stores the bot token encrypted (a fresh IV each time) and gives it back only with the right key", async () => {
    const ctx = domainContext(db, { clock });
    await saveSlackInstallation(ctx, KEY, install({}));
    const first = await db.prisma.slackInstallation.findUniqueOrThrow({ where: { key: "team:T1" } });
    expect(first.botTokenEncrypted).not.toContain("xoxb-team-one-secret");
    expect(first.createdAt).toEqual(clock.now());

    clock.advance(5 * 60 * 1000);
    await saveSlackInstallation(ctx, KEY, install({ botToken: "xoxb-team-one-secret" }));
    const again = await db.prisma.slackInstallation.findUniqueOrThrow({ where: { key: "team:T1" } });
    expect(again.botTokenEncrypted).not.toBe(first.botTokenEncrypted);
    expect(again.updatedAt).toEqual(clock.now());
    expect(again.createdAt).toEqual(first.createdAt);

    expect((await findSlackInstallation(ctx, KEY, { teamId: "T1" }))?.botToken).toBe("xoxb-team-one-secret");
    await expect(findSlackInstallation(ctx, randomBytes(32), { teamId: "T1" })).rejects.toThrow(
      /SLACK_TOKEN_ENCRYPTION_KEY differs/,
    );
    expect(await findSlackInstallation(ctx, KEY, { teamId: "T2" })).toBeNull();
  });

  it("finds an org-wide Grid install for the org's workspaces, by enterprise id or by a workspace seen before", async () => {
    const ctx = domainContext(db, { clock });
    await saveSlackInstallation(
      ctx,
      KEY,
      install({ teamId: null, enterpriseId: "E1", isEnterpriseInstall: true, botToken: "xoxb-org" }),
    );
    expect((await findSlackInstallation(ctx, KEY, { teamId: "TG1", enterpriseId: "E1" }))?.botToken).toBe("xoxb-org");
    expect(await findSlackInstallation(ctx, KEY, { teamId: "TG1" })).toBeNull();
    await rememberGridWorkspace(ctx, "TG1", "E1");
    expect((await findSlackInstallation(ctx, KEY, { teamId: "TG1" }))?.botToken).toBe("xoxb-org");
    expect((await listSlackInstallations(ctx, KEY)).map((row) => row.workspaceTeamIds)).toEqual([["TG1"]]);
  });

  it("when a workspace uninstalls, its installation is gone and its people show as unreachable on Slack", async () => {
    const ctx = domainContext(db, { clock });
    await saveSlackInstallation(ctx, KEY, install({}));
    await saveSlackInstallation(ctx, KEY, install({ teamId: "T2", botToken: "xoxb-two" }));
    const inT1 = await createPerson(db, { name: "Ana", slackUserId: "UANA" });

    expect(await deleteSlackInstallation(ctx, { teamId: "T1", isEnterpriseInstall: false })).toBe(true);

    expect(await findSlackInstallation(ctx, KEY, { teamId: "T1" })).toBeNull();
    expect((await findSlackInstallation(ctx, KEY, { teamId: "T2" }))?.botToken).toBe("xoxb-two");
    const reach = await db.prisma.reachability.findUniqueOrThrow({
      where: { personId_platform: { personId: inT1.id, platform: "slack" } },
    });
    expect(reach).toMatchObject({ reachable: false, reason: "slack_not_installed" });
    expect(await deleteSlackInstallation(ctx, { teamId: "T1", isEnterpriseInstall: false })).toBe(false);
  });
});
