// Every Adaptive Card Momentum builds must parse cleanly in Microsoft's own parser (adaptivecards 3.0.6, the
// renderer Teams' cards follow): no parse errors and no property validation failures.
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import type { OutboundMessage } from "../../../src/domain/notifications/messages.ts";
import type { AdaptiveCard } from "../../../src/platforms/teams/cards/card.ts";
import { CHECKIN_START_ACTION } from "../../../src/platforms/teams/cards/checkin-cards.ts";
import { helpCard, kudosStartCard } from "../../../src/platforms/teams/cards/help-card.ts";
import { kudosFormCard } from "../../../src/platforms/teams/cards/kudos-form.ts";
import { leaderboardCard } from "../../../src/platforms/teams/cards/leaderboard-card.ts";
import { cardForMessage } from "../../../src/platforms/teams/cards/outbound-card.ts";

const require = createRequire(import.meta.url);
// The ESM build does not load in Node; the UMD bundle parses and validates without a DOM.
const AC = require("adaptivecards/dist/adaptivecards.js");

function problemsOf(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(JSON.parse(JSON.stringify(card)), context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  const validation = parsed.validateProperties();
  for (const event of validation.validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

// One example of every neutral outbound message type: the Record type makes a new type fail to compile here.
const EVERY_MESSAGE: Record<OutboundMessage["type"], OutboundMessage> = {
  "kudos.received": { type: "kudos.received", kudosId: "k1", giverName: "Gina", message: "Thanks for *the* demo <b>!</b>", value: "teamwork", visibility: "private" },
  "kudos.announced": { type: "kudos.announced", batchId: "b1", giverName: "Gina", recipientNames: ["Alice", "Bob", "Carol"], message: "Great demo", value: null },
  "checkin.prompt": { type: "checkin.prompt", periodKey: "2026-11-27", deadlineLabel: "Friday 27 November, 15:00" },
  "checkin.reminder": { type: "checkin.reminder", periodKey: "2026-11-27", deadlineLabel: "Friday 27 November, 15:00" },
  notice: { type: "notice", title: "3 deliveries failed", text: "Momentum isn't installed for 3 people." },
};

const CARDS: [string, AdaptiveCard][] = [
  ...Object.values(EVERY_MESSAGE).map((message): [string, AdaptiveCard] => [`outbound ${message.type}`, cardForMessage(message)]),
  ["kudos form (empty)", kudosFormCard({ values: ["teamwork", "craft"], suggestions: [{ aadObjectId: "aad-2", name: "Bob" }] })],
  [
    "kudos form (error, input kept)",
    kudosFormCard({
      values: ["teamwork", "craft"],
      suggestions: [{ aadObjectId: "aad-1", name: "Alice" }, { aadObjectId: "aad-2", name: "Bob" }],
      error: "Kudos can be at most 500 characters",
      input: { recipients: [{ aadObjectId: "aad-1", name: "Alice" }], message: "x".repeat(501), value: "craft", visibility: "private" },
    }),
  ],
  ["leaderboard", leaderboardCard({ monthLabel: "November 2026", entries: [{ name: "Alice", count: 3 }, { name: "Bob", count: 1 }] })],
  ["leaderboard (empty)", leaderboardCard({ monthLabel: "November 2026", entries: [] })],
  ["help", helpCard()],
  ["help (did not understand)", helpCard({ didNotUnderstand: true })],
  ["kudos start", kudosStartCard()],
];

describe("Adaptive Cards", () => {
  test.each(CARDS)("the %s card parses and validates without problems in adaptivecards 3.0.6", (_name, card) => {
    expect(card.version).toBe("1.5");
    expect(problemsOf(card)).toEqual([]);
  });

  test("when the parser sees a broken card it reports it, so a clean result means something", () => {
    const broken = { ...helpCard(), body: [{ type: "Input.Text", id: "same" }, { type: "Input.Text", id: "same" }, { type: "NoSuchElement" }] } as AdaptiveCard;
    expect(problemsOf(broken).length).toBeGreaterThan(0);
  });

  test("the check-in prompt's Start button submits the action and the period it was sent for", () => {
    const card = cardForMessage(EVERY_MESSAGE["checkin.prompt"]);
    expect(card.actions).toEqual([expect.objectContaining({ type: "Action.Submit", title: "Start check-in", data: { action: CHECKIN_START_ACTION, periodKey: "2026-11-27" } })]);
  });

  test("the kudos form picks people with the Teams people picker and keeps what was entered after an error", () => {
    const card = kudosFormCard({ values: ["teamwork"], suggestions: [], error: "Oops", input: { recipients: [{ aadObjectId: "aad-1", name: "Alice" }], message: "Thanks!", value: "teamwork", visibility: "private" } });
    const byId = Object.fromEntries(card.body.filter((element) => element.id).map((element) => [element.id, element]));
    expect(byId.recipients).toMatchObject({ type: "Input.ChoiceSet", isMultiSelect: true, "choices.data": { type: "Data.Query", dataset: "graph.microsoft.com/users" }, value: "aad-1" });
    expect(byId.message).toMatchObject({ value: "Thanks!", maxLength: 500 });
    expect(byId.value).toMatchObject({ value: "teamwork" });
    expect(byId.visibility).toMatchObject({ value: "private" });
    expect(byId.formError).toMatchObject({ text: "Oops", color: "Attention" });
  });

  test("people's words are shown literally, not as Markdown links or formatting", () => {
    const card = cardForMessage({ type: "kudos.announced", batchId: "b", giverName: "Gina", recipientNames: ["Al"], message: "see [this](http://evil.example) *now*", value: null });
    expect(JSON.stringify(card.body)).not.toContain("[this](http");
  });
});
