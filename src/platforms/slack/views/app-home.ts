// The app's Home tab: the viewer's own week (goals, check-in, reviews, kudos, and a manager's team at a glance),
// then how to give kudos, check in and change settings, and this month's leaderboard.
import type { HomeView } from "@slack/types";
import type { LeaderboardEntry } from "../../../domain/kudos/kudos-leaderboard.ts";
import type { HomeData } from "../../../domain/summaries/get-home.ts";
import { kudosHelpMessage } from "./help.ts";
import { leaderboardMessage } from "./leaderboard.ts";
import { homeSections } from "./home-sections.ts";
import { momentumHelpMessage } from "./momentum-replies.ts";

export function appHomeView(options: {
  values: string[];
  board: { monthLabel: string; entries: LeaderboardEntry[] } | null;
  home?: HomeData | null;
}): HomeView {
  return {
    type: "home",
    blocks: [
      { type: "header", text: { type: "plain_text", text: "Momentum", emoji: true } },
      ...(options.home ? [...homeSections(options.home), { type: "divider" } as const] : []),
      ...kudosHelpMessage({ values: options.values }).blocks,
      ...momentumHelpMessage().blocks,
      { type: "divider" },
      ...(options.board ? leaderboardMessage(options.board).blocks : []),
    ],
  };
}
