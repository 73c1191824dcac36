// A check-in submit that meets a failing database: nothing is half-saved and nothing is marked as done, so the
// person submitting the same view again gets their check-in saved, once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { withFaults, type DatabaseFaults } from "../../support/faulty-database.ts";
import { startSlackHarness, type SlackHarness } from "../../support/slack.ts";
import { checkInModalDriver, type Answers } from "./check-in-modal.ts";
import { addPeople, grace } from "./people.ts";

let db: TestDatabase;
let faults: DatabaseFaults;
let harness: SlackHarness;
const clock = new ManualClock("2026-11-25T12:00:00Z");
const answers: Answers = {
  mood: "4",
  progress: "Shipped the importer",
  plans: "Polish the docs",
  blockers: "",
  forManager: "",
};

beforeAll(async () => {
  db = await createTestDatabase();
  const faulty = withFaults(db);
  faults = faulty.faults;
  harness = await startSlackHarness({ db: faulty.db, clock });
});
afterAll(async () => {
  await harness?.stop();
  await db?.drop();
});
beforeEach(async () => {
  faults.reset();
  await resetDatabase(db);
  harness.fake.reset();
  addPeople(harness.fake);
});

const dmsToGrace = () => harness.fake.sent("chat.postMessage").filter((call) => call.args.channel === grace.id);

describe("a check-in submitted while the database fails", () => {
  it("when the save and the clean-up after it both fail, Grace submits the same view again and her check-in is saved once, with a confirmation", async () => {
    const modal = checkInModalDriver(harness);
    const view = await modal.openWithCommand(grace);
    faults.fail("CheckIn", "createMany");
    faults.fail("ProcessedEvent", "deleteMany");

    const first = await modal.submit(view, answers, { as: grace, viewId: "VCHECKIN1" });
    expect(first.json<{ response_action?: string }>().response_action).toBe("errors");
    expect(await db.prisma.checkIn.count()).toBe(0);

    const second = await modal.submit(view, answers, { as: grace, viewId: "VCHECKIN1" });
    expect(second.body).toBe("");
    expect(await db.prisma.checkIn.count()).toBe(1);
    expect(dmsToGrace().map((call) => call.args.text)).toEqual([
      "Check-in saved. You can edit it until Friday 27 November, 15:00.",
    ]);

    // The same view delivered once more (a retried request) saves nothing more and sends no second confirmation.
    await modal.submit(view, { ...answers, progress: "A retried copy" }, { as: grace, viewId: "VCHECKIN1" });
    expect((await db.prisma.checkIn.findMany()).map((row) => row.progress)).toEqual(["Shipped the importer"]);
    expect(dmsToGrace()).toHaveLength(1);
  });
});
