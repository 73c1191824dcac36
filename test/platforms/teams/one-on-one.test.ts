// The manager's week on Teams, through the real botbuilder code: `one-on-one @Ana friday 10:00`, the agenda card at
// the right local time, the private-note dialog (task/fetch, task/submit), "Mark 1:1 done", `summary`, `home`, and
// the negatives: another manager replaying the agenda's buttons, an employee asking for a summary.
import { describe, expect } from "vitest";
import { assignManager, assignRole, personIdOf, test } from "../../support/teams-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { TeamsHarness, TeamsUser } from "../../support/teams.ts";
import { SEEDED_AT } from "../../support/fixtures.ts";

const clock = new ManualClock("2026-12-02T10:00:00Z");
const NOTE = "Ask Ana about the conference talk";
let db: TestDatabase;
let teams: TeamsHarness;
let mia: TeamsUser;
let ana: TeamsUser;
let otto: TeamsUser;

test.override("teamsOptions", { clock });
test.beforeEach(async ({ db: testDb, teams: harness }) => {
  [db, teams] = [testDb, harness];
  clock.set("2026-12-02T10:00:00Z");
  mia = teams.user("Mia Manager");
  ana = teams.user("Ana Report");
  otto = teams.user("Otto Other");
  for (const user of [mia, ana, otto]) await teams.installApp(user);
  await assignRole(db, [mia, otto], "manager");
  await assignManager(db, [ana], mia);
  await db.prisma.checkIn.create({
    data: {
      personId: await personIdOf(db, ana),
      periodKey: "2026-W48",
      mood: 3,
      progress: "p",
      plans: "q",
      blockers: "Waiting on legal",
      forManager: "Conference budget?",
      submittedAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    },
  });
});

type Card = { body: Record<string, any>[]; actions?: Record<string, any>[] };
const cardsTo = (user: TeamsUser): Card[] =>
  teams
    .sentTo(teams.personalChat(user))
    .flatMap((activity) => (activity.attachments ?? []).map((attachment: { content: Card }) => attachment.content));
const textsTo = (user: TeamsUser) =>
  teams
    .sentTo(teams.personalChat(user))
    .map((activity) => `${activity.text ?? ""} ${JSON.stringify(activity.attachments ?? [])}`);
const agendaOf = (user: TeamsUser) =>
  cardsTo(user)
    .filter((card) => JSON.stringify(card.body).includes("Your 1:1 with"))
    .at(-1);

describe("1:1s on Teams", () => {
  test("when Mia sets Ana's slot, the agenda card arrives an hour before it with Ana's check-in; Otto's replayed buttons are refused; Mia's note and done work once", async () => {
    const set = await teams.message(mia, "one-on-one <at>Ana Report</at> friday 10:00", { mentions: [ana] });
    await teams.service.settle();
    expect(teams.repliesTo(set.id).at(-1)?.text).toBe(
      "📅 Your weekly 1:1 with Ana Report is Friday at 10:00 (Europe/Berlin). The next one is Friday 4 December, 10:00; its agenda arrives Friday 4 December, 09:00.",
    );
    const refused = await teams.message(otto, "one-on-one <at>Ana Report</at> monday 09:00", { mentions: [ana] });
    await teams.service.settle();
    expect(teams.repliesTo(refused.id).at(-1)?.text).toBe("Only Ana Report's manager (or HR) can set their 1:1 time.");

    clock.set("2026-12-04T07:59:00Z");
    await teams.service.scheduler.tick();
    await teams.service.settle();
    expect(agendaOf(mia)).toBeUndefined();
    clock.set("2026-12-04T08:00:00Z");
    await teams.service.scheduler.tick();
    await teams.service.settle();
    const agenda = agendaOf(mia)!;
    const shown = JSON.stringify(agenda.body);
    expect(shown).toContain("Your 1:1 with Ana Report");
    expect(shown).toContain("Waiting on legal");
    expect(shown).toContain("Conference budget?");
    for (const user of [ana, otto]) expect(agendaOf(user)).toBeUndefined();
    const [noteButton, doneButton] = agenda.actions!;

    const ottoFetch = await teams.invoke(otto, "task/fetch", { type: "task/fetch", data: noteButton.data });
    expect(ottoFetch.body.task).toEqual({
      type: "message",
      value: "Only Ana Report's manager can use this 1:1 agenda.",
    });
    const ottoDone = await teams.message(otto, "", { value: doneButton.data });
    await teams.service.settle();
    expect(teams.repliesTo(ottoDone.id).at(-1)?.text).toBe("Only Ana Report's manager can use this 1:1 agenda.");
    expect(await db.prisma.oneOnOneDone.count()).toBe(0);

    // Written after the agenda was built: "done" leaves it open for the next agenda.
    clock.set("2026-12-04T08:30:00Z");
    const fetched = await teams.invoke(mia, "task/fetch", { type: "task/fetch", data: noteButton.data });
    const form = fetched.body.task.value.card.content as Card;
    const submit = form.actions!.find((action) => action.type === "Action.Submit")!;
    const empty = await teams.invoke(mia, "task/submit", { data: { ...submit.data, note: "   " } });
    expect(JSON.stringify(empty.body.task.value.card.content)).toContain("Write your note first.");
    await teams.invoke(mia, "task/submit", { data: { ...submit.data, note: NOTE } });
    await teams.service.settle();
    expect(await db.prisma.oneOnOneNote.findMany({ select: { text: true } })).toEqual([{ text: NOTE }]);

    const done = await teams.message(mia, "", { value: doneButton.data });
    await teams.service.settle();
    expect(JSON.stringify(teams.repliesTo(done.id))).toContain(
      "Your 1:1 with Ana Report for Week 49, 2026 is marked done",
    );
    expect(await db.prisma.oneOnOneDone.count()).toBe(1);

    clock.set("2026-12-11T08:00:00Z");
    await teams.service.scheduler.tick();
    await teams.service.settle();
    expect(JSON.stringify(agendaOf(mia)!.body)).toContain(NOTE);
    for (const user of [ana, otto]) for (const text of textsTo(user)) expect(text).not.toContain(NOTE);
    expect(teams.service.logs.join("\n")).not.toContain(NOTE);
  });

  test("`summary` shows Mia her team; Ana and Otto are refused Mia's; `home` shows Ana her own week and no team", async () => {
    const own = await teams.message(mia, "summary");
    await teams.service.settle();
    expect(JSON.stringify(teams.repliesTo(own.id))).toContain("Your team, Week 48, 2026");
    for (const user of [ana, otto]) {
      const refused = await teams.message(user, "summary <at>Mia Manager</at>", { mentions: [mia] });
      await teams.service.settle();
      expect(teams.repliesTo(refused.id).at(-1)?.text).toContain("only HR can see another manager's team summary");
    }
    const home = await teams.message(ana, "home");
    await teams.service.settle();
    const card = JSON.stringify(teams.repliesTo(home.id));
    expect(card).toContain("Hi Ana Report");
    expect(card).toContain("Check-in: done for this week");
    expect(card).not.toContain("My team at a glance");
    const miaHome = await teams.message(mia, "home");
    await teams.service.settle();
    expect(JSON.stringify(teams.repliesTo(miaHome.id))).toContain("My team at a glance");
    expect(JSON.stringify(teams.repliesTo(miaHome.id))).not.toContain("Waiting on legal");
  });
});
