// `/review` text: nothing (create a cycle), `status [cycle]`, `nudge [cycle]`, `close <cycle>`, `help`.
import { decodeSlackEntities } from "../../views/text.ts";
export type ReviewCommand =
  | { kind: "create" }
  | { kind: "status"; cycle?: string }
  | { kind: "nudge"; cycle?: string }
  | { kind: "close"; cycle: string }
  | { kind: "help"; problem?: string };

export function parseReviewCommand(text: string): ReviewCommand {
  // Cycle names are words as typed: Slack's entities (`R&amp;D`) are decoded before they are looked up.
  const trimmed = decodeSlackEntities(text).trim();
  if (trimmed === "") return { kind: "create" };
  const [verb, ...rest] = trimmed.split(/\s+/);
  const cycle = rest.join(" ").trim() || undefined;
  switch (verb.toLowerCase()) {
    case "status":
      return { kind: "status", cycle };
    case "nudge":
      return { kind: "nudge", cycle };
    case "close":
      return cycle
        ? { kind: "close", cycle }
        : { kind: "help", problem: "Which cycle should be closed? Try `/review close H2 2026`." };
    case "help":
      return { kind: "help" };
    default:
      return { kind: "help", problem: `/review doesn't know "${verb.slice(0, 40)}".` };
  }
}
