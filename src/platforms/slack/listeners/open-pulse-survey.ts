// Opens the survey modal for the person who clicked "Answer the pulse" (or "Change my answers", which carries their
// change key). Slack's trigger id expires 3 s after the click, so this runs right after the acknowledgement.
import { getPulseForm } from "../../../domain/pulses/answer-pulse.ts";
import { formatLocalLabel, isIanaTimeZone } from "../../../domain/schedule/local-time.ts";
import { AppError } from "../../../shared/errors.ts";
import { identifyActor } from "../slack-people.ts";
import { pulseSurveyModal } from "../views/pulse-survey-modal.ts";
import { slackErrorCode } from "../web-client.ts";
import type { SlackListenerDeps } from "./listener-deps.ts";

export async function openPulseSurvey(
  deps: SlackListenerDeps,
  request: { teamId: string; userId: string; triggerId: string; roundId: string; token?: string },
): Promise<void> {
  const person = await identifyActor(deps.domain, deps.directory, request.teamId, request.userId);
  const form = await getPulseForm(deps.domain, {
    personId: person.id,
    roundId: request.roundId,
    token: request.token ?? null,
  });
  const zone = isIanaTimeZone(person.timeZone) ? person.timeZone : deps.domain.org.defaultTimeZone;
  try {
    await deps.client.views.open({
      trigger_id: request.triggerId,
      view: pulseSurveyModal(form, formatLocalLabel(form.closesAt, zone), request.token),
    });
  } catch (error) {
    if (slackErrorCode(error) === "expired_trigger_id")
      throw new AppError(
        "UNAVAILABLE",
        "Slack took too long to open the survey. Please try again.",
        "views.open: expired_trigger_id",
      );
    throw error;
  }
}
