// Free text that cannot be stored (a NUL byte, half of a surrogate pair) is refused at the edge with a clear message
// under the field it came from, never "Something went wrong on our side", and nothing is stored.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UNSTORABLE_TEXT } from "../../../src/domain/text.schemas.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { startSlackHarness, type SlackHarness } from "../../support/slack.ts";
import { checkInModalDriver } from "./check-in-modal.ts";
import { addPeople, alice, grace, mention } from "./people.ts";

let db: TestDatabase;
let harness: SlackHarness;
const clock = new ManualClock("2026-11-25T12:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  harness = await startSlackHarness({ db, clock });
});
afterAll(async () => {
  await harness?.stop();
  await db?.drop();
});
beforeEach(async () => {
  await resetDatabase(db);
  harness.fake.reset();
  addPeople(harness.fake);
});

describe("unstorable characters in Slack text", () => {
  it("when /kudos text carries a NUL byte, Grace alone is told to retype it and no kudos is stored", async () => {
    await harness.slack.command("/kudos", `${mention(alice)} thanks\u0000 for the demo`, {
      as: grace,
      channel: "CDEMO",
    });
    await harness.service.settle();
    const replies = harness.fake.responses.map((response) => response.body as { text: string; response_type?: string });
    expect(replies.map((reply) => reply.text)).toEqual([UNSTORABLE_TEXT]);
    expect(replies[0].response_type).toBe("ephemeral");
    expect(await db.prisma.kudos.count()).toBe(0);
    expect(harness.service.logs.join("")).not.toContain('"level":50');
  });

  it("when a check-in field holds a lone surrogate, the modal shows the problem under that field and nothing is stored", async () => {
    const modal = checkInModalDriver(harness);
    const view = await modal.openWithCommand(grace);
    const answer = await modal.submit(
      view,
      { mood: "4", progress: "Shipped \ud800 the importer", plans: "Docs" },
      { as: grace },
    );
    expect(answer.json()).toEqual({ response_action: "errors", errors: { checkin_progress: UNSTORABLE_TEXT } });
    expect(await db.prisma.checkIn.count()).toBe(0);
  });

  it("when a check-in is typed with decomposed accents, it is stored NFC-normalised", async () => {
    const modal = checkInModalDriver(harness);
    const view = await modal.openWithCommand(grace);
    await modal.submit(view, { mood: "4", progress: "Cafe\u0301 menu shipped", plans: "Docs" }, { as: grace });
    expect((await db.prisma.checkIn.findFirstOrThrow()).progress).toBe("Caf\u00e9 menu shipped");
  });
});
