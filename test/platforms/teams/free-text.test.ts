// Free text that cannot be stored (a NUL byte, half of a surrogate pair) is refused at the edge on Teams too, with
// a clear message where the person typed it, and nothing is stored.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { UNSTORABLE_TEXT } from "../../../src/domain/text.schemas.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { CHECKIN_START_ACTION } from "../../../src/platforms/teams/cards/checkin-cards.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { startTeamsHarness, type TeamsHarness, type TeamsUser } from "../../support/teams.ts";

const clock = new ManualClock("2026-11-25T12:00:00Z");
let db: TestDatabase;
let teams: TeamsHarness;
let gina: TeamsUser;

beforeAll(async () => {
  db = await createTestDatabase();
  teams = await startTeamsHarness({ db, clock });
});
afterAll(async () => {
  await teams?.stop();
  await db?.drop();
});
beforeEach(async () => {
  await resetDatabase(db);
  gina = teams.user("Gina Giver");
  await teams.installApp(gina);
});

describe("unstorable characters in Teams text", () => {
  test("when a kudos message carries a NUL byte, Gina is told to retype it and no kudos is stored", async () => {
    const alice = teams.user("Alice");
    await teams.installApp(alice);
    const sent = await teams.message(gina, "kudos <at>Alice</at> thanks\u0000 for the demo", { mentions: [alice] });
    await teams.service.settle();
    const reply = teams
      .repliesTo(sent.id)
      .map((activity) => activity.text ?? JSON.stringify(activity.attachments))
      .join(" ");
    expect(reply).toContain(UNSTORABLE_TEXT);
    expect(reply).not.toMatch(/went wrong/i);
    expect(await db.prisma.kudos.count()).toBe(0);
  });

  test("when a check-in dialog field holds a lone surrogate, the dialog comes back with the problem under that field and nothing is stored", async () => {
    const fetched = await teams.invoke(gina, "task/fetch", {
      type: "task/fetch",
      data: { action: CHECKIN_START_ACTION },
    });
    const form = fetched.body.task.value.card.content as { actions: { type: string; data: Record<string, unknown> }[] };
    const submit = form.actions.find((action) => action.type === "Action.Submit")!;
    const answer = await teams.invoke(gina, "task/submit", {
      data: { ...submit.data, mood: "4", progress: "Shipped", plans: "Docs \udc00 next" },
    });
    await teams.service.settle();
    const fields = Object.fromEntries(
      (answer.body.task.value.card.content.body as { id?: string; text?: string }[])
        .filter((element) => element.id)
        .map((element) => [element.id, element]),
    );
    expect(fields.plansError.text).toBe(UNSTORABLE_TEXT);
    expect(fields.progressError).toBeUndefined();
    expect(await db.prisma.checkIn.count()).toBe(0);
  });
});
