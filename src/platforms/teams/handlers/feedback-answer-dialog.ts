// The answer dialog of a feedback request: `task/fetch` opens it for the person who was asked only; `task/submit`
// answers once and closes it, or comes back with the problem and the text kept. A replayed submit by anyone else
// is refused by the domain and nothing is stored.
import { CardFactory, type TaskModuleResponse, type TurnContext } from "botbuilder";
import { z } from "zod";
import { answerFeedbackRequest } from "../../../domain/feedback/answer-feedback-request.ts";
import { getFeedbackAsk } from "../../../domain/feedback/get-feedback-ask.ts";
import { AppError, userMessageFor } from "../../../shared/errors.ts";
import { listNames } from "../cards/card.ts";
import {
  FEEDBACK_ANSWER_TITLE,
  feedbackAnswerFormCard,
  type FeedbackAnswerFormView,
} from "../cards/feedback-answer-form.ts";
import { identifyActor } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { replyPrivately } from "./tell-actor.ts";
import { logError } from "../../../shared/log-error.ts";

const AskData = z.object({ askId: z.string().min(1).max(100) });
const AnswerData = AskData.extend({ answer: z.string().optional().catch(undefined) });

function formResponse(view: FeedbackAnswerFormView): TaskModuleResponse {
  return {
    task: {
      type: "continue",
      value: {
        title: FEEDBACK_ANSWER_TITLE,
        width: "medium",
        height: "medium",
        card: CardFactory.adaptiveCard(feedbackAnswerFormCard(view)),
      },
    },
  };
}

export async function fetchFeedbackAnswerForm(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse> {
  try {
    const parsed = AskData.safeParse(data ?? {});
    if (!parsed.success)
      throw new AppError("VALIDATION", "Teams sent a click Momentum couldn't read. Please try again.");
    const me = await identifyActor(deps.domain, context);
    return formResponse({
      askId: parsed.data.askId,
      ask: await getFeedbackAsk(deps.domain, { askId: parsed.data.askId, personId: me.id }),
    });
  } catch (error) {
    logError(deps.logger, error, "feedback answer dialog fetch failed");
    return { task: { type: "message", value: userMessageFor(error) } };
  }
}

export async function submitFeedbackAnswerForm(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse | undefined> {
  const parsed = AnswerData.safeParse(data ?? {});
  if (!parsed.success)
    return {
      task: {
        type: "message",
        value: "Teams sent a form Momentum couldn't read. Please click Answer on the request again.",
      },
    };
  const { askId, answer } = parsed.data;
  try {
    const me = await identifyActor(deps.domain, context);
    // One answer per request, keyed by the request itself: a redelivered submission stores nothing more.
    const result = await answerFeedbackRequest(deps.domain, { askId, answererId: me.id, text: answer ?? "" });
    deps.kickDeliveries();
    // A redelivered submission was already stored and confirmed: just close the dialog.
    if (result.duplicate) return undefined;
    const to = listNames([result.recipientName, ...(result.sharedWithName ? [result.sharedWithName] : [])]);
    await replyPrivately(
      deps,
      context,
      `✅ 🔒 Thanks! Your answer was sent privately to ${to}.`,
      "Thanks! Your answer was sent privately.",
    );
    return undefined;
  } catch (error) {
    logError(deps.logger, error, "feedback answer dialog submit failed");
    return formResponse({ askId, error: userMessageFor(error), answer });
  }
}
