// `goal` (my open goals with buttons that open the create and update dialogs) and `goal list` (every goal I own,
// with the goal it aligns to). In a channel both answer in the person's private chat.
import { CardFactory, type TurnContext } from "botbuilder";
import { listMyGoals } from "../../../domain/goals/list-my-goals.ts";
import { goalListCard, goalStartCard } from "../cards/goal-cards.ts";
import { identifyActor } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { replyPrivately } from "./tell-actor.ts";

const OPEN_A_CHAT =
  "I answer about your goals in our personal chat. Open a chat with Momentum (Apps → Momentum) and type it there.";

export async function showGoalStart(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const person = await identifyActor(deps.domain, context);
  const goals = await listMyGoals(deps.domain, { personId: person.id });
  await replyPrivately(
    deps,
    context,
    { attachments: [CardFactory.adaptiveCard(goalStartCard({ goals }))] },
    OPEN_A_CHAT,
  );
}

export async function showGoalList(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const person = await identifyActor(deps.domain, context);
  // The actor's own id, never one taken from the message.
  const goals = await listMyGoals(deps.domain, { personId: person.id });
  await replyPrivately(
    deps,
    context,
    { attachments: [CardFactory.adaptiveCard(goalListCard({ goals }))] },
    OPEN_A_CHAT,
  );
}
