// Action.Submit buttons of the feedback cards (they arrive as messages with a `value`): send or cancel a preview,
// decline a request, or (from clients that don't open dialogs from a submit) answer one. Each is checked against
// the person who clicked: a draft is sent only by its giver, an ask is declined only by whom it was sent to.
import { CardFactory, type TurnContext } from "botbuilder";
import { z } from "zod";
import { cancelFeedbackDraft } from "../../../domain/feedback/cancel-feedback-draft.ts";
import { declineFeedbackRequest } from "../../../domain/feedback/decline-feedback-request.ts";
import { FeedbackAudience } from "../../../domain/feedback/feedback.schemas.ts";
import { getFeedbackAsk } from "../../../domain/feedback/get-feedback-ask.ts";
import { sendFeedbackDraft } from "../../../domain/feedback/send-feedback-draft.ts";
import type { GiveFeedbackResult } from "../../../domain/feedback/give-feedback.ts";
import { AppError } from "../../../shared/errors.ts";
import { adaptiveCard, paragraph } from "../cards/card.ts";
import { FEEDBACK_CARD_ACTIONS, openAnswerDialogAction } from "../cards/feedback-cards.ts";
import { identifyActor } from "../identity.ts";
import { OPEN_A_CHAT_FOR_FEEDBACK, personalRoute, sendThroughRoute } from "./feedback-private.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { oncePerActivity } from "./once-per-activity.ts";

const Id = z.string().min(1).max(100);
const FeedbackCardValue = z.discriminatedUnion("action", [
  z.object({ action: z.literal(FEEDBACK_CARD_ACTIONS.send), draftId: Id, audience: FeedbackAudience }),
  z.object({ action: z.literal(FEEDBACK_CARD_ACTIONS.cancel), draftId: Id }),
  z.object({ action: z.literal(FEEDBACK_CARD_ACTIONS.decline), askId: Id }),
  z.object({ action: z.literal(FEEDBACK_CARD_ACTIONS.answer), askId: Id }),
]);

export async function handleFeedbackCardAction(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const route = await personalRoute(deps, context);
  if (!route) {
    await context.sendActivity(OPEN_A_CHAT_FOR_FEEDBACK);
    return;
  }
  const parsed = FeedbackCardValue.safeParse(context.activity.value);
  if (!parsed.success) throw new AppError("VALIDATION", "Teams sent a click Momentum couldn't read. Please try again.");
  const value = parsed.data;
  const me = await identifyActor(deps.domain, context);
  switch (value.action) {
    case FEEDBACK_CARD_ACTIONS.send: {
      const outcome = await oncePerActivity(deps, context, (domain) =>
        sendFeedbackDraft(domain, { draftId: value.draftId, giverId: me.id, audience: value.audience }),
      );
      if (!outcome.done) return;
      const result = outcome.result;
      if (!result.duplicate) deps.kickDeliveries();
      return sendThroughRoute(deps, context, route, sentText(result));
    }
    case FEEDBACK_CARD_ACTIONS.cancel: {
      const outcome = await oncePerActivity(deps, context, (domain) =>
        cancelFeedbackDraft(domain, { draftId: value.draftId, giverId: me.id }),
      );
      if (!outcome.done) return;
      return sendThroughRoute(deps, context, route, "🗑️ Cancelled: nothing was sent, and the draft is deleted.");
    }
    case FEEDBACK_CARD_ACTIONS.decline: {
      const outcome = await oncePerActivity(deps, context, (domain) =>
        declineFeedbackRequest(domain, { askId: value.askId, answererId: me.id }),
      );
      if (!outcome.done) return;
      const { subjectName } = outcome.result;
      return sendThroughRoute(deps, context, route, `You declined the request for feedback on ${subjectName}.`);
    }
    case FEEDBACK_CARD_ACTIONS.answer: {
      await getFeedbackAsk(deps.domain, { askId: value.askId, personId: me.id });
      const card = adaptiveCard(
        [paragraph("Click Answer to write your feedback.")],
        [openAnswerDialogAction(value.askId)],
      );
      return sendThroughRoute(deps, context, route, { attachments: [CardFactory.adaptiveCard(card)] });
    }
  }
}

/** Who got it, never the text again. */
export function sentText(result: GiveFeedbackResult): string {
  const to = result.sharedWithName
    ? `${result.recipientName} and their manager ${result.sharedWithName}`
    : `${result.recipientName} only`;
  if (result.duplicate) return `✅ This feedback was already sent to ${to}; nothing was sent twice.`;
  const lines = [`✅ 🔒 Your feedback was sent privately to ${to}.`];
  if (result.unreachableNames.length > 0)
    lines.push(
      `I can't message ${result.unreachableNames.join(", ")} yet; it's saved and they'll find it with "feedback list".`,
    );
  return lines.join(" ");
}
