// The "give feedback" modal was submitted: the view id is the request key, so a double submit stores once. Who
// will see it was shown in the modal; sharing with a manager who doesn't exist is refused next to the choice.
import type { App, ViewSubmitAction } from "@slack/bolt";
import { giveFeedback } from "../../../../domain/feedback/give-feedback.ts";
import { previewFeedback } from "../../../../domain/feedback/preview-feedback.ts";
import { validationError } from "../../../../shared/errors.ts";
import { identifyActor, identifyRecipients } from "../../slack-people.ts";
import { FEEDBACK_BLOCKS, FEEDBACK_MODAL_CALLBACK } from "../../views/feedback-modals.ts";
import { feedbackSentMessage } from "../../views/feedback-preview.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import {
  FeedbackViewSubmission,
  FieldRefusal,
  parseGiveSubmission,
  submitWithinBudget,
  type GiveSubmission,
} from "./feedback-submission.ts";

export function registerFeedbackModalSubmission(app: App, deps: SlackListenerDeps): void {
  app.view<ViewSubmitAction>(FEEDBACK_MODAL_CALLBACK, async ({ ack, body }) => {
    const payload = FeedbackViewSubmission.safeParse(body);
    if (!payload.success) {
      await ack({
        response_action: "errors",
        errors: { [FEEDBACK_BLOCKS.text]: "Slack sent a form Momentum couldn't read. Please try again." },
      });
      return;
    }
    const parsed = parseGiveSubmission(payload.data);
    if (!parsed.ok) {
      await ack({ response_action: "errors", errors: parsed.errors });
      return;
    }
    const { user, team, view } = payload.data;
    await submitWithinBudget(deps, {
      ack,
      userId: user.id,
      defaultBlock: FEEDBACK_BLOCKS.recipient,
      what: "feedback modal submission",
      work: give(deps, team?.id ?? user.team_id ?? "", user.id, view.id, parsed.value),
      confirm: (result) => (result.duplicate ? null : feedbackSentMessage(result)),
    });
  });
}

async function give(
  deps: SlackListenerDeps,
  teamId: string,
  userId: string,
  viewId: string,
  submission: GiveSubmission,
) {
  const giver = await identifyActor(deps.domain, deps.directory, teamId, userId);
  const [recipient] = await identifyRecipients(deps.domain, deps.directory, teamId, [submission.recipientUserId]);
  if (submission.audience === "recipient_and_manager") {
    const preview = await previewFeedback(deps.domain, {
      giverId: giver.id,
      recipientId: recipient.id,
      audience: submission.audience,
    });
    if (!preview.manager) throw new FieldRefusal(FEEDBACK_BLOCKS.audience, validationError(preview.summary));
  }
  const result = await giveFeedback(deps.domain, {
    giverId: giver.id,
    recipientId: recipient.id,
    text: submission.text,
    audience: submission.audience,
    requestKey: `slack:view:${viewId}`,
  });
  if (!result.duplicate) deps.kickDeliveries();
  return result;
}
