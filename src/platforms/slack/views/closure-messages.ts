// Replies to `/momentum closure …`, seen only by the HR person who typed it. The reason is HR's own words: escaped.
import type { AddClosureResult, ClosureView } from "../../../domain/holidays/closures.ts";
import { escapedText, escapeMrkdwn, section, type SlackMessage } from "./text.ts";

function scopeOf(closure: ClosureView): string {
  return closure.team ? `${closure.team.managerName}'s team` : "everyone";
}

function line(closure: ClosureView): string {
  return `• *${escapeMrkdwn(closure.label)}*: ${escapeMrkdwn(closure.reason)} (${escapeMrkdwn(scopeOf(closure))})`;
}

export function closureAddedMessage(result: AddClosureResult): SlackMessage {
  const { closure } = result;
  const text = result.created
    ? `Closure added: ${closure.label}, ${closure.reason}, for ${scopeOf(closure)} (${result.people} ${result.people === 1 ? "person" : "people"}). Nothing scheduled reaches them on those days.`
    : `That closure was already there: ${closure.label}, ${closure.reason}, for ${scopeOf(closure)}.`;
  return { text, blocks: [section(`:palm_tree: ${escapeMrkdwn(text)}`)] };
}

export function closureRemovedMessage(closure: ClosureView): SlackMessage {
  const text = `Closure removed: ${closure.label} (${closure.reason}) for ${scopeOf(closure)}. Schedules are back to normal on those days.`;
  return { text, blocks: [section(`:white_check_mark: ${escapeMrkdwn(text)}`)] };
}

export function closureListMessage(closures: ClosureView[]): SlackMessage {
  if (closures.length === 0) {
    const text =
      "No company closures are planned. Add one with `/momentum closure add 2026-12-24 2027-01-01 Winter break`.";
    return { text, blocks: [section(text)] };
  }
  return {
    text: escapedText`${closures.length} company ${closures.length === 1 ? "closure" : "closures"} planned`,
    blocks: [section(["*Company closures*", ...closures.slice(0, 40).map(line)].join("\n"))],
  };
}
