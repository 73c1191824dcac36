// This month's top kudos receivers. Built from the domain's leaderboard, which counts public kudos only.
import type { LeaderboardEntry } from "../../../domain/kudos/kudos-leaderboard.ts";
import { escapedText, escapeMrkdwn, plain, section, type SlackMessage } from "./text.ts";

const MEDALS = [":first_place_medal:", ":second_place_medal:", ":third_place_medal:"];

export function leaderboardMessage(board: { monthLabel: string; entries: LeaderboardEntry[] }): SlackMessage {
  const title = `Kudos leaderboard: ${board.monthLabel}`;
  if (board.entries.length === 0) {
    return {
      text: escapedText`${title}: no public kudos yet`,
      blocks: [
        { type: "header", text: plain(title, 150) },
        section("No public kudos yet this month. Be the first: `/kudos @someone thanks for …`"),
      ],
    };
  }
  const lines = board.entries.map((entry, index) => {
    const rank = MEDALS[index] ?? `${index + 1}.`;
    return `${rank} *${escapeMrkdwn(entry.name)}*: ${entry.count} kudos`;
  });
  return {
    text: escapedText`${title}: ${board.entries.map((entry) => `${entry.name} (${entry.count})`).join(", ")}`,
    blocks: [{ type: "header", text: plain(title, 150) }, section(lines.join("\n"))],
  };
}
