// Opens the check-in modal for the person who clicked "Start check-in" or typed `/checkin`, filled with what they
// saved this period. Slack's trigger id expires 3 s after the click, so this runs right after the acknowledgement.
import { getCheckInForm } from "../../../domain/check-ins/get-check-in-form.ts";
import { listCheckInGoals } from "../../../domain/goals/check-in-goals.ts";
import { AppError } from "../../../shared/errors.ts";
import { identifyActor } from "../slack-people.ts";
import { checkInModal } from "../views/checkin-modal.ts";
import { slackErrorCode } from "../web-client.ts";
import type { SlackListenerDeps } from "./listener-deps.ts";

export interface OpenCheckInModalRequest {
  teamId: string;
  userId: string;
  triggerId: string;
  /** The period of the prompt whose button was clicked, if the modal was opened from a prompt. */
  promptPeriodKey?: string;
}

export async function openCheckInModal(deps: SlackListenerDeps, request: OpenCheckInModalRequest): Promise<void> {
  const person = await identifyActor(deps.domain, deps.directory, request.teamId, request.userId);
  const form = await getCheckInForm(deps.domain, { personId: person.id });
  const goals = await listCheckInGoals(deps.domain, { personId: person.id });
  // The domain keeps one check-in per current period: an old prompt opens this week's form, and says so.
  const note =
    request.promptPeriodKey && request.promptPeriodKey !== form.periodKey
      ? `That prompt was for an earlier week, which has closed. This is this week's check-in.`
      : undefined;
  try {
    await deps.client.views.open({ trigger_id: request.triggerId, view: checkInModal({ form, note, goals }) });
  } catch (error) {
    if (slackErrorCode(error) === "expired_trigger_id") {
      throw new AppError(
        "UNAVAILABLE",
        "Slack took too long to open the check-in form. Please try again.",
        "views.open: expired_trigger_id",
      );
    }
    throw error;
  }
}
