// Small helpers shared by the Block Kit builders. Everything a person typed is escaped before it goes into mrkdwn,
// so a kudos saying "<!channel>" can never ping a channel.
import type { ContextBlock, KnownBlock, PlainTextElement, SectionBlock } from "@slack/types";

/** A message as Slack takes it: `text` is the notification/fallback, `blocks` what the client shows. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export const SECTION_TEXT_LIMIT = 3000;

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A user message from the domain, escaped for Slack. The one markup it may carry is a Slack user mention the domain
 * wrote for a user id it was given (identifySlackUser's "<@U…> is a bot"), kept so it still shows as a name.
 */
export function escapeUserMessage(text: string): string {
  return escapeMrkdwn(text).replace(/&lt;@([UW][A-Z0-9]{2,})&gt;/g, "<@$1>");
}

/**
 * A tagged template for a message's top-level `text` (the notification and fallback Slack shows): every
 * interpolated value is escaped as in blocks, so a name like "<!channel>" cannot ping anyone from a notification.
 * Values that are already Slack markup (a `<@U…>` mention) go through `slackMarkup`.
 */
export function escapedText(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce(
    (out, literal, index) => out + literal + (index < values.length ? escapeValue(values[index]) : ""),
    "",
  );
}

/** Markup Momentum built itself (a mention, a channel link): passed through `escapedText` as it is. */
export class SlackMarkup {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export const slackMarkup = (markup: string) => new SlackMarkup(markup);

function escapeValue(value: unknown): string {
  return value instanceof SlackMarkup ? value.markup : escapeMrkdwn(String(value));
}

/**
 * Text a person typed, as Slack sends it in a slash command: `&`, `<` and `>` arrive as entities. Decoded once, after
 * any markup (mentions, links) was read, so it is stored as typed and escaped once on the way out.
 */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A block quote of someone's words, every line prefixed so multi-line messages stay quoted. */
export function quote(text: string): string {
  return escapeMrkdwn(text)
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");
}

export function plain(text: string, max = 3000): PlainTextElement {
  return { type: "plain_text", text: truncate(text, max), emoji: true };
}

export function section(mrkdwnText: string): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncate(mrkdwnText, SECTION_TEXT_LIMIT) } };
}

export function context(...mrkdwnTexts: string[]): ContextBlock {
  return {
    type: "context",
    elements: mrkdwnTexts.map((text) => ({ type: "mrkdwn" as const, text: truncate(text, SECTION_TEXT_LIMIT) })),
  };
}

/** "Alice", "Alice and Bob", "Alice, Bob and Carol". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** Some domain messages start with a label ("your Slack account has been…"); shown alone they need a capital. */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
