// Reads the text of `/checkin …`: nothing opens the form, `history [n]` lists the person's own last check-ins.
export type CheckInCommand =
  { kind: "open-modal" } | { kind: "history"; limit?: number } | { kind: "help"; problem?: string };

/** A Slack message holds at most 50 blocks; ten check-ins (three blocks each) keep the list well inside that. */
export const HISTORY_MAX = 10;

const MENTION = /<@[UW][A-Z0-9]+(?:\|[^>]*)?>|(?:^|\s)@\S/;

export function parseCheckInCommand(rawText: string): CheckInCommand {
  const words = rawText.trim().split(/\s+/).filter(Boolean);
  const head = words[0]?.toLowerCase();
  if (!head || head === "start" || head === "open") return { kind: "open-modal" };
  if (head === "help" || head === "?") return { kind: "help" };
  if (head === "history") {
    const rest = words.slice(1).join(" ");
    if (rest === "") return { kind: "history" };
    // Check-ins are private: nobody can list someone else's through this command.
    if (MENTION.test(rest))
      return {
        kind: "help",
        problem: "Check-in history is private: `/checkin history` shows only your own check-ins.",
      };
    const limit = /^\d{1,3}$/.test(rest) ? Number(rest) : Number.NaN;
    if (limit >= 1 && limit <= HISTORY_MAX) return { kind: "history", limit };
    if (Number.isInteger(limit))
      return {
        kind: "help",
        problem: `I can show 1 to ${HISTORY_MAX} check-ins at once, e.g. \`/checkin history ${HISTORY_MAX}\`.`,
      };
    return { kind: "help", problem: "Type `/checkin history`, or `/checkin history 10` for your last ten check-ins." };
  }
  return { kind: "help", problem: `I didn't understand "${rawText.trim().slice(0, 60)}".` };
}
