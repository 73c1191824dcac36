// Slack has no offline validator for Block Kit: every view and message the code builds is checked against
// Slack's documented limits, with the largest inputs the domain allows.
import type { KnownBlock, View } from "@slack/types";
import { describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../../../src/domain/notifications/messages.ts";
import { appHomeView } from "../../../../src/platforms/slack/views/app-home.ts";
import { kudosConfirmationMessage } from "../../../../src/platforms/slack/views/kudos-confirmation.ts";
import { kudosHelpMessage } from "../../../../src/platforms/slack/views/help.ts";
import { kudosModal } from "../../../../src/platforms/slack/views/kudos-modal.ts";
import { leaderboardMessage } from "../../../../src/platforms/slack/views/leaderboard.ts";
import { renderOutboundMessage } from "../../../../src/platforms/slack/views/render-message.ts";

const longName = "Maximiliana Alexandrova-Featherstonehaugh".repeat(3);
const longText = "Thank you <!channel> & <@U123> for everything > expected. ".repeat(9).slice(0, 500);
const values = Array.from({ length: 120 }, (_, i) => `value-${i}-${"x".repeat(80)}`);
const board = { monthLabel: "November 2026", entries: Array.from({ length: 10 }, (_, i) => ({ personId: `p${i}`, name: longName, count: 100 - i })) };

const messages: OutboundMessage[] = [
  { type: "kudos.received", kudosId: "k1", giverName: longName, message: longText, value: "customer-first", visibility: "public" },
  { type: "kudos.received", kudosId: "k2", giverName: longName, message: longText, value: null, visibility: "private" },
  { type: "kudos.announced", batchId: "b1", giverName: longName, recipientNames: Array.from({ length: 10 }, () => longName), message: longText, value: "craft" },
  { type: "checkin.prompt", periodKey: "2026-11-27", deadlineLabel: "Friday 27 November, 15:00" },
  { type: "checkin.reminder", periodKey: "2026-11-27", deadlineLabel: "Friday 27 November, 15:00" },
  { type: "notice", title: "x".repeat(400), text: "y".repeat(5000) },
];

function problems(blocks: KnownBlock[]): string[] {
  const found: string[] = [];
  if (blocks.length > 100) found.push(`${blocks.length} blocks (max 100)`);
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((item, index) => walk(item, `${path}[${index}]`));
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    for (const key of ["block_id", "action_id"]) if (typeof record[key] === "string" && (record[key] as string).length > 255) found.push(`${path}.${key} > 255`);
    if (record.type === "section" && (record.text as { text?: string })?.text && (record.text as { text: string }).text.length > 3000) found.push(`${path} section text > 3000`);
    if (record.type === "header" && (record.text as { text: string }).text.length > 150) found.push(`${path} header > 150`);
    if (record.type === "input" && (record.label as { text: string }).text.length > 2000) found.push(`${path} input label > 2000`);
    if (record.type === "button" && (record.text as { text: string }).text.length > 75) found.push(`${path} button text > 75`);
    if (record.type === "button" && typeof record.value === "string" && record.value.length > 2000) found.push(`${path} button value > 2000`);
    if (record.type === "static_select" && Array.isArray(record.options) && record.options.length > 100) found.push(`${path} > 100 options`);
    if (record.type === "context" && Array.isArray(record.elements) && record.elements.length > 10) found.push(`${path} > 10 context elements`);
    if (Array.isArray(record.options)) {
      for (const option of record.options as { text: { text: string }; value: string }[]) {
        if (option.text.text.length > 75 || option.value.length > 150) found.push(`${path} option too long`);
      }
    }
    for (const [key, value] of Object.entries(record)) walk(value, `${path}.${key}`);
  };
  walk(blocks, "blocks");
  return found;
}

function viewProblems(view: View): string[] {
  const found = problems(view.blocks as KnownBlock[]);
  if (view.type === "modal") {
    if (view.title.text.length > 24) found.push("modal title > 24");
    if (view.submit && view.submit.text.length > 24) found.push("submit > 24");
    if (view.close && view.close.text.length > 24) found.push("close > 24");
  }
  if ((view.private_metadata ?? "").length > 3000) found.push("private_metadata > 3000");
  if ((view.callback_id ?? "").length > 255) found.push("callback_id > 255");
  return found;
}

describe("Slack limits on everything Momentum builds", () => {
  for (const message of messages) {
    it(`when a ${message.type}${"visibility" in message ? ` (${message.visibility})` : ""} message is as large as the domain allows, it stays within Slack's limits`, () => {
      const rendered = renderOutboundMessage(message);
      expect(problems(rendered.blocks)).toEqual([]);
      expect(rendered.text.length).toBeGreaterThan(0);
      expect(rendered.text.length).toBeLessThanOrEqual(4000);
    });
  }

  it("when the org has 120 long company values, the kudos modal stays within Slack's limits", () => {
    expect(viewProblems(kudosModal({ values, metadata: { channelId: "C0123456789" } }))).toEqual([]);
  });

  it("when the leaderboard, help, confirmation and Home tab are at their largest, they stay within Slack's limits", () => {
    const names = Array.from({ length: 10 }, () => longName);
    expect(problems(leaderboardMessage(board).blocks)).toEqual([]);
    expect(problems(kudosHelpMessage({ values, problem: "p".repeat(4000) }).blocks)).toEqual([]);
    expect(problems(kudosConfirmationMessage({ recipientNames: names, visibility: "public", postedIn: "C1", duplicate: false, unreachableNames: names }).blocks)).toEqual([]);
    expect(viewProblems(appHomeView({ values, board }))).toEqual([]);
  });

  it("when a kudos text tries to ping a channel or fake a mention, the message shows it as text", () => {
    const rendered = renderOutboundMessage(messages[0]);
    const shown = JSON.stringify(rendered.blocks);
    expect(shown).not.toContain("<!channel>");
    expect(shown).toContain("&lt;!channel&gt;");
  });

  it("when a check-in prompt is sent, its button starts the check-in for that period", () => {
    const rendered = renderOutboundMessage(messages[3]);
    const actions = rendered.blocks.find((block) => block.type === "actions") as { elements: { action_id: string; value: string; text: { text: string } }[] };
    expect(actions.elements[0]).toMatchObject({ action_id: "checkin_start", value: "2026-11-27", text: { text: "Start check-in" } });
  });
});
