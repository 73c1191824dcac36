// Reaching everyone HR imported on Teams, through the real botbuilder code against the fake Bot Connector. Only
// HR ever talked to the bot: HR adds Momentum to a team, its roster is read page by page, members are linked by
// email / UPN within the tenant, and a personal chat is opened with each. Then the Friday prompt reaches each in
// their own zone and a review launch reaches every participant. Never another tenant's member, never by name.
import { describe, expect } from "vitest";
import { it } from "../../support/teams-fixture.ts";
import { importPeople } from "../../../src/domain/people/import-people.ts";
import { createReviewCycle } from "../../../src/domain/reviews/create-review-cycle.ts";
import { launchReviewCycle } from "../../../src/domain/reviews/launch-review-cycle.ts";
import { listReachability } from "../../../src/domain/directory/list-reachability.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import { TEST_TENANT, type TeamsConversation, type TeamsHarness, type TeamsUser } from "../../support/teams.ts";

const clock = new ManualClock("2026-11-26T12:00:00Z");
let db: TestDatabase;
let teams: TeamsHarness;
let hana: TeamsUser, ana: TeamsUser, ben: TeamsUser, carl: TeamsUser, outsider: TeamsUser, otherSam: TeamsUser;
let channel: TeamsConversation;

const ROWS = [
  { line: 2, email: "hana.hr@example.com", name: "Hana HR", role: "hr" },
  { line: 3, email: "ana@example.com", name: "Ana Berlin", timeZone: "Europe/Berlin" },
  { line: 4, email: "ben@example.com", name: "Ben Tokyo", timeZone: "Asia/Tokyo" },
  { line: 5, email: "carl@example.com", name: "Carl Closed" },
  { line: 6, email: "olga@example.com", name: "Olga Outside" },
  { line: 7, email: "sam@example.com", name: "Sam Same" },
  { line: 8, email: "dan@example.com", name: "Dan Nowhere" },
];

it.override("teamsOptions", { clock });
it.beforeEach(async ({ db: testDb, teams: harness }) => {
  [db, teams] = [testDb, harness];
  clock.set("2026-11-26T12:00:00Z");
  hana = teams.user("Hana HR");
  ana = teams.user("Ana Berlin", { email: "ana@example.com" });
  // Teams shares no email for Ben, only his sign-in name.
  ben = teams.user("Ben Tokyo", { email: null });
  ben.userPrincipalName = "Ben@Example.com";
  carl = teams.user("Carl Closed", { installed: false, email: "carl@example.com" });
  // A guest from another organisation whose address matches someone imported: never linked.
  outsider = teams.user("Olga Outside", { email: "olga@example.com" });
  outsider.tenantId = "tenant-somewhere-else";
  otherSam = teams.user("Sam Same", { email: "sam@elsewhere.example" });
  const result = await importPeople(teams.service.domain, ROWS, { actor: "cli" });
  expect(result.errors).toEqual([]);
  channel = teams.channel("General");
  // 600 more members nobody imported: the roster spans two pages of 500.
  const strangers = Array.from({ length: 600 }, (_, index) =>
    teams.user(`Stranger ${index}`, { email: `stranger${index}@example.com` }),
  );
  teams.connector.setTeam({
    id: channel.team!.id,
    memberIds: [hana, ...strangers, ana, ben, carl, outsider, otherSam].map((user) => user.id),
    botInTeam: true,
  });
  // The only person who ever touched the bot: HR installs it and adds it to the team.
  expect((await teams.installApp(hana)).status).toBeLessThan(300);
  expect((await teams.addToTeam(channel, hana)).status).toBeLessThan(300);
  await teams.service.settle();
});

const personOf = (email: string) =>
  db.prisma.person.findUniqueOrThrow({ where: { email }, include: { teamsIdentities: true } });
const cardsTo = (user: TeamsUser) =>
  teams
    .sentTo(teams.personalChat(user))
    .flatMap((activity) =>
      (activity.attachments ?? []).map((attachment: { content: unknown }) => JSON.stringify(attachment.content)),
    );

describe("reaching people HR imported, on Teams", () => {
  it("when Momentum is added to a team, members are linked by email or UPN from the paged roster and each gets a personal chat", async () => {
    expect(teams.connector.rosterCalls.map((call) => [call.pageSize, call.continuationToken !== null])).toEqual([
      [500, false],
      [500, true],
    ]);
    expect((await personOf("ana@example.com")).teamsIdentities.map((identity) => identity.aadObjectId)).toEqual([
      ana.aadObjectId,
    ]);
    expect((await personOf("ben@example.com")).teamsIdentities.map((identity) => identity.aadObjectId)).toEqual([
      ben.aadObjectId,
    ]);
    const opened = teams.connector.createdConversations.map((entry) => entry.memberId);
    expect(opened).toEqual(expect.arrayContaining([ana.id, ben.id]));
    expect((await personOf("ana@example.com")).teamsIdentities[0].conversationReference).toMatchObject({
      conversation: { id: `a:personal-${ana.id}`, tenantId: TEST_TENANT },
    });
  });

  it("a member of another tenant and a same-named member with another email are never linked", async () => {
    expect((await personOf("olga@example.com")).teamsIdentities).toEqual([]);
    expect((await personOf("sam@example.com")).teamsIdentities).toEqual([]);
    expect(
      await db.prisma.teamsIdentity.count({
        where: { aadObjectId: { in: [outsider.aadObjectId, otherSam.aadObjectId] } },
      }),
    ).toBe(0);
    expect(teams.connector.createdConversations.map((entry) => entry.memberId)).not.toContain(outsider.id);
  });

  it("journey: the Friday check-in prompt reaches every linked person at 15:00 in their own zone", async () => {
    const newWeek = (user: TeamsUser) => cardsTo(user).filter((card) => card.includes("4 December")).length;
    const at = async (instant: string) => {
      clock.set(instant);
      await teams.service.scheduler.tick();
      await teams.service.settle();
    };
    await at("2026-11-27T06:00:00Z"); // 15:00 in Tokyo
    expect([newWeek(ben), newWeek(ana)]).toEqual([1, 0]);
    await at("2026-11-27T14:00:00Z"); // 15:00 in Berlin
    expect([newWeek(ben), newWeek(ana)]).toEqual([1, 1]);
    await at("2026-11-27T15:00:00Z"); // 15:00 UTC (Hana)
    expect(newWeek(hana)).toBe(1);
    expect(cardsTo(carl)).toEqual([]);
  });

  it("journey: a review launch reaches every participant Momentum can reach, and counts the one it can't", async () => {
    clock.set("2026-11-26T09:30:00Z"); // Hana's, Ana's and Ben's (Tokyo 18:30 is past) … working hours
    const hr = await personOf("hana.hr@example.com");
    const ids = await Promise.all(
      ["hana.hr@example.com", "ana@example.com", "ben@example.com", "carl@example.com"].map(
        async (email) => (await personOf(email)).id,
      ),
    );
    const cycle = await createReviewCycle(teams.service.domain, {
      actorId: hr.id,
      name: "H2",
      participants: { kind: "people", personIds: ids },
      selfDueDate: "2026-12-10",
      managerDueDate: "2026-12-17",
    });
    const launched = await launchReviewCycle(teams.service.domain, { actorId: hr.id, cycleId: cycle.cycleId });
    await teams.service.settle();
    clock.set("2026-11-27T01:00:00Z"); // Ben's Friday morning in Tokyo
    await teams.service.settle();

    expect(launched.unreachable).toBe(1);
    for (const user of [hana, ana, ben])
      expect(
        cardsTo(user).some((card) => card.includes("H2")),
        user.name,
      ).toBe(true);
  });

  it("the daily sync reads every team once a day; people in no team show why they can't be reached", async () => {
    const before = teams.connector.rosterCalls.length;
    clock.set("2026-11-27T03:00:00Z");
    await teams.service.scheduler.tick();
    clock.set("2026-11-27T03:01:00Z");
    await teams.service.scheduler.tick();
    expect(teams.connector.rosterCalls.length - before).toBe(2); // two pages, one run

    const reach = await listReachability(teams.service.domain, { platforms: ["teams"] });
    const why = (email: string) => reach.find((person) => person.email === email)!.platforms.teams;
    expect(why("dan@example.com")).toEqual({ reachable: false, reason: "no team shared with Momentum on Teams" });
    expect(why("carl@example.com")).toEqual({
      reachable: false,
      reason: "in a team with Momentum, but Teams refused to open a personal chat",
    });
    expect(why("ana@example.com")).toEqual({ reachable: true, reason: null });
  });

  it("when the bot was removed from a team, the roster answers 403 and the team is no longer read", async () => {
    teams.connector.setTeam({ id: channel.team!.id, memberIds: [], botInTeam: false });
    const directory = teams.service.directories.find((candidate) => candidate.platform === "teams")!;
    await directory.sync();
    expect((await db.prisma.teamsTeam.findFirstOrThrow()).removedAt).not.toBeNull();
    const calls = teams.connector.rosterCalls.length;
    await directory.sync();
    expect(teams.connector.rosterCalls.length).toBe(calls);
  });

  it("a member who joins the team later is linked and given a personal chat when they join", async () => {
    const dan = teams.user("Dan Nowhere", { email: "dan@example.com" });
    const joined = teams.activity(
      hana,
      { type: "conversationUpdate", membersAdded: [{ id: dan.id, aadObjectId: dan.aadObjectId }] },
      { conversation: channel },
    );
    joined.conversation.id = channel.id;
    expect((await teams.post(joined)).status).toBeLessThan(300);
    await teams.service.settle();

    expect((await personOf("dan@example.com")).teamsIdentities[0]?.conversationReference).toMatchObject({
      conversation: { id: `a:personal-${dan.id}` },
    });
  });
});
