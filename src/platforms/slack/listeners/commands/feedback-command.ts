// `/feedback`: acknowledge at once, then preview feedback before sending, ask for feedback, list what I may read,
// or open the form. Every reply is ephemeral (response_url): nothing about feedback is ever posted in a channel.
import type { App, RespondFn } from "@slack/bolt";
import { listFeedbackForMe } from "../../../../domain/feedback/list-feedback-for-me.ts";
import { requestFeedback } from "../../../../domain/feedback/request-feedback.ts";
import { saveFeedbackDraft } from "../../../../domain/feedback/save-feedback-draft.ts";
import { AppError } from "../../../../shared/errors.ts";
import { identifyActor, identifyRecipients } from "../../slack-people.ts";
import { giveFeedbackModal } from "../../views/feedback-modals.ts";
import { feedbackPreviewMessage } from "../../views/feedback-preview.ts";
import { feedbackHelpMessage, feedbackListMessage, feedbackRequestedReply } from "../../views/feedback-replies.ts";
import { ephemeralReply, replyWithError } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { SlashCommandPayload } from "../payloads.ts";
import { parseFeedbackCommand } from "./feedback-text.ts";

export const FEEDBACK_COMMAND = "/feedback";

export function registerFeedbackCommand(app: App, deps: SlackListenerDeps): void {
  app.command(FEEDBACK_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    await deps.inFlight.track(handleFeedbackCommand(deps, command, respond));
  });
}

async function handleFeedbackCommand(deps: SlackListenerDeps, raw: unknown, respond: RespondFn): Promise<void> {
  const reply = ephemeralReply(respond);
  try {
    const parsed = SlashCommandPayload.safeParse(raw);
    if (!parsed.success)
      throw new AppError("VALIDATION", "Slack sent a command Momentum couldn't read. Please try again.");
    const command = parsed.data;
    const action = parseFeedbackCommand(command.text);
    const ctx = deps.domain;
    switch (action.kind) {
      case "help":
        await reply(feedbackHelpMessage(action.problem));
        return;
      case "open-modal":
        await deps.client.views.open({ trigger_id: command.trigger_id, view: giveFeedbackModal() });
        return;
      case "list": {
        const me = await identifyActor(ctx, deps.directory, command.team_id, command.user_id);
        await reply(feedbackListMessage(await listFeedbackForMe(ctx, { personId: me.id }), me.timeZone));
        return;
      }
      case "give": {
        const giver = await identifyActor(ctx, deps.directory, command.team_id, command.user_id);
        const [recipient] = await identifyRecipients(ctx, deps.directory, command.team_id, [action.recipientUserId]);
        const text = action.text(new Map([[action.recipientUserId, recipient.name]]));
        const draft = await saveFeedbackDraft(ctx, { giverId: giver.id, recipientId: recipient.id, text });
        await reply(feedbackPreviewMessage({ draftId: draft.draftId, text, preview: draft.preview }));
        return;
      }
      case "request": {
        const requester = await identifyActor(ctx, deps.directory, command.team_id, command.user_id);
        const subject = action.subjectUserId
          ? (await identifyRecipients(ctx, deps.directory, command.team_id, [action.subjectUserId]))[0]
          : requester;
        const asked = await identifyRecipients(ctx, deps.directory, command.team_id, action.askedUserIds);
        const result = await requestFeedback(ctx, {
          requesterId: requester.id,
          subjectId: subject.id,
          askedIds: asked.map((person) => person.id),
          topic: action.topic,
          // Slack retries a slow command with the same trigger id: nobody is asked twice.
          requestKey: `slack:cmd:${command.trigger_id}`,
        });
        if (!result.duplicate) deps.kickDeliveries();
        await reply(feedbackRequestedReply(result));
        return;
      }
    }
  } catch (error) {
    await replyWithError(reply, deps.logger, error, "/feedback");
  }
}
