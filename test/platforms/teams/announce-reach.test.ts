// An announcement follow-up in an org HR imported by CSV, on Teams, through the real botbuilder code and the fake
// Bot Connector: nobody but HR ever touched the bot. HR adds Momentum to a team, whose roster links the members and
// opens a personal chat with each; HR announces, some acknowledge, and the follow-up DMs every reachable
// non-acknowledger exactly once, nobody who acknowledged, and tells HR how many can't be reached (someone Teams
// refuses a chat with, someone in no team Momentum is in).
import { describe, expect } from "vitest";
import { it } from "../../support/teams-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import { importOrgFromCsv } from "../../support/fixtures.ts";
import {
  announceThroughDialog,
  cardOf,
  clickCardButton,
  type TeamsConversation,
  type TeamsHarness,
  type TeamsUser,
} from "../../support/teams.ts";

// Wednesday 25 November 2026, 12:00 UTC: working hours for everyone (UTC, the org's default zone).
const clock = new ManualClock("2026-11-25T12:00:00Z");
let db: TestDatabase;
let teams: TeamsHarness;
let hana: TeamsUser, ana: TeamsUser, ben: TeamsUser, cleo: TeamsUser, carl: TeamsUser;
let general: TeamsConversation;

// Carl is in the team but Teams won't open a chat with him; Dan is in no team Momentum is in.
const CSV = [
  "email,name,manager_email,role,timezone",
  "hana.hr@example.com,Hana HR,,hr,",
  "ana@example.com,Ana Adams,hana.hr@example.com,,",
  "ben@example.com,Ben Brown,hana.hr@example.com,,",
  "cleo@example.com,Cleo Clark,hana.hr@example.com,,",
  "carl@example.com,Carl Closed,hana.hr@example.com,,",
  "dan@example.com,Dan Nowhere,hana.hr@example.com,,",
];

it.override("teamsOptions", { clock });
it.beforeEach(async ({ db: testDb, teams: harness }) => {
  [db, teams] = [testDb, harness];
  clock.set("2026-11-25T12:00:00Z");
  hana = teams.user("Hana HR");
  ana = teams.user("Ana Adams", { email: "ana@example.com" });
  ben = teams.user("Ben Brown", { email: "ben@example.com" });
  cleo = teams.user("Cleo Clark", { email: "cleo@example.com" });
  carl = teams.user("Carl Closed", { email: "carl@example.com", installed: false });
  expect((await importOrgFromCsv(teams.service, CSV, ["teams"])).exitCode).toBe(0);
  general = teams.channel("General");
  teams.connector.setTeam({
    id: general.team!.id,
    memberIds: [hana, ana, ben, cleo, carl].map((user) => user.id),
    botInTeam: true,
  });
  // The only person who ever touches the bot: HR installs it and adds it to the team.
  await teams.installApp(hana);
  await teams.addToTeam(general, hana);
  await teams.service.settle();
});

const chatWith = (user: TeamsUser) => teams.sentTo(teams.personalChat(user));
const reminders = (user: TeamsUser) =>
  chatWith(user).filter((activity) => String(activity.summary).startsWith("Reminder from Hana HR"));

/** HR asks `announce status` and clicks its reminder button `times` times; returns the status card and the last answer. */
async function followUp(times = 1) {
  const asked = await teams.message(hana, "announce status");
  await teams.service.settle();
  const status = cardOf(teams.repliesTo(asked.id)[0]);
  for (let i = 0; i < times; i++) await clickCardButton(teams, hana, status.actions![0].data);
  return { status, answer: chatWith(hana).at(-1)?.text as string };
}

describe("an announcement follow-up in an org imported by CSV, on Teams", () => {
  it("journey: every reachable person who hasn't acknowledged gets one reminder DM, acknowledgers none, and HR is told how many can't be reached", async () => {
    await announceThroughDialog(teams, hana, {
      channels: general.id,
      text: "The new travel policy is live.",
      withAck: "true",
    });
    const announcementId = (await db.prisma.announcement.findFirstOrThrow()).id;
    // Ana and Cleo acknowledge from the channel card: the first time either of them ever touches Momentum.
    for (const user of [ana, cleo])
      await clickCardButton(teams, user, { action: "announce_ack", announcementId }, general);

    const { status, answer } = await followUp();

    expect(JSON.stringify(status.body)).toContain("2 of 4 acknowledged it.");
    expect(JSON.stringify(status.body)).toContain("Not yet (2): Ben Brown and Carl Closed");
    expect(reminders(ben)).toHaveLength(1);
    expect(cardOf(reminders(ben)[0]).actions![0]).toMatchObject({
      title: "Acknowledge",
      data: { action: "announce_ack", announcementId },
    });
    for (const user of [ana, cleo, hana]) expect(reminders(user), user.name).toHaveLength(0);
    expect(teams.connector.posted.filter((entry) => entry.conversationId === teams.personalChat(carl).id)).toHaveLength(
      0,
    );
    expect(answer).toBe(
      "🔔 Reminder on its way to 1 person, during their working hours. 2 people who haven't acknowledged can't be reached on Slack or Teams yet and won't get it (`npm run momentum -- people reach` lists who and why).",
    );
  });

  it("when HR sends the follow-up again, nobody gets a second reminder", async () => {
    await announceThroughDialog(teams, hana, {
      channels: general.id,
      text: "The new travel policy is live.",
      withAck: "true",
    });

    const { answer } = await followUp(2);

    for (const user of [ana, ben, cleo]) expect(reminders(user), user.name).toHaveLength(1);
    expect(answer).toBe("No one new to remind: everyone who hasn't acknowledged has already had their one reminder.");
  });
});
