// Reads the text of `/momentum …`. The away and settings forms are the domain's shared parsers (the same words
// work in Teams); this only picks the subcommand.
import {
  parseAwayText,
  parseSettingsText,
  type AwayCommand,
  type SettingsCommand,
} from "../../../../domain/people/settings-text.ts";

export type MomentumCommand =
  | { kind: "help"; problem?: string }
  | { kind: "away"; command: AwayCommand }
  | { kind: "settings"; command: SettingsCommand }
  /** `role @person hr`: the rest is read by role-from-slack.ts. */
  | { kind: "role"; text: string }
  /** `one-on-one @alice friday 10:00` and `summary [@manager]`: the rest is read by one-on-one-command.ts. */
  | { kind: "one-on-one"; text: string }
  | { kind: "summary"; text: string }
  /** `closure add|list|remove …`: the rest is read by closure-command.ts. */
  | { kind: "closure"; text: string }
  /** The subcommand was recognised but its details were not: the parser's explanation. */
  | { kind: "problem"; message: string };

export function parseMomentumCommand(rawText: string): MomentumCommand {
  const text = rawText.trim();
  const [first = "", ...rest] = text.split(/\s+/);
  const head = first.toLowerCase();
  if (head === "" || head === "help" || head === "?") return { kind: "help" };
  if (head === "back") return { kind: "away", command: { kind: "away", until: null } };
  if (head === "away") {
    const parsed = parseAwayText(rest.join(" "));
    return parsed.ok ? { kind: "away", command: parsed.command } : { kind: "problem", message: parsed.error };
  }
  if (head === "role") return { kind: "role", text: rest.join(" ") };
  if (head === "one-on-one" || head === "1:1" || head === "oneonone")
    return { kind: "one-on-one", text: rest.join(" ") };
  if (head === "summary") return { kind: "summary", text: rest.join(" ") };
  if (head === "closure" || head === "closures") return { kind: "closure", text: rest.join(" ") };
  if (head === "settings" || head === "setting") {
    const parsed = parseSettingsText(rest.join(" "));
    return parsed.ok ? { kind: "settings", command: parsed.command } : { kind: "problem", message: parsed.error };
  }
  return { kind: "help", problem: `I didn't understand "${text.slice(0, 60)}".` };
}
