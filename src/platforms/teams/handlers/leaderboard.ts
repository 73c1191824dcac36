import { CardFactory, type TurnContext } from "botbuilder";
import { kudosLeaderboard } from "../../../domain/kudos/kudos-leaderboard.ts";
import { leaderboardCard } from "../cards/leaderboard-card.ts";
import { identifyActor } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";

/** `kudos leaderboard`: this month's public top receivers, in the asker's time zone. */
export async function showLeaderboard(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const viewer = await identifyActor(deps.domain, context);
  const board = await kudosLeaderboard(deps.domain, { timeZone: viewer.timeZone });
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(leaderboardCard(board))] });
}
