// The buttons of the feedback preview: "Send to Bob only", "Send to Bob and Carol", "Cancel". Each carries the
// draft id; the domain sends a draft once and only for the person who wrote it. The preview is then replaced by
// a confirmation without the text, so the buttons can't be used again.
import type { App, BlockButtonAction, RespondFn } from "@slack/bolt";
import { cancelFeedbackDraft } from "../../../../domain/feedback/cancel-feedback-draft.ts";
import type { FeedbackAudience } from "../../../../domain/feedback/feedback.schemas.ts";
import { sendFeedbackDraft } from "../../../../domain/feedback/send-feedback-draft.ts";
import { AppError } from "../../../../shared/errors.ts";
import { identifyActor } from "../../slack-people.ts";
import {
  FEEDBACK_PREVIEW_ACTIONS,
  feedbackCancelledMessage,
  feedbackSentMessage,
} from "../../views/feedback-preview.ts";
import type { SlackMessage } from "../../views/text.ts";
import { ephemeralReply, replyWithError } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { BlockActionPayload } from "../payloads.ts";

type Choice = { send: FeedbackAudience } | { cancel: true };

const CHOICES: [string, Choice][] = [
  [FEEDBACK_PREVIEW_ACTIONS.sendRecipient, { send: "recipient" }],
  [FEEDBACK_PREVIEW_ACTIONS.sendShared, { send: "recipient_and_manager" }],
  [FEEDBACK_PREVIEW_ACTIONS.cancel, { cancel: true }],
];

export function registerFeedbackPreviewActions(app: App, deps: SlackListenerDeps): void {
  for (const [actionId, choice] of CHOICES) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, respond }) => {
      await ack();
      await deps.inFlight.track(handleChoice(deps, actionId, choice, body, respond));
    });
  }
}

async function handleChoice(
  deps: SlackListenerDeps,
  actionId: string,
  choice: Choice,
  body: unknown,
  respond: RespondFn,
): Promise<void> {
  const replace = (message: SlackMessage) =>
    respond({ response_type: "ephemeral", replace_original: true, text: message.text, blocks: message.blocks });
  try {
    const parsed = BlockActionPayload.safeParse(body);
    if (!parsed.success)
      throw new AppError("VALIDATION", "Slack sent a click Momentum couldn't read. Please try again.");
    const click = parsed.data;
    const draftId = click.actions.find((action) => action.action_id === actionId)?.value ?? "";
    const giver = await identifyActor(
      deps.domain,
      deps.directory,
      click.team?.id ?? click.user.team_id ?? "",
      click.user.id,
    );
    if ("cancel" in choice) {
      await cancelFeedbackDraft(deps.domain, { draftId, giverId: giver.id });
      await replace(feedbackCancelledMessage());
      return;
    }
    const result = await sendFeedbackDraft(deps.domain, { draftId, giverId: giver.id, audience: choice.send });
    if (!result.duplicate) deps.kickDeliveries();
    await replace(feedbackSentMessage(result));
  } catch (error) {
    // The preview stays, so a refusal ("Bob has no manager") leaves the other button to choose.
    await replyWithError(ephemeralReply(respond), deps.logger, error, "feedback preview");
  }
}
