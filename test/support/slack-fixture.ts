// One fixture for every Slack test file: the real service with the fake Slack Web API, started once per file and
// stopped after it, on a database emptied before each test (service-fixture.ts), with the fake's records cleared
// and, unless `people: false`, the Slack test people (test/platforms/slack/people.ts) in its directory again before
// each test. A file picks its clock and settings with `it.override("slackOptions", { clock, env })`:
//
//   it.override("slackOptions", { clock });
//   it.beforeEach(async ({ db: testDb, harness: testHarness }) => {
//     [db, harness] = [testDb, testHarness]; // the file's test bodies read these
//     clock.set("2026-11-25T12:00:00Z");
//   });
import { addPeople } from "../platforms/slack/people.ts";
import { databaseTest } from "./service-fixture.ts";
import { startSlackHarness, type SlackHarness, type SlackHarnessOptions } from "./slack.ts";

export type SlackOptions = Omit<SlackHarnessOptions, "db"> & {
  /** Register Grace, Alice, Bob, Botty and Gone in the fake's directory before each test (default true). */
  people?: boolean;
};

export const slackTest = databaseTest
  .extend("slackOptions", { scope: "file" }, {} as SlackOptions)
  .extend("harness", { scope: "file" }, async ({ db, slackOptions }, { onCleanup }): Promise<SlackHarness> => {
    const { people: _people, ...options } = slackOptions;
    const harness = await startSlackHarness({ db, ...options });
    onCleanup(() => harness.stop());
    await startUpCheckDone(harness);
    return harness;
  })
  // Before every test (and before the file's beforeEach): the fake forgets what it recorded.
  .extend("freshSlack", { auto: true }, async ({ harness, slackOptions }) => {
    harness.fake.reset();
    if (slackOptions.people !== false) addPeople(harness.fake);
    return true;
  });

export const test = slackTest;
export const it = slackTest;

/**
 * The service checks its token with auth.test in the background after start: wait for its answer, so that call is
 * recorded (and cleared) before the first test rather than showing up among what a test sent.
 */
async function startUpCheckDone(harness: SlackHarness): Promise<void> {
  for (let round = 0; round < 500; round++) {
    if (
      harness.service.logs.some(
        (line) => line.includes("Slack bot token verified") || line.includes("Slack auth.test failed"),
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the Slack start-up check (auth.test) never answered");
}
