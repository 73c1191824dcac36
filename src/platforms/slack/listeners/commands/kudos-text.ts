// Reads the text of `/kudos …`. With `should_escape: true` Slack sends mentions as `<@U123|alice>`, channels as
// `<#C123|general>` and links as `<https://…|label>`; the stored kudos text is the readable form.
import { decodeSlackEntities } from "../../views/text.ts";
import { splitValueTag } from "../../../../domain/kudos/kudos.schemas.ts";

export type KudosCommand =
  | { kind: "open-modal" }
  | { kind: "leaderboard" }
  | { kind: "help"; problem?: string }
  | {
      kind: "give";
      recipientUserIds: string[];
      message: (namesByUserId: Map<string, string>) => string;
      value: string | null;
    };

const USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g;
const LEADING_MENTIONS = /^(?:\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[\s,]*)+/;
const CHANNEL_REF = /<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g;

export function parseKudosCommand(rawText: string): KudosCommand {
  const text = rawText.trim();
  if (text === "") return { kind: "open-modal" };
  const word = text.toLowerCase();
  if (word === "leaderboard" || word === "top") return { kind: "leaderboard" };
  if (word === "help" || word === "?") return { kind: "help" };
  const recipientUserIds = [...new Set([...text.matchAll(USER_MENTION)].map((match) => match[1]))];
  if (recipientUserIds.length === 0) {
    return {
      kind: "help",
      problem: "Mention the people you want to thank, for example `/kudos @alice thanks for the demo`.",
    };
  }
  const body = text.replace(LEADING_MENTIONS, "");
  const { value } = splitValueTag(body.replace(CHANNEL_REF, " "));
  return { kind: "give", recipientUserIds, value, message: (names) => readable(body, names) };
}

function readable(text: string, names: Map<string, string>): string {
  return text
    .replace(USER_MENTION, (_all, userId: string, label?: string) => `@${names.get(userId) ?? label ?? "someone"}`)
    .replace(CHANNEL_REF, (_all, _id: string, name?: string) => `#${name || "channel"}`)
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_all, handle?: string) => handle || "@group")
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, (_all, who: string) => `@${who}`)
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g, (_all, url: string, label?: string) =>
      label && label !== url ? `${label} (${url})` : url,
    )
    .replace(/&(?:lt|gt|amp);/g, (entity) => decodeSlackEntities(entity))
    .trim();
}
