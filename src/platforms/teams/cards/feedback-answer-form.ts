// The dialog for answering a feedback request. It shows who will read the answer; after an error it comes back
// with the problem at the top and the text kept.
import { FEEDBACK_MAX_LENGTH } from "../../../domain/feedback/feedback.schemas.ts";
import type { FeedbackAskView } from "../../../domain/feedback/get-feedback-ask.ts";
import { adaptiveCard, listNames, paragraph, plain, subtle, type AdaptiveCard, type CardElement } from "./card.ts";

export const FEEDBACK_ANSWER_SUBMIT_ACTION = "feedback_answer_submit";
export const FEEDBACK_ANSWER_TITLE = "Answer feedback request";

export interface FeedbackAnswerFormView {
  askId: string;
  /** Absent when the request could not be loaded for this person (the error says why). */
  ask?: FeedbackAskView;
  error?: string;
  answer?: string;
}

export function feedbackAnswerFormCard(view: FeedbackAnswerFormView): AdaptiveCard {
  const body: CardElement[] = [];
  if (view.error) body.push(paragraph(plain(view.error), { color: "Attention", weight: "Bolder", id: "formError" }));
  const { ask } = view;
  if (ask) {
    const requester = plain(ask.requesterName);
    body.push(
      paragraph(
        ask.aboutRequester
          ? `${requester} would like your feedback about "${plain(ask.topic)}".`
          : `${requester} would like your feedback on ${plain(ask.subjectName)} about "${plain(ask.topic)}".`,
      ),
    );
  }
  body.push({
    type: "Input.Text",
    id: "answer",
    label: "Your feedback",
    isMultiline: true,
    isRequired: true,
    errorMessage: "Write your feedback.",
    maxLength: FEEDBACK_MAX_LENGTH,
    ...(view.answer ? { value: view.answer } : {}),
  });
  if (ask)
    body.push(
      subtle(
        `🔒 Your answer goes to ${plain(listNames(ask.readerNames))} only. It can't be changed after you send it.`,
      ),
    );
  return adaptiveCard(body, [
    {
      type: "Action.Submit",
      title: "Send answer",
      style: "positive",
      data: { action: FEEDBACK_ANSWER_SUBMIT_ACTION, askId: view.askId },
    },
  ]);
}
