// A hostile display name must never reach Slack as markup: in blocks and in the top-level `text` (what Slack puts in
// notifications) every name is escaped, and people with a Slack identity are named by a real mention instead.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/shared/clock.ts";
import { kudosAnnouncedMessage, kudosReceivedMessage } from "../../../src/platforms/slack/views/kudos-messages.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import type { FakeSlackUser } from "../../support/fake-slack.ts";
import { startSlackHarness, type SlackHarness } from "../../support/slack.ts";
import { addPeople, alice, mention } from "./people.ts";

let db: TestDatabase;
let harness: SlackHarness;
const clock = new ManualClock("2026-11-23T18:00:00Z");
const mallory: FakeSlackUser = {
  id: "UMALLORY",
  name: "<!channel> Mallory",
  email: "mallory@example.com",
  tz: "Europe/London",
};
const eve: FakeSlackUser = { id: "UEVE", name: "Eve <!here> & co", email: "eve@example.com", tz: "Europe/London" };

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
  harness.fake.addUser(mallory);
  harness.fake.addUser(eve);
});

/** Everything Momentum sent to Slack and answered on response_url, as the wire text. */
const everythingSent = () =>
  JSON.stringify([
    harness.fake.sent("chat.postMessage").map((call) => call.args),
    harness.fake.responses.map((response) => response.body),
  ]);

describe("names in Slack kudos messages", () => {
  it("when Mallory, whose profile name contains <!channel>, thanks Eve, the post and the DM mention both and no channel ping reaches Slack", async () => {
    await harness.slack.command("/kudos", `${mention(eve)} thanks for the demo`, { as: mallory, channel: "CDEMO" });
    await harness.service.settle();

    const post = harness.fake.sent("chat.postMessage").find((call) => call.args.channel === "CDEMO")!;
    expect(post.args.text).toBe("<@UMALLORY> gave kudos to <@UEVE>");
    const dm = harness.fake.sent("chat.postMessage").find((call) => call.args.channel === "DMEVE")!;
    expect(dm.args.text).toBe("<@UMALLORY> gave you kudos");
    const wire = everythingSent();
    expect(wire).not.toContain("<!channel>");
    expect(wire).not.toContain("<!here>");
  });

  it("when Alice thanks Eve, the confirmation only Alice sees names Eve escaped in its text too", async () => {
    await harness.slack.command("/kudos", `${mention(eve)} thanks for the demo`, { as: alice, channel: "CDEMO" });
    await harness.service.settle();
    const confirmation = harness.fake.responses.map((response) => response.body as { text: string }).at(-1)!;
    expect(confirmation.text).toBe("Kudos recorded for Eve &lt;!here&gt; &amp; co.");
    expect(everythingSent()).not.toContain("<!here>");
  });

  it("when someone has no Slack identity (kudos given on Teams), their name is escaped in the text and the blocks", () => {
    const received = kudosReceivedMessage({
      type: "kudos.received",
      kudosId: "k1",
      giverName: "<!channel> Mallory",
      giverSlackUserId: null,
      message: "thanks <!everyone>",
      value: null,
      visibility: "public",
    });
    const announced = kudosAnnouncedMessage({
      type: "kudos.announced",
      batchId: "b1",
      giverName: "<!channel> Mallory",
      recipientNames: ["<!here> Eve", "Bob"],
      giverSlackUserId: null,
      recipientSlackUserIds: [null, "UBOB"],
      message: "thanks",
      value: null,
    });
    expect(received.text).toBe("&lt;!channel&gt; Mallory gave you kudos");
    expect(announced.text).toBe("&lt;!channel&gt; Mallory gave kudos to &lt;!here&gt; Eve and <@UBOB>");
    expect(JSON.stringify([received, announced])).not.toMatch(/<!(channel|here|everyone)>/);
  });

  it("when Alice types R&D in /kudos (Slack sends it as R&amp;D), the kudos is stored as typed and Slack receives R&amp;D once, never R&amp;amp;D", async () => {
    await harness.slack.command("/kudos", `${mention(eve)} thanks for the R&amp;D demo &lt;3`, {
      as: alice,
      channel: "CDEMO",
    });
    await harness.service.settle();
    expect((await db.prisma.kudos.findFirstOrThrow()).message).toBe("thanks for the R&D demo <3");
    const dm = harness.fake.sent("chat.postMessage").find((call) => call.args.channel === "DMEVE")!;
    expect(JSON.stringify(dm.args.blocks)).toContain(">thanks for the R&amp;D demo &lt;3");
    expect(everythingSent()).not.toContain("&amp;amp;");
  });
});
