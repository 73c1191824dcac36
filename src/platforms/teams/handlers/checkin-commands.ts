// `checkin` (a button that opens the check-in dialog) and `checkin history` (the person's own last check-ins).
// In a channel both answer in the person's private chat: a check-in is nobody else's business.
import { CardFactory, type TurnContext } from "botbuilder";
import { getCheckInForm } from "../../../domain/check-ins/get-check-in-form.ts";
import { listCheckInHistory } from "../../../domain/check-ins/list-check-in-history.ts";
import { checkInStartCard } from "../cards/checkin-cards.ts";
import { checkInHistoryCard } from "../cards/checkin-history-card.ts";
import { identifyActor } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { replyPrivately } from "./tell-actor.ts";

const OPEN_A_CHAT =
  "Check-ins are private, so I answer them in our personal chat. Open a chat with Momentum (Apps → Momentum) and type it there.";

export async function showCheckInStart(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const person = await identifyActor(deps.domain, context);
  const form = await getCheckInForm(deps.domain, { personId: person.id });
  const card = checkInStartCard({ deadlineLabel: form.deadlineLabel, submitted: form.answers !== null });
  await replyPrivately(deps, context, { attachments: [CardFactory.adaptiveCard(card)] }, OPEN_A_CHAT);
}

export async function showCheckInHistory(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const person = await identifyActor(deps.domain, context);
  // The actor's own id, never one taken from the message: nobody can ask for someone else's answers.
  const items = await listCheckInHistory(deps.domain, { personId: person.id });
  await replyPrivately(
    deps,
    context,
    { attachments: [CardFactory.adaptiveCard(checkInHistoryCard({ items }))] },
    OPEN_A_CHAT,
  );
}
