// Card buttons that arrive as a message (an Action.Submit without a dialog): one registry keyed by the `action`
// in the button's data. An action nobody registered is refused with a message, and nothing else runs.
import type { TurnContext } from "botbuilder";
import { ANNOUNCE_ACK_ACTION, ANNOUNCE_FOLLOW_UP_ACTION } from "../cards/announce-cards.ts";
import { CHECKIN_START_ACTION } from "../cards/checkin-cards.ts";
import { FEEDBACK_CARD_ACTIONS } from "../cards/feedback-cards.ts";
import { ONE_ON_ONE_DONE_ACTION } from "../cards/one-on-one-cards.ts";
import { handleAnnounceCardAction } from "./announce-commands.ts";
import { showCheckInStart } from "./checkin-commands.ts";
import { handleFeedbackCardAction } from "./feedback-card-actions.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { markDoneFromCard } from "./one-on-one-commands.ts";
import { handleReviewCardSubmit, REVIEW_CARD_ACTIONS } from "./review-commands.ts";
import { tellActor } from "./tell-actor.ts";

type CardAction = (deps: TeamsHandlerDeps, context: TurnContext) => Promise<void>;

const each = (actions: Iterable<string>, handler: CardAction): Record<string, CardAction> =>
  Object.fromEntries([...actions].map((action) => [action, handler]));

export const CARD_ACTIONS: Readonly<Record<string, CardAction>> = {
  // Prompts sent before their button opened the dialog directly still work: they get the button that does.
  [CHECKIN_START_ACTION]: showCheckInStart,
  [ONE_ON_ONE_DONE_ACTION]: markDoneFromCard,
  ...each([ANNOUNCE_ACK_ACTION, ANNOUNCE_FOLLOW_UP_ACTION], handleAnnounceCardAction),
  ...each(
    [
      FEEDBACK_CARD_ACTIONS.send,
      FEEDBACK_CARD_ACTIONS.cancel,
      FEEDBACK_CARD_ACTIONS.decline,
      FEEDBACK_CARD_ACTIONS.answer,
    ],
    handleFeedbackCardAction,
  ),
  ...each(REVIEW_CARD_ACTIONS, handleReviewCardSubmit),
};

export const UNKNOWN_CARD_ACTION_MESSAGE =
  "Sorry, Momentum doesn't know that button, so nothing was done. Type help to see what I can do.";

/** An Action.Submit from one of Momentum's cards arrives as a message whose `value` names the action. */
export async function handleCardAction(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const action = (context.activity.value as { action?: unknown } | null | undefined)?.action;
  if (typeof action === "string" && Object.hasOwn(CARD_ACTIONS, action)) return CARD_ACTIONS[action](deps, context);
  await tellActor(deps, context, UNKNOWN_CARD_ACTION_MESSAGE);
}
