// Reads the text of `/feedback …` (mentions arrive as `<@U123|bob>` because the command escapes them):
//   ""                                   → the modal
//   "list" | "help"
//   "request @a @b about the launch"     → ask for feedback on yourself
//   "request for @report @a @b about …"  → (managers) ask about a direct report
//   "@bob what went well …"              → a preview before sending to Bob
import { decodeSlackEntities } from "../../views/text.ts";
export type FeedbackCommand =
  | { kind: "open-modal" }
  | { kind: "list" }
  | { kind: "help"; problem?: string }
  | { kind: "give"; recipientUserId: string; text: (namesByUserId: Map<string, string>) => string }
  | { kind: "request"; subjectUserId: string | null; askedUserIds: string[]; topic: string };

const MENTION = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g;
const LEADING_MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>[\s,]*/;

export function parseFeedbackCommand(rawText: string): FeedbackCommand {
  const text = rawText.trim();
  if (text === "") return { kind: "open-modal" };
  const [first, ...others] = text.split(/\s+/);
  const word = first.toLowerCase();
  if (word === "list" && others.length === 0) return { kind: "list" };
  if (word === "help" || word === "?") return { kind: "help" };
  if (word === "request") return parseRequest(text.slice(first.length).trim());

  const lead = text.match(LEADING_MENTION);
  if (!lead)
    return {
      kind: "help",
      problem: "Start with the person the feedback is for, for example `/feedback @bob great work on the launch`.",
    };
  const body = text.slice(lead[0].length).trim();
  if (LEADING_MENTION.test(body))
    return { kind: "help", problem: "Feedback goes to one person at a time: start with just their name." };
  return { kind: "give", recipientUserId: lead[1], text: (names) => readable(body, names) };
}

function parseRequest(rest: string): FeedbackCommand {
  let remaining = rest;
  let subjectUserId: string | null = null;
  const forMatch = remaining.match(/^for\s+<@([UW][A-Z0-9]+)(?:\|[^>]*)?>[\s,]*/i);
  if (forMatch) {
    subjectUserId = forMatch[1];
    remaining = remaining.slice(forMatch[0].length);
  }
  const askedUserIds: string[] = [];
  for (let lead = remaining.match(LEADING_MENTION); lead; lead = remaining.match(LEADING_MENTION)) {
    if (!askedUserIds.includes(lead[1])) askedUserIds.push(lead[1]);
    remaining = remaining.slice(lead[0].length).replace(/^and\s+(?=<@)/i, "");
  }
  if (askedUserIds.length === 0) {
    return {
      kind: "help",
      problem:
        "Mention the people you'd like feedback from, for example `/feedback request @alice @carol about the launch`.",
    };
  }
  const topic = remaining.replace(/^about\b\s*/i, "").trim();
  if (topic === "")
    return {
      kind: "help",
      problem: "Say what the feedback is about, for example `/feedback request @alice about the launch`.",
    };
  return { kind: "request", subjectUserId, askedUserIds, topic: readable(topic, new Map()) };
}

/** The stored text is the readable form: mentions become names, links and channel references plain text. */
function readable(text: string, names: Map<string, string>): string {
  return text
    .replace(MENTION, (_all, userId: string, label?: string) => `@${names.get(userId) ?? label ?? "someone"}`)
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_all, _id: string, name?: string) => `#${name || "channel"}`)
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_all, handle?: string) => handle || "@group")
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, (_all, who: string) => `@${who}`)
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g, (_all, url: string, label?: string) =>
      label && label !== url ? `${label} (${url})` : url,
    )
    .replace(/&(?:lt|gt|amp);/g, (entity) => decodeSlackEntities(entity))
    .trim();
}
