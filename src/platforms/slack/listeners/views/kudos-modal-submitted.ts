// The kudos modal was submitted. Within the interaction budget the whole request runs before the acknowledgement,
// so a refusal (a bot, a deactivated person, the daily limit) shows inline and nothing is lost; if Slack or the
// database is slow, the modal closes and the outcome reaches the giver as a DM.
import type { App } from "@slack/bolt";
import { userMessageFor } from "../../../../shared/errors.ts";
import { logError, logWarning } from "../../../../shared/log-error.ts";
import { kudosConfirmationMessage, type KudosConfirmation } from "../../views/kudos-confirmation.ts";
import { KUDOS_BLOCKS, KUDOS_MODAL_CALLBACK } from "../../views/kudos-modal.ts";
import type { SlackMessage } from "../../views/text.ts";
import { escapeUserMessage } from "../../views/text.ts";
import { giveKudosFromSlack } from "../give-kudos-from-slack.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { ViewSubmissionPayload } from "../payloads.ts";
import { within } from "../within-budget.ts";
import { parseKudosSubmission } from "./kudos-submission.ts";

type Outcome = { ok: true; confirmation: KudosConfirmation } | { ok: false; error: unknown };

export function registerKudosModalSubmission(app: App, deps: SlackListenerDeps): void {
  app.view(KUDOS_MODAL_CALLBACK, async ({ ack, body }) => {
    const payload = ViewSubmissionPayload.safeParse(body);
    if (!payload.success) {
      await ack({
        response_action: "errors",
        errors: { [KUDOS_BLOCKS.message]: "Slack sent a form Momentum couldn't read. Please try again." },
      });
      return;
    }
    const parsed = parseKudosSubmission(payload.data, deps.domain.org.kudosValues);
    if (!parsed.ok) {
      await ack({ response_action: "errors", errors: parsed.errors });
      return;
    }
    const { submission } = parsed;
    const giverUserId = payload.data.user.id;
    const outcome: Promise<Outcome> = deps.inFlight.track(
      giveKudosFromSlack(deps, {
        teamId: payload.data.team?.id ?? payload.data.user.team_id ?? "",
        giverUserId,
        recipientUserIds: submission.recipientUserIds,
        message: () => submission.message,
        value: submission.value,
        visibility: submission.visibility,
        // A double click submits the same view twice: the view id makes the second a no-op.
        requestKey: `slack:view:${payload.data.view.id}`,
        channelId: submission.metadata.channelId,
      }).then(
        (confirmation): Outcome => ({ ok: true, confirmation }),
        (error: unknown): Outcome => ({ ok: false, error }),
      ),
    );
    const early = await within(outcome, deps.interactionBudgetMs);
    if (early && !early.ok) {
      logError(deps.logger, early.error, "kudos modal submission failed");
      await ack({ response_action: "errors", errors: { [KUDOS_BLOCKS.recipients]: userMessageFor(early.error) } });
      return;
    }
    await ack();
    await deps.inFlight.track(tellGiver(deps, giverUserId, early ?? (await outcome)));
  });
}

async function tellGiver(deps: SlackListenerDeps, userId: string, outcome: Outcome): Promise<void> {
  if (outcome.ok && outcome.confirmation.duplicate) return; // the first submission already told them
  if (!outcome.ok) logError(deps.logger, outcome.error, "kudos modal submission failed");
  const message: SlackMessage = outcome.ok
    ? kudosConfirmationMessage(outcome.confirmation)
    : { text: escapeUserMessage(userMessageFor(outcome.error)), blocks: [] };
  try {
    // Posting to a user id lands in the app's DM with them (the Messages tab of the app).
    await deps.client.chat.postMessage({
      channel: userId,
      text: message.text,
      ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}),
    });
  } catch (error) {
    logWarning(deps.logger, error, "could not tell the giver how their kudos went");
  }
}
