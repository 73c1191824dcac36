// A person was chosen in the "give feedback" modal: the modal is updated to say exactly who will see the
// feedback (the recipient's name, and their manager's when shared; or that they have no manager). Slack keeps
// what was typed across the update because the block and action ids stay the same.
import type { App } from "@slack/bolt";
import { z } from "zod";
import { previewFeedback } from "../../../../domain/feedback/preview-feedback.ts";
import { userMessageFor } from "../../../../shared/errors.ts";
import { logError, logWarning } from "../../../../shared/log-error.ts";
import { identifyActor, identifyRecipients } from "../../slack-people.ts";
import { FEEDBACK_FIELDS, giveFeedbackModal, type GiveModalState } from "../../views/feedback-modals.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";

const RecipientPicked = z.object({
  team: z.object({ id: z.string().min(1) }).nullish(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  view: z.object({ id: z.string().min(1), hash: z.string().optional() }),
  actions: z.array(z.object({ action_id: z.string(), selected_user: z.string().nullish() })).min(1),
});

export function registerFeedbackModalRecipient(app: App, deps: SlackListenerDeps): void {
  app.action(FEEDBACK_FIELDS.recipient, async ({ ack, body }) => {
    await ack();
    await deps.inFlight.track(updateWhoSees(deps, body));
  });
}

async function updateWhoSees(deps: SlackListenerDeps, body: unknown): Promise<void> {
  const parsed = RecipientPicked.safeParse(body);
  if (!parsed.success) return;
  const { team, user, view, actions } = parsed.data;
  const teamId = team?.id ?? user.team_id ?? "";
  const chosen = actions.find((action) => action.action_id === FEEDBACK_FIELDS.recipient)?.selected_user;
  let state: GiveModalState = {};
  try {
    if (chosen) {
      const giver = await identifyActor(deps.domain, deps.directory, teamId, user.id);
      const [recipient] = await identifyRecipients(deps.domain, deps.directory, teamId, [chosen]);
      state = { preview: await previewFeedback(deps.domain, { giverId: giver.id, recipientId: recipient.id }) };
    }
  } catch (error) {
    logError(deps.logger, error, "feedback modal preview failed");
    state = { problem: userMessageFor(error) };
  }
  try {
    // The hash makes Slack refuse an update based on an older version of the modal (a quicker second pick wins).
    await deps.client.views.update({
      view_id: view.id,
      ...(view.hash ? { hash: view.hash } : {}),
      view: giveFeedbackModal(state),
    });
  } catch (error) {
    logWarning(deps.logger, error, "could not update the feedback modal with who will see it");
  }
}
