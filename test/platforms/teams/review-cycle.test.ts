// A review cycle on Teams end to end, through the real botbuilder code with the fake Bot Connector: HR creates it
// in a dialog and launches it from the card, Eve saves a draft and submits in the review dialog, Max reviews her
// with her answers beside each question, the automatic nudge reaches only Dana at 09:00 Berlin time, HR's nudge
// reaches her once however often it is confirmed, status, close, Max shares, and only then Eve reads it.
import { describe, expect } from "vitest";
import { assignManager, assignRole, test } from "../../support/teams-fixture.ts";
import { reviewsCsv } from "../../../src/cli/commands/reviews.ts";
import { exportReviewCycle } from "../../../src/domain/reviews/export-review-cycle.ts";
import { domainContext } from "../../support/fixtures.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { TeamsHarness, TeamsUser } from "../../support/teams.ts";

const clock = new ManualClock("2026-11-25T14:00:00Z");
let db: TestDatabase;
let teams: TeamsHarness;
let hana: TeamsUser, max: TeamsUser, eve: TeamsUser, dana: TeamsUser, sol: TeamsUser;

test.override("teamsOptions", { clock });
test.beforeEach(async ({ db: testDb, teams: harness }) => {
  [db, teams] = [testDb, harness];
  clock.set("2026-11-25T14:00:00Z");
  [hana, max, eve, dana, sol] = ["Hana HR", "Max Manager", "Eve Early", "Dana Doer", "Sol Solo"].map((name) =>
    teams.user(name),
  );
  for (const user of [hana, max, eve, dana, sol]) expect((await teams.installApp(user)).status).toBeLessThan(300);
  await assignRole(db, [hana], "hr");
  await assignRole(db, [max], "manager");
  await assignManager(db, [eve, dana], max);
});

type Card = { body: Record<string, any>[]; actions?: Record<string, any>[] };
const cardsTo = (user: TeamsUser): Card[] =>
  teams
    .sentTo(teams.personalChat(user))
    .flatMap((activity) => (activity.attachments ?? []).map((attachment: { content: Card }) => attachment.content));
const lastCardTo = (user: TeamsUser) => cardsTo(user).at(-1)!;
const textOf = (card: Card) => JSON.stringify(card.body);
const inputs = (card: Card) =>
  Object.fromEntries(card.body.filter((element) => element.id).map((element) => [element.id, element]));
const lastText = (user: TeamsUser) => teams.sentTo(teams.personalChat(user)).at(-1)!;

async function fetchDialog(user: TeamsUser, data: Record<string, unknown>) {
  const fetched = await teams.invoke(user, "task/fetch", { type: "task/fetch", data });
  expect(fetched.status).toBe(200);
  return fetched.body.task;
}
async function submitDialog(user: TeamsUser, data: Record<string, unknown>) {
  const submitted = await teams.invoke(user, "task/submit", { data });
  await teams.service.settle();
  expect(submitted.status).toBe(200);
  return submitted.body?.task;
}
async function say(user: TeamsUser, text: string) {
  await teams.message(user, text);
  await teams.service.settle();
}
async function press(user: TeamsUser, value: Record<string, unknown>) {
  await teams.message(user, "", { value });
  await teams.service.settle();
}

async function createAndLaunch(): Promise<void> {
  await say(hana, "review");
  const start = lastCardTo(hana);
  const form = (await fetchDialog(hana, start.actions![0].data)).value.card.content as Card;
  expect(inputs(form).questions.value).toContain("[1-5] Goals: how well were the goals of this period met?");
  expect(
    await submitDialog(hana, {
      action: "review_create_submit",
      name: "H2 2026",
      participants: "people",
      people: `${eve.aadObjectId},${dana.aadObjectId}`,
      selfDueDate: "2026-12-04",
      managerDueDate: "2026-12-11",
      questions: "[1-5] Goals\nAchievements",
    }),
  ).toBeUndefined();
  const created = lastCardTo(hana);
  expect(textOf(created)).toContain("2 people");
  await press(hana, created.actions![0].data);
  const launched = lastCardTo(hana);
  expect(textOf(launched)).toContain("H2 2026 is launched");
  // The launch offers to announce itself: a button opening the announcement dialog for this cycle.
  expect(launched.actions?.find((action) => action.title === "Announce this cycle")?.data).toMatchObject({
    action: "announce_open",
    cycleId: expect.any(String),
  });
}

describe("who may do what on Teams", () => {
  test("when an employee or a manager types review, or replays HR's Launch, they are told only HR can, and nothing happens", async () => {
    await say(hana, "review");
    const form = lastCardTo(hana);
    await fetchDialog(hana, form.actions![0].data);
    await submitDialog(hana, {
      action: "review_create_submit",
      name: "H2 2026",
      participants: "everyone",
      selfDueDate: "2026-12-04",
      managerDueDate: "2026-12-11",
      questions: "What went well?",
    });
    const launch = lastCardTo(hana).actions![0].data;
    for (const user of [eve, max]) {
      await say(user, "review");
      expect(lastText(user).text).toBe("Sorry, only HR can create a review cycle.");
      expect((await fetchDialog(user, { action: "review_create" })).value).toBe(
        "Sorry, only HR can create a review cycle.",
      );
      await press(user, launch);
      expect(lastText(user).text).toBe("Sorry, only HR can launch a review cycle.");
      await say(user, "review close H2 2026");
      expect(lastText(user).text).toBe("Sorry, only HR can close a review cycle.");
    }
    expect(await db.prisma.review.count()).toBe(0);
    expect((await db.prisma.reviewCycle.findFirstOrThrow()).status).toBe("draft");
  });

  test("when someone else replays Eve's 'Write my self-review' button, the dialog only says it isn't theirs", async () => {
    await createAndLaunch();
    const open = lastCardTo(eve).actions![0].data;
    for (const user of [sol, hana])
      expect((await fetchDialog(user, open)).value).toBe("Sorry, this review isn't yours to write.");
    expect(
      (
        await submitDialog(sol, {
          action: "review_form_submit",
          reviewId: open.reviewId,
          intent: "final",
          q1: "1",
          q2: "forged",
        })
      ).value,
    ).toBe("Sorry, this review isn't yours to write.");
    expect((await db.prisma.review.findUniqueOrThrow({ where: { id: open.reviewId } })).status).toBe("pending");
  });
});

// Last in the file: it moves the clock forward a week, and the outbox's rate buckets remember the latest instant.
describe("a review cycle on Teams", () => {
  test("when HR runs a cycle, each step reaches the right person once, drafts are kept, and Eve reads Max's review only after he shares it", async () => {
    await createAndLaunch();
    const request = lastCardTo(eve);
    expect(textOf(request)).toContain("Please write your self-review by Friday 4 December.");
    const open = request.actions![0];
    expect(open).toMatchObject({
      title: "Write my self-review",
      data: { msteams: { type: "task/fetch" }, action: "review_open" },
    });

    // Draft, then the dialog opens again with it; a final submit with a blank answer comes back marked, values kept.
    const form = (await fetchDialog(eve, open.data)).value.card.content as Card;
    expect(textOf(form)).toContain("Your goals");
    expect(
      await submitDialog(eve, { action: "review_form_submit", reviewId: open.data.reviewId, intent: "draft", q1: "4" }),
    ).toBeUndefined();
    expect(textOf(lastCardTo(eve))).toContain("saved as a draft (1 of 2 answered)");
    const reopened = (await fetchDialog(eve, open.data)).value.card.content as Card;
    expect(inputs(reopened).q1.value).toBe("4");
    const refused = await submitDialog(eve, {
      action: "review_form_submit",
      reviewId: open.data.reviewId,
      intent: "final",
      q1: "4",
      q2: " ",
    });
    expect(inputs(refused.value.card.content).q2Error.text).toBe("Please answer this question.");
    expect(inputs(refused.value.card.content).q1.value).toBe("4");
    await submitDialog(eve, {
      action: "review_form_submit",
      reviewId: open.data.reviewId,
      intent: "final",
      q1: "4",
      q2: "Shipped the importer",
    });
    expect(textOf(lastCardTo(eve))).toContain("Your self-review is submitted");

    // Max: "Review Eve Early", with her answers beside the questions.
    const ask = cardsTo(max).filter((card) => textOf(card).includes("Review Eve Early"));
    expect(ask).toHaveLength(1);
    const managerForm = (await fetchDialog(max, ask[0].actions![0].data)).value.card.content as Card;
    expect(textOf(managerForm)).toContain("Eve Early: Shipped the importer");
    const managerReviewId = ask[0].actions![0].data.reviewId;
    await submitDialog(max, {
      action: "review_form_submit",
      reviewId: managerReviewId,
      intent: "final",
      q1: "5",
      q2: "Eve carried the launch",
    });

    // Tuesday 1 December, 09:00 in Berlin: Dana (pending) is nudged once; Eve (done) is not.
    const danaBefore = cardsTo(dana).length;
    for (const at of ["2026-12-01T07:59:00Z", "2026-12-01T08:00:00Z", "2026-12-01T08:30:00Z"]) {
      clock.set(at);
      await teams.service.scheduler.tick();
      await teams.service.settle();
    }
    const reminders = (user: TeamsUser, from = 0) =>
      cardsTo(user)
        .slice(from)
        .filter((card) => textOf(card).includes("Friendly reminder"));
    expect(reminders(dana, danaBefore)).toHaveLength(1);
    expect(reminders(eve)).toHaveLength(0);

    // HR's nudge: a preview, then once however often it is confirmed.
    await say(hana, "review nudge");
    const preview = lastCardTo(hana);
    expect(textOf(preview)).toContain("This will remind 1 person");
    await press(hana, preview.actions![0].data);
    await press(hana, preview.actions![0].data);
    expect(reminders(dana, danaBefore)).toHaveLength(2);
    expect(textOf(lastCardTo(hana))).toContain("already nudged from this preview");

    await say(hana, "review status");
    expect(textOf(lastCardTo(hana))).toContain("Self-reviews 1/2");
    await say(eve, "review status");
    expect(lastText(eve).text).toBe("Sorry, only HR and managers can see the status of a review cycle.");

    // Close; Eve can't read it yet; Max shares; Eve reads it.
    await say(hana, "review close H2 2026");
    const share = cardsTo(max).find((card) => textOf(card).includes("can't see your review until you share it"))!;
    expect((await fetchDialog(eve, { action: "review_read", reviewId: managerReviewId })).value).toBe(
      "Your manager hasn't shared this review with you yet.",
    );
    await press(max, share.actions![0].data);
    expect(textOf(lastCardTo(max))).toContain("Shared with Eve Early");
    const released = lastCardTo(eve);
    expect(textOf(released)).toContain("Max Manager shared your review for H2 2026 with you.");
    const read = (await fetchDialog(eve, released.actions![0].data)).value.card.content as Card;
    expect(textOf(read)).toContain("Eve carried the launch");
    const csv = reviewsCsv(await exportReviewCycle(domainContext(db), { cycle: "H2 2026" }));
    expect(csv).toContain(",manager,Max Manager,shared,2026-11-25T14:00:00.000Z,5,Eve carried the launch\n");
    expect(csv).toContain("Dana Doer,dana.doer@example.com,Max Manager,self,Dana Doer,pending,,,\n");
    expect(teams.service.logs.join("\n")).not.toContain("Eve carried the launch");
  });
});
