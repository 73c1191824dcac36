// What a failing Teams handler logs. The database refuses the kudos with an error whose message quotes the kudos
// text (a trigger raising it, as a driver or validation error can): the person is told something went wrong, and
// the service log shows the failure's kind and codes but none of the words.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../support/database.ts";
import { startTeamsHarness, type TeamsHarness, type TeamsUser } from "../../support/teams.ts";

let db: TestDatabase;
let teams: TeamsHarness;
let giver: TeamsUser;
let alice: TeamsUser;

beforeAll(async () => {
  db = await createTestDatabase();
  teams = await startTeamsHarness({ db });
  giver = teams.user("Gina Giver");
  alice = teams.user("Alice");
  await teams.installApp(giver);
  await teams.installApp(alice);
  await db.prisma.$executeRawUnsafe(`
    CREATE FUNCTION refuse_kudos() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'kudos refused: %', NEW.message; END $$`);
  await db.prisma.$executeRawUnsafe(
    `CREATE TRIGGER refuse_kudos BEFORE INSERT ON "Kudos" FOR EACH ROW EXECUTE FUNCTION refuse_kudos()`,
  );
});
afterAll(async () => {
  await teams?.stop();
  await db?.drop();
});

describe("when a Teams handler fails with private text in the error", () => {
  test("the giver is told it failed, and the log has the failure but not the words, from the dialog and from a message", async () => {
    const fromDialog = "my-private-words-about-a-health-issue";
    const fromText = "more-private-words-about-the-reorg";
    const dialog = await teams.invoke(giver, "task/submit", {
      data: {
        action: "kudos_submit",
        recipients: alice.aadObjectId,
        message: `${fromDialog} thanks`,
        visibility: "private",
      },
    });
    const message = await teams.message(giver, `kudos <at>Alice</at> ${fromText} thanks`, { mentions: [alice] });
    await teams.service.settle();

    expect(JSON.stringify(dialog.body)).toContain("Something went wrong on our side");
    expect(
      teams
        .repliesTo(message.id)
        .map((reply) => reply.text)
        .join(" "),
    ).toContain("Something went wrong on our side");
    expect(await db.prisma.kudos.count()).toBe(0);
    const logs = teams.service.logs.join("\n");
    const failures = teams.service.logs.filter((line) => /"level":50/.test(line));
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures.join("\n")).toMatch(/"error":\{"name":"[A-Za-z]+/);
    expect(logs).not.toContain(fromDialog);
    expect(logs).not.toContain(fromText);
    expect(logs).not.toContain("kudos refused");
  });
});
