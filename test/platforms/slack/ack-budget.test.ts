// Slack's 3-second acknowledgement: the wait for admission and the work before the acknowledgement share one
// budget. With work piled up and a database that stops answering, a check-in submit is still acknowledged within
// the budget, and the person is told to try again once the save fails.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { admitWithinBudget, ADMISSION_WAIT_MS, within } from "../../../src/platforms/slack/listeners/within-budget.ts";
import { InFlight } from "../../../src/shared/in-flight.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { withFaults, type DatabaseFaults } from "../../support/faulty-database.ts";
import { startSlackHarness, type SlackHarness } from "../../support/slack.ts";
import { checkInModalDriver } from "./check-in-modal.ts";
import { addPeople, grace } from "./people.ts";

describe("the acknowledgement budget (fake timers)", () => {
  it("when a request waits the full 2 s for admission, its work gets only what is left of the 2.5 s budget, not another 2.5 s", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    try {
      const inFlight = new InFlight(1);
      void inFlight.track(new Promise(() => undefined)); // acknowledged work that does not finish: no room
      let acknowledgedAt: number | undefined;
      const started = performance.now();
      const request = admitWithinBudget(inFlight, 2500, async () => {
        await within(new Promise(() => undefined), 2500); // a database that does not answer
        acknowledgedAt = performance.now() - started;
      });
      await vi.advanceTimersByTimeAsync(ADMISSION_WAIT_MS + 499);
      expect(acknowledgedAt).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      await request;
      expect(acknowledgedAt).toBe(2500);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("a check-in submitted while the service is saturated and the database is stalled", () => {
  let db: TestDatabase;
  let faults: DatabaseFaults;
  let harness: SlackHarness;
  const clock = new ManualClock("2026-11-25T12:00:00Z");
  const BUDGET_MS = 500;

  beforeAll(async () => {
    db = await createTestDatabase();
    const faulty = withFaults(db);
    faults = faulty.faults;
    harness = await startSlackHarness({ db: faulty.db, clock, slack: { interactionBudgetMs: BUDGET_MS } });
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

  it("the submit is acknowledged within the one budget (not admission's 2 s plus the work's), and Grace is told to try again when the save fails", async () => {
    const modal = checkInModalDriver(harness);
    const view = await modal.openWithCommand(grace);
    let finishBacklog!: () => void;
    const backlog = new Promise<void>((resolve) => (finishBacklog = resolve));
    for (let i = 0; i < harness.service.inFlight.highWater; i += 1) void harness.service.inFlight.track(backlog);
    let answerDatabase!: () => void;
    faults.stall(new Promise<void>((resolve) => (answerDatabase = resolve)));
    faults.fail("CheckIn", "createMany");

    const started = performance.now();
    const answer = await harness.slack.submitView({
      as: grace,
      view,
      values: {
        checkin_mood: { mood: { type: "radio_buttons", selected_option: { value: "4" } } },
        checkin_progress: { progress: { type: "plain_text_input", value: "Shipped" } },
        checkin_plans: { plans: { type: "plain_text_input", value: "Docs" } },
      },
    });
    const elapsed = performance.now() - started;
    expect(answer.status).toBe(200);
    expect(answer.body).toBe("");
    // The budget is 0.5 s here; before, admission alone could take 2 s and the work another 0.5 s on top.
    expect(elapsed).toBeLessThan(ADMISSION_WAIT_MS);

    finishBacklog();
    answerDatabase();
    await harness.service.settle();
    const dms = harness.fake.sent("chat.postMessage").filter((call) => call.args.channel === grace.id);
    expect(dms.map((call) => call.args.text)).toEqual([expect.stringMatching(/Type \/checkin to try again\.$/)]);
    expect(await db.prisma.checkIn.count()).toBe(0);
  });
});
