// The app's Home tab: how to give kudos, check in and change settings, and this month's leaderboard.
import type { HomeView } from "@slack/types";
import type { LeaderboardEntry } from "../../../domain/kudos/kudos-leaderboard.ts";
import { kudosHelpMessage } from "./help.ts";
import { leaderboardMessage } from "./leaderboard.ts";
import { momentumHelpMessage } from "./momentum-replies.ts";

export function appHomeView(options: { values: string[]; board: { monthLabel: string; entries: LeaderboardEntry[] } | null }): HomeView {
  return {
    type: "home",
    blocks: [
      { type: "header", text: { type: "plain_text", text: "Momentum", emoji: true } },
      ...kudosHelpMessage({ values: options.values }).blocks,
      ...momentumHelpMessage().blocks,
      { type: "divider" },
      ...(options.board ? leaderboardMessage(options.board).blocks : []),
    ],
  };
}
