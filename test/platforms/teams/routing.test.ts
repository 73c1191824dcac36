// Teams routing through the real botbuilder code: dialogs (task/fetch, task/submit) and card buttons each go through
// one registry keyed by the action their data carries. An action Momentum does not know is refused with a message,
// and nothing else runs: not the kudos form (where an unknown dialog used to fall through), not a save.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { startTeamsHarness, type TeamsHarness, type TeamsUser } from "../../support/teams.ts";

let db: TestDatabase;
let teams: TeamsHarness;
let person: TeamsUser;
let alice: TeamsUser;

beforeAll(async () => {
  db = await createTestDatabase();
  teams = await startTeamsHarness({ db });
});
afterAll(async () => {
  await teams?.stop();
  await db?.drop();
});
beforeEach(async () => {
  await resetDatabase(db);
  person = teams.user("Gina Giver");
  alice = teams.user("Alice");
  await teams.installApp(person);
  await teams.installApp(alice);
});

const refusedForm = /Momentum doesn't know that form, so nothing was opened or saved/;

describe("dialogs", () => {
  test("when a dialog is opened with an unknown action, the person gets the refusal, not the kudos form", async () => {
    const opened = await teams.invoke(person, "task/fetch", { type: "task/fetch", data: { action: "no_such_dialog" } });

    expect(opened.status).toBe(200);
    expect(opened.body).toEqual({ task: { type: "message", value: expect.stringMatching(refusedForm) } });
    expect(JSON.stringify(opened.body)).not.toMatch(/Send kudos|Give kudos/);
  });

  test("when a dialog is opened with no action at all, or with an inherited property name, it is refused too", async () => {
    for (const data of [{}, { action: "constructor" }, { action: "toString" }, undefined]) {
      const opened = await teams.invoke(person, "task/fetch", { type: "task/fetch", data });
      expect(opened.body).toEqual({ task: { type: "message", value: expect.stringMatching(refusedForm) } });
    }
  });

  test("when a form is submitted with an unknown action and kudos-shaped data, it is refused and no kudos is stored", async () => {
    const submitted = await teams.invoke(person, "task/submit", {
      data: { action: "kudos_submit_v0", recipients: alice.aadObjectId, message: "thanks", visibility: "public" },
    });
    await teams.service.settle();

    expect(submitted.body).toEqual({ task: { type: "message", value: expect.stringMatching(refusedForm) } });
    expect(await db.prisma.kudos.count()).toBe(0);
  });

  test("when the kudos button is clicked, the kudos form still opens, and its submit still gives kudos", async () => {
    const opened = await teams.invoke(person, "task/fetch", {
      type: "task/fetch",
      data: { msteams: { type: "task/fetch" }, action: "kudos_form" },
    });
    expect(JSON.stringify(opened.body)).toContain("Send kudos");

    await teams.invoke(person, "task/submit", {
      data: {
        action: "kudos_submit",
        recipients: alice.aadObjectId,
        message: "thanks for the demo",
        visibility: "public",
      },
    });
    await teams.service.settle();
    expect(await db.prisma.kudos.count()).toBe(1);
  });
});

describe("card buttons", () => {
  test("when a card button with an unknown action is clicked, the person is told and nothing else happens", async () => {
    const clicked = await teams.message(person, "", { value: { action: "no_such_button", kudosId: "k1" } });
    await teams.service.settle();

    const replies = teams.repliesTo(clicked.id);
    expect(replies.map((reply) => reply.text)).toEqual([
      expect.stringMatching(/Momentum doesn't know that button, so nothing was done/),
    ]);
    expect(replies.some((reply) => reply.attachments)).toBe(false);
  });
});

describe("typed commands", () => {
  test("when someone types a command Momentum does not know, they get the help card saying so", async () => {
    const sent = await teams.message(person, "dance");
    const replies = teams.repliesTo(sent.id);
    expect(JSON.stringify(replies)).toContain("Sorry, I didn't get that");
  });
});
