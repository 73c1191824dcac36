// HR sees who can't be reached before it matters: the admin's home (Slack App Home, Teams home card) counts the
// active people Momentum can't message yet; employees don't see it; replies never promise "everyone" wrongly.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliveryPromise } from "../../../src/domain/directory/reach.ts";
import { getHome } from "../../../src/domain/summaries/get-home.ts";
import { homeSections } from "../../../src/platforms/slack/views/home-sections.ts";
import { homeCard } from "../../../src/platforms/teams/cards/home-card.ts";
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

describe("how many people can't be reached yet", () => {
  it("the HR home counts active people with no Slack account and no Teams chat; a deleted Slack account doesn't count as reachable", async () => {
    const hr = await createPerson(db, { name: "Hana", role: "hr", slackUserId: "UHANA" });
    await createPerson(db, {
      name: "Tess",
      teamsAadObjectId: "aad-tess",
      teamsConversationReference: { conversation: { id: "a:tess" } },
    });
    await createPerson(db, { name: "Nobody Yet" });
    const gone = await createPerson(db, { name: "Gone", slackUserId: "UGONE" });
    await db.prisma.slackIdentity.updateMany({
      where: { personId: gone.id },
      data: { deactivatedAt: new Date("2026-11-20T00:00:00Z") },
    });
    await createPerson(db, { name: "Left", active: false });

    const home = await getHome(domainContext(db), { personId: hr.id });

    expect(home.reach).toEqual({ unreachable: 2, active: 4 });
    expect(JSON.stringify(homeSections(home))).toContain("2 of 4 active people can't be reached on Slack or Teams yet");
    expect(JSON.stringify(homeCard(home))).toContain("2 of 4 active people can't be reached on Slack or Teams yet");
  });

  it("an employee's home shows no reach figures", async () => {
    const employee = await createPerson(db, { name: "Emma", slackUserId: "UEMMA" });
    await createPerson(db, { name: "Nobody Yet" });

    const home = await getHome(domainContext(db), { personId: employee.id });

    expect(home.reach).toBeNull();
    expect(JSON.stringify(homeSections(home))).not.toContain("can't be reached");
  });

  it("a launch says everyone only when everyone can be reached", () => {
    expect(deliveryPromise({ total: 5, unreachable: 0, what: "taking part" })).toBe(
      "Everyone taking part gets a message now (during their working hours).",
    );
    expect(deliveryPromise({ total: 5, unreachable: 2, what: "taking part" })).toMatch(
      /^3 of the 5 taking part get a message now .*; 2 can't be reached yet on Slack or Teams \(`npm run momentum -- people reach` lists who and why\)\.$/,
    );
  });
});
