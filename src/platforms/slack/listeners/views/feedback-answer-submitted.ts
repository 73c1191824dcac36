// The answer modal of a feedback request was submitted. The domain checks that the submitter is the person who
// was asked (a replayed submission from anyone else is refused inline and nothing is stored) and that the ask is
// still open (an answer can't be changed after it's sent).
import type { App, ViewSubmitAction } from "@slack/bolt";
import { answerFeedbackRequest } from "../../../../domain/feedback/answer-feedback-request.ts";
import { identifyActor } from "../../slack-people.ts";
import { FEEDBACK_ANSWER_CALLBACK, FEEDBACK_BLOCKS } from "../../views/feedback-modals.ts";
import { feedbackAnsweredReply } from "../../views/feedback-replies.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { FeedbackViewSubmission, parseAnswerSubmission, submitWithinBudget } from "./feedback-submission.ts";

export function registerFeedbackAnswerSubmission(app: App, deps: SlackListenerDeps): void {
  app.view<ViewSubmitAction>(FEEDBACK_ANSWER_CALLBACK, async ({ ack, body }) => {
    const payload = FeedbackViewSubmission.safeParse(body);
    if (!payload.success) {
      await ack({
        response_action: "errors",
        errors: { [FEEDBACK_BLOCKS.answer]: "Slack sent a form Momentum couldn't read. Please try again." },
      });
      return;
    }
    const parsed = parseAnswerSubmission(payload.data);
    if (!parsed.ok) {
      await ack({ response_action: "errors", errors: parsed.errors });
      return;
    }
    const { user, team } = payload.data;
    const teamId = team?.id ?? user.team_id ?? "";
    await submitWithinBudget(deps, {
      ack,
      userId: user.id,
      defaultBlock: FEEDBACK_BLOCKS.answer,
      what: "feedback answer",
      work: (async () => {
        const answerer = await identifyActor(deps.domain, deps.directory, teamId, user.id);
        const result = await answerFeedbackRequest(deps.domain, {
          askId: parsed.value.askId,
          answererId: answerer.id,
          text: parsed.value.text,
        });
        deps.kickDeliveries();
        return result;
      })(),
      confirm: feedbackAnsweredReply,
    });
  });
}
