// "Answer" and "Decline" on a feedback request DM. Both check first that the clicker is the person who was asked:
// a replayed payload from anyone else opens nothing and changes nothing.
import type { App, BlockButtonAction, RespondFn } from "@slack/bolt";
import { declineFeedbackRequest } from "../../../../domain/feedback/decline-feedback-request.ts";
import { getFeedbackAsk } from "../../../../domain/feedback/get-feedback-ask.ts";
import { AppError } from "../../../../shared/errors.ts";
import { identifyActor } from "../../slack-people.ts";
import { FEEDBACK_ASK_ACTIONS } from "../../views/feedback-messages.ts";
import { answerFeedbackModal } from "../../views/feedback-modals.ts";
import { feedbackDeclinedReply } from "../../views/feedback-replies.ts";
import { slackErrorCode } from "../../web-client.ts";
import { ephemeralReply, replyWithError } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { BlockActionPayload } from "../payloads.ts";

export function registerFeedbackAskActions(app: App, deps: SlackListenerDeps): void {
  for (const actionId of [FEEDBACK_ASK_ACTIONS.answer, FEEDBACK_ASK_ACTIONS.decline]) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, respond }) => {
      await ack();
      await deps.inFlight.track(handleAskClick(deps, actionId, body, respond));
    });
  }
}

async function handleAskClick(
  deps: SlackListenerDeps,
  actionId: string,
  body: unknown,
  respond: RespondFn,
): Promise<void> {
  try {
    const parsed = BlockActionPayload.safeParse(body);
    if (!parsed.success)
      throw new AppError("VALIDATION", "Slack sent a click Momentum couldn't read. Please try again.");
    const click = parsed.data;
    const askId = click.actions.find((action) => action.action_id === actionId)?.value ?? "";
    const me = await identifyActor(
      deps.domain,
      deps.directory,
      click.team?.id ?? click.user.team_id ?? "",
      click.user.id,
    );
    if (actionId === FEEDBACK_ASK_ACTIONS.decline) {
      const { subjectName } = await declineFeedbackRequest(deps.domain, { askId, answererId: me.id });
      const message = feedbackDeclinedReply(subjectName);
      await respond({ response_type: "ephemeral", replace_original: true, text: message.text, blocks: message.blocks });
      return;
    }
    const ask = await getFeedbackAsk(deps.domain, { askId, personId: me.id });
    try {
      await deps.client.views.open({ trigger_id: click.trigger_id, view: answerFeedbackModal(ask) });
    } catch (error) {
      if (slackErrorCode(error) === "expired_trigger_id")
        throw new AppError(
          "UNAVAILABLE",
          "Slack took too long to open the form. Please click Answer again.",
          "views.open: expired_trigger_id",
        );
      throw error;
    }
  } catch (error) {
    await replyWithError(ephemeralReply(respond), deps.logger, error, "feedback request button");
  }
}
