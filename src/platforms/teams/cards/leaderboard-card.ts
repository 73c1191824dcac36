import { adaptiveCard, heading, paragraph, plain, subtle, type AdaptiveCard } from "./card.ts";

export interface LeaderboardView {
  monthLabel: string;
  entries: { name: string; count: number }[];
}

const MEDALS = ["🥇", "🥈", "🥉"];

export function leaderboardCard(view: LeaderboardView): AdaptiveCard {
  if (view.entries.length === 0) {
    return adaptiveCard([
      heading(`Kudos leaderboard · ${view.monthLabel}`),
      paragraph("No public kudos yet this month. Be the first: type `kudos`."),
    ]);
  }
  return adaptiveCard([
    heading(`Kudos leaderboard · ${view.monthLabel}`),
    {
      type: "FactSet",
      facts: view.entries.map((entry, index) => ({
        title: `${MEDALS[index] ?? `${index + 1}.`} ${plain(entry.name)}`,
        value: `${entry.count} kudos`,
      })),
    },
    subtle("Public kudos received this month. Private kudos are not counted here."),
  ]);
}
