import { describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { SlackHarness } from "../../support/slack.ts";
import { alice, bob, botty, grace, mention } from "./people.ts";

let db: TestDatabase;
let harness: SlackHarness;

it.beforeEach(({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
});

type ModalView = {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  blocks: { block_id: string; element: { type: string; options?: { value: string }[] } }[];
};

async function openModal(channel = "CGENERAL"): Promise<ModalView> {
  await harness.slack.command("/kudos", "", { as: grace, channel });
  await harness.service.settle();
  const opened = harness.fake.sent("views.open");
  expect(opened).toHaveLength(1);
  return opened[0].args.view as ModalView;
}

function state(input: {
  recipients?: string[];
  message?: string;
  value?: string | null;
  visibility?: "public" | "private";
}) {
  return {
    kudos_recipients: { recipients: { type: "multi_users_select", selected_users: input.recipients ?? [] } },
    kudos_message: { message: { type: "plain_text_input", value: input.message ?? null } },
    kudos_value: {
      value: {
        type: "static_select",
        selected_option: input.value
          ? { value: input.value, text: { type: "plain_text", text: `#${input.value}` } }
          : null,
      },
    },
    kudos_visibility: {
      visibility: { type: "radio_buttons", selected_option: { value: input.visibility ?? "public" } },
    },
  };
}

const posts = () => harness.fake.sent("chat.postMessage");

describe("the kudos modal", () => {
  it("when Grace types /kudos alone, a form opens with people, a message, the company values and public/private", async () => {
    const view = await openModal();
    expect(harness.fake.sent("views.open")[0].args.trigger_id).toBeTruthy();
    expect(view.callback_id).toBe("kudos_modal");
    expect(view.blocks.map((block) => block.element.type)).toEqual([
      "multi_users_select",
      "plain_text_input",
      "static_select",
      "radio_buttons",
    ]);
    expect(view.blocks[2].element.options!.map((option) => option.value)).toEqual([
      "teamwork",
      "ownership",
      "customer-first",
      "craft",
      "courage",
    ]);
    expect(await db.prisma.kudos.count()).toBe(0);
  });

  it("when Grace submits it, the kudos is stored, Alice gets a DM, the channel gets a post and Grace a confirmation", async () => {
    const view = await openModal("CDEMO");
    const answer = await harness.slack.submitView({
      as: grace,
      view,
      values: state({ recipients: [alice.id], message: "Great pairing session", value: "craft" }),
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe("");
    await harness.service.settle();

    const kudos = await db.prisma.kudos.findFirstOrThrow();
    expect(kudos).toMatchObject({ message: "Great pairing session", value: "craft", visibility: "public" });
    expect(
      posts()
        .map((call) => call.args.channel)
        .sort(),
    ).toEqual(["CDEMO", "DMALICE", grace.id]);
    expect(posts().find((call) => call.args.channel === grace.id)!.args.text).toBe("Kudos recorded for Alice Adams.");
  });

  it("when Grace leaves the form empty, the errors show next to each field and the modal stays open with her input", async () => {
    const view = await openModal();
    const answer = await harness.slack.submitView({
      as: grace,
      view,
      values: state({ recipients: [], message: "   " }),
    });
    expect(answer.status).toBe(200);
    const body = answer.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe("errors");
    expect(body.errors.kudos_recipients).toMatch(/at least one person/);
    expect(body.errors.kudos_message).toMatch(/Add a few words/);
    await harness.service.settle();
    expect(await db.prisma.kudos.count()).toBe(0);
    expect(posts()).toHaveLength(0);
  });

  const inline: [string, Parameters<typeof state>[0], string, RegExp][] = [
    ["herself", { recipients: [grace.id], message: "me!" }, "kudos_recipients", /yourself/],
    ["a bot", { recipients: [botty.id], message: "beep" }, "kudos_recipients", /is a bot/],
    [
      "a message over 500 characters",
      { recipients: [alice.id], message: "y".repeat(501) },
      "kudos_message",
      /at most 500/,
    ],
    [
      "a value that is not in the list",
      { recipients: [alice.id], message: "thanks", value: "banana" },
      "kudos_value",
      /company values/,
    ],
  ];
  for (const [situation, input, blockId, expected] of inline) {
    it(`when Grace submits kudos with ${situation}, the problem shows on that field and nothing is stored`, async () => {
      const view = await openModal();
      const answer = await harness.slack.submitView({ as: grace, view, values: state(input) });
      const body = answer.json<{ response_action: string; errors: Record<string, string> }>();
      expect(body.response_action).toBe("errors");
      expect(body.errors[blockId]).toMatch(expected);
      await harness.service.settle();
      expect(await db.prisma.kudos.count()).toBe(0);
      expect(await db.prisma.delivery.count()).toBe(0);
    });
  }

  it("when Grace double-clicks Send (the same view twice at once), the kudos is stored once and each DM sent once", async () => {
    const view = await openModal();
    const values = state({ recipients: [alice.id, bob.id], message: "Thanks for covering on-call" });
    const answers = await Promise.all([
      harness.slack.submitView({ as: grace, view, values, viewId: "VDOUBLE1" }),
      harness.slack.submitView({ as: grace, view, values, viewId: "VDOUBLE1" }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    await harness.service.settle();
    expect(await db.prisma.kudos.count()).toBe(2);
    const channels = posts()
      .map((call) => call.args.channel)
      .sort();
    expect(channels).toEqual(["CGENERAL", "DMALICE", "DMBOB", grace.id]);
  });

  it("when the kudos is private, it is not posted anywhere and Alice's DM says it is private", async () => {
    const view = await openModal();
    await harness.slack.submitView({
      as: grace,
      view,
      values: state({ recipients: [alice.id], message: "You handled that call so well", visibility: "private" }),
    });
    await harness.service.settle();
    expect(
      posts()
        .map((call) => call.args.channel)
        .sort(),
    ).toEqual(["DMALICE", grace.id]);
    const dm = posts().find((call) => call.args.channel === "DMALICE")!;
    expect(dm.args.text).toBe("<@UGRACE> gave you private kudos");
    expect(JSON.stringify(dm.args.blocks)).toContain("only you can see this kudos");
  });
});

describe("/kudos leaderboard", () => {
  it("when Grace asks for the leaderboard, she alone sees this month's top receivers, and private kudos are not counted", async () => {
    await harness.slack.command("/kudos", `${mention(alice)} thanks for the demo`, { as: grace });
    await harness.slack.command("/kudos", `${mention(alice)} ${mention(bob)} thanks for the launch`, { as: grace });
    const view = await openModal();
    for (const viewId of ["VPRIV1", "VPRIV2", "VPRIV3"]) {
      await harness.slack.submitView({
        as: grace,
        view,
        viewId,
        values: state({ recipients: [bob.id], message: "private thanks", visibility: "private" }),
      });
    }
    await harness.service.settle();
    harness.fake.responses.length = 0;

    await harness.slack.command("/kudos", "leaderboard", { as: alice });
    await harness.service.settle();
    const reply = harness.fake.responses[0].body as { text: string; response_type: string };
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toMatch(/^Kudos leaderboard: \w+ \d{4}: Alice Adams \(2\), Bob Brown \(1\)$/);
  });
});
