// Pulse surveys on Teams end to end, through the real botbuilder code and the fake Bot Connector: HR types `pulse`,
// fills the dialog, previews and launches; people are asked at their local time with a card whose button opens the
// survey dialog (task/fetch), answer (task/submit), change their answers with the key in their private "answered"
// card; HR closes the round, results go back to everyone asked, and `pulse results` shows the scores. MIN_GROUP_SIZE
// is 3 so three people can see scores; comments still need five.
import { describe, expect } from "vitest";
import { it } from "../../support/teams-fixture.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import { createPerson } from "../../support/fixtures.ts";
import type { TeamsHarness, TeamsUser } from "../../support/teams.ts";

const clock = new ManualClock("2026-12-07T12:00:00Z"); // Monday
let db: TestDatabase;
let teams: TeamsHarness;
let hana: TeamsUser;
let amy: TeamsUser;
let ben: TeamsUser;

it.override("teamsOptions", { clock, env: { MIN_GROUP_SIZE: "3" } });
it.beforeEach(async ({ db: testDb, teams: harness }) => {
  [db, teams] = [testDb, harness];
  clock.set("2026-12-07T12:00:00Z");
  hana = teams.user("Hana HR");
  amy = teams.user("Amy Adams");
  ben = teams.user("Ben Brown");
  await createPerson(db, { email: hana.email!, name: hana.name, role: "hr" });
  for (const user of [hana, amy, ben]) await teams.installApp(user);
  // Everyone chats from Berlin except Ben, who set New York himself.
  await db.prisma.person.update({
    where: { email: ben.email! },
    data: { timeZone: "America/New_York", timeZoneExplicit: true },
  });
});

type Card = { body: Record<string, any>[]; actions?: Record<string, any>[] };
const cardOf = (activity: Record<string, any> | undefined): Card => activity?.attachments?.[0]?.content;
const chatWith = (user: TeamsUser) => teams.sentTo(teams.personalChat(user));
const pulseCards = (user: TeamsUser) =>
  chatWith(user).filter(
    (activity) =>
      /pulse/i.test(String(activity.summary ?? "")) ||
      JSON.stringify(cardOf(activity) ?? {}).includes("pulse_answer_open"),
  );
const text = (card: Card) => JSON.stringify(card);

async function run(at: string) {
  clock.set(at);
  await teams.service.scheduler.tick();
  await teams.service.settle();
}

async function say(user: TeamsUser, words: string) {
  const typed = await teams.message(user, words);
  await teams.service.settle();
  return teams.repliesTo(typed.id);
}

async function fetchDialog(user: TeamsUser, data: unknown) {
  const fetched = await teams.invoke(user, "task/fetch", { type: "task/fetch", data });
  return fetched.body.task as { type: string; value: any };
}

async function submitDialog(user: TeamsUser, data: unknown) {
  const submitted = await teams.invoke(user, "task/submit", { data });
  await teams.service.settle();
  return submitted;
}

const SETUP = {
  title: "Winter pulse",
  library: "enps,workload,comment",
  custom: "",
  audience: "everyone",
  managers: "",
  cadence: "once",
  weekday: "2",
  time: "10:00",
  openDays: "3",
  share: "true",
};

async function launch() {
  const start = cardOf((await say(hana, "pulse"))[0]);
  const form = await fetchDialog(hana, start.actions![0].data);
  const setupCard = form.value.card.content as Card;
  const previewed = await submitDialog(hana, { ...setupCard.actions![0].data, ...SETUP });
  const preview = previewed.body.task.value.card.content as Card;
  const launchAction = preview.actions!.find((action) => action.title === "Launch")!;
  const launched = await submitDialog(hana, launchAction.data);
  return { preview, launched };
}

async function answer(user: TeamsUser, data: Record<string, unknown>, values: Record<string, string>) {
  const dialog = await fetchDialog(user, data);
  const survey = dialog.value.card.content as Card;
  const submitted = await submitDialog(user, { ...survey.actions![0].data, ...values });
  return { survey, submitted };
}

const askData = (user: TeamsUser) =>
  pulseCards(user)
    .map(cardOf)
    .find((card) => card?.actions?.[0]?.data?.action === "pulse_answer_open")!.actions![0].data;

// The journey runs last and the other test that sends uses an earlier week: the delivery worker keeps rate-limit
// slots at absolute clock times in memory, and a test clock stepped back after sends would wait for them (reported).
describe("pulse on Teams", () => {
  it("a missing answer brings the survey back with the problem under its question and nothing stored", async () => {
    // A week before the journey's, so the clock only moves forward across the file's deliveries.
    clock.set("2026-11-30T12:00:00Z");
    await launch();
    await run("2026-12-01T09:00:00Z");
    const { submitted } = await answer(amy, askData(amy), { q_enps: "", q_workload: "4" });
    const again = submitted.body.task.value.card.content as Card;
    expect(text(again)).toContain("Choose a value from 0 to 10.");
    expect(again.body.find((element) => element.id === "q_workload")?.value).toBe("4");
    expect(await db.prisma.pulseAnswer.count()).toBe(0);
  });

  it("when someone who isn't HR types pulse, pulse results, pulse close or pulse stop, they alone are refused", async () => {
    for (const words of ["pulse", "pulse results", "pulse close", "pulse stop"]) {
      const [reply] = await say(amy, words);
      expect(reply.text).toMatch(
        /^Sorry, only HR can (run pulse surveys|see pulse results|close pulse surveys|stop pulse surveys)\.$/,
      );
    }
    expect((await fetchDialog(amy, { action: "pulse_setup_open" })).value).toBe(
      "Sorry, only HR can run pulse surveys.",
    );
    expect(await db.prisma.pulseSurvey.count()).toBe(0);
  });
  it("launch → asked at local time → answer → change the answer → close → results, with nobody identifiable", async () => {
    const { preview, launched } = await launch();
    expect(text(preview)).toContain("Asks 3 people: everyone Momentum can reach.");
    expect(text(preview)).toContain("Tuesday at 10:00 in each person's own time zone");
    expect(launched.status).toBe(200);
    expect(chatWith(hana).at(-1)?.text).toContain('"Winter pulse" is launched: 3 people');

    // 10:00 in Berlin (09:00 UTC): Hana and Amy; Ben at 10:00 in New York (15:00 UTC).
    await run("2026-12-08T08:59:00Z");
    expect(pulseCards(amy)).toHaveLength(0);
    await run("2026-12-08T09:00:00Z");
    expect(pulseCards(amy)).toHaveLength(1);
    expect(pulseCards(ben)).toHaveLength(0);
    await run("2026-12-08T15:00:00Z");
    expect(pulseCards(ben)).toHaveLength(1);
    await run("2026-12-08T15:01:00Z");
    expect(pulseCards(amy)).toHaveLength(1);

    const { survey } = await answer(amy, askData(amy), {
      q_enps: "3",
      q_workload: "2",
      comment: "Fewer meetings please",
    });
    expect(text(survey)).toContain("Who sees what");
    expect(text(survey)).toContain("stored without your name");
    const answered = cardOf(chatWith(amy).at(-1));
    expect(text(answered)).toContain("are saved, anonymously");
    const change = answered.actions![0];
    expect(change).toMatchObject({
      title: "Change my answers",
      data: { msteams: { type: "task/fetch" }, action: "pulse_answer_open" },
    });

    // The ask's button again tells her to use her own button; Ben can't open hers.
    expect((await fetchDialog(amy, askData(amy))).value).toContain("Change my answers");
    expect((await fetchDialog(ben, change.data)).value).toContain("couldn't match");

    const editing = (await fetchDialog(amy, change.data)).value.card.content as Card;
    expect(editing.body.find((element) => element.id === "q_enps")?.value).toBe("3");
    expect(editing.body.find((element) => element.id === "comment")?.value).toBe("Fewer meetings please");
    await submitDialog(amy, { ...editing.actions![0].data, q_enps: "10", q_workload: "4", comment: "" });
    expect(text(cardOf(chatWith(amy).at(-1)))).toContain("are changed");

    await answer(ben, askData(ben), { q_enps: "9", q_workload: "4" });
    await answer(hana, askData(hana), { q_enps: "5", q_workload: "3" });
    expect(await db.prisma.pulseAnswer.count()).toBe(3);

    expect(text(cardOf((await say(hana, "pulse results"))[0]))).toContain("Scores appear when the round closes");
    clock.set("2026-12-09T12:00:00Z");
    expect((await say(hana, "pulse close"))[0].text).toContain("is closed. Results are on their way to 3 people.");
    // Amy is in working hours in Berlin (Ben's copy waits for his morning in New York).
    const shared = chatWith(amy).find((activity) => String(activity.summary).startsWith("Results of the pulse"));
    expect(text(cardOf(shared))).toContain("eNPS: +33");

    const results = text(cardOf((await say(hana, "pulse results"))[0]));
    expect(results).toContain("eNPS +33");
    expect(results).toContain("Comments are shown only when at least 5 people answered");
    expect(results).not.toContain("Fewer meetings");
    expect(teams.service.logs.join("\n")).not.toContain("Fewer meetings");
  });
});
