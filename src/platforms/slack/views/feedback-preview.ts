// The preview the giver alone sees after `/feedback @bob …`: their words, exactly who will read them with each
// choice, and one button per choice. The buttons carry the draft id only (see save-feedback-draft.ts).
import type { ActionsBlock, Button } from "@slack/types";
import type { FeedbackPreview } from "../../../domain/feedback/preview-feedback.ts";
import type { GiveFeedbackResult } from "../../../domain/feedback/give-feedback.ts";
import { quotedSections } from "./feedback-messages.ts";
import { context, escapedText, escapeMrkdwn, plain, section, type SlackMessage } from "./text.ts";

export const FEEDBACK_PREVIEW_ACTIONS = {
  sendRecipient: "feedback_send_recipient",
  sendShared: "feedback_send_shared",
  cancel: "feedback_cancel",
} as const;

export function feedbackPreviewMessage(options: {
  draftId: string;
  text: string;
  preview: FeedbackPreview;
}): SlackMessage {
  const { draftId, text, preview } = options;
  const recipient = preview.recipient.name;
  // A manager giving feedback to their own report already has it: sharing with themselves adds nothing.
  const canShare = preview.manager !== null && !preview.manager.isGiver;
  const buttons: Button[] = [
    {
      type: "button",
      action_id: FEEDBACK_PREVIEW_ACTIONS.sendRecipient,
      style: "primary",
      text: plain(`Send to ${recipient} only`, 75),
      value: draftId,
    },
    ...(canShare
      ? [
          {
            type: "button" as const,
            action_id: FEEDBACK_PREVIEW_ACTIONS.sendShared,
            text: plain(`Send to ${recipient} and ${preview.manager!.name}`, 75),
            value: draftId,
          },
        ]
      : []),
    { type: "button", action_id: FEEDBACK_PREVIEW_ACTIONS.cancel, text: plain("Cancel", 75), value: draftId },
  ];
  const who = canShare
    ? [
        `• *${escapeMrkdwn(`Send to ${recipient} only`)}*: ${escapeMrkdwn(preview.summaries.recipient)}`,
        `• *${escapeMrkdwn(`Send to ${recipient} and ${preview.manager!.name}`)}*: ${escapeMrkdwn(preview.summaries.recipient_and_manager)}`,
      ]
    : [escapeMrkdwn(preview.manager ? preview.summaries.recipient : preview.summaries.recipient_and_manager)];
  const actions: ActionsBlock = { type: "actions", block_id: "feedback_preview", elements: buttons };
  return {
    text: escapedText`Preview of your feedback for ${recipient}: nothing is sent until you choose`,
    blocks: [
      section(
        `:eyes: *Preview of your private feedback for ${escapeMrkdwn(recipient)}* (only you can see this preview)`,
      ),
      ...quotedSections(text),
      section(`*Who will see it*\n${who.join("\n")}`),
      actions,
      context(
        "Nothing is sent until you choose. The draft is deleted when you send or cancel it, or after 30 minutes.",
      ),
    ],
  };
}

/** What replaces the preview once it's sent: who got it, never the text again. */
export function feedbackSentMessage(result: GiveFeedbackResult): SlackMessage {
  const recipient = escapeMrkdwn(result.recipientName);
  const to = result.sharedWithName
    ? `${recipient} and their manager ${escapeMrkdwn(result.sharedWithName)}`
    : `${recipient} only`;
  const lines = [
    result.duplicate
      ? `:white_check_mark: This feedback was already sent to ${to}; nothing was sent twice.`
      : `:white_check_mark: :lock: Your feedback was sent privately to ${to}.`,
  ];
  if (result.unreachableNames.length > 0) {
    lines.push(
      `Momentum can't message ${escapeMrkdwn(result.unreachableNames.join(", "))} yet; it's saved and they'll find it with \`/feedback list\`.`,
    );
  }
  return { text: escapedText`Feedback sent to ${result.recipientName}`, blocks: [section(lines.join("\n"))] };
}

export function feedbackCancelledMessage(): SlackMessage {
  return {
    text: "Feedback cancelled",
    blocks: [section(":wastebasket: Cancelled: nothing was sent, and the draft is deleted.")],
  };
}
