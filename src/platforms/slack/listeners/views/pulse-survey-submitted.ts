// A person submitted the survey. Within the interaction budget a problem shows under its question (everything
// kept); then the modal closes and the private confirmation arrives in their DM with "Change my answers", whose
// value is their change key: it is posted straight to Slack, never through the outbox, so Momentum stores it nowhere.
// Nothing about the answers or the person is logged.
import type { App } from "@slack/bolt";
import {
  PulseValidationError,
  submitPulseAnswer,
  type SubmitPulseResult,
} from "../../../../domain/pulses/answer-pulse.ts";
import { loadRound } from "../../../../domain/pulses/pulse-records.ts";
import { formatLocalLabel, isIanaTimeZone } from "../../../../domain/schedule/local-time.ts";
import { AppError, userMessageFor } from "../../../../shared/errors.ts";
import { logError, logWarning } from "../../../../shared/log-error.ts";
import { identifyActor } from "../../slack-people.ts";
import { pulseAnsweredMessage } from "../../views/pulse-replies.ts";
import { PULSE_SURVEY_CALLBACK, pulseQuestionBlock, type PulseSurveyMetadata } from "../../views/pulse-survey-modal.ts";
import { escapeUserMessage, sentenceCase } from "../../views/text.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { PulseViewSubmission, readPulseAnswers } from "../pulse-payloads.ts";
import { within } from "../within-budget.ts";

type Outcome = { ok: true; result: SubmitPulseResult; zone: string } | { ok: false; error: unknown };

export function registerPulseSurveySubmission(app: App, deps: SlackListenerDeps): void {
  app.view(PULSE_SURVEY_CALLBACK, async ({ ack, body }) => {
    const payload = PulseViewSubmission.safeParse(body);
    const metadata = payload.success ? readMetadata(payload.data.view.private_metadata) : null;
    if (!payload.success || !metadata) {
      await ack();
      const userId = (body as { user?: { id?: unknown } })?.user?.id;
      if (typeof userId === "string")
        await tell(deps, userId, {
          ok: false,
          error: new AppError(
            "VALIDATION",
            "Slack sent a survey Momentum couldn't read, so nothing was saved. Please open it again.",
          ),
        });
      return;
    }
    const work: Promise<Outcome> = deps.inFlight.track(
      (async (): Promise<Outcome> => {
        try {
          const teamId = payload.data.team?.id ?? payload.data.user.team_id ?? "";
          const person = await identifyActor(deps.domain, deps.directory, teamId, payload.data.user.id);
          const { survey } = await loadRound(deps.domain, metadata.roundId);
          const { answers, comment } = readPulseAnswers(payload.data, survey.questions);
          const result = await submitPulseAnswer(deps.domain, {
            personId: person.id,
            roundId: metadata.roundId,
            token: metadata.token ?? null,
            answers,
            comment,
          });
          return {
            ok: true,
            result,
            zone: isIanaTimeZone(person.timeZone) ? person.timeZone : deps.domain.org.defaultTimeZone,
          };
        } catch (error) {
          return { ok: false, error };
        }
      })(),
    );
    const early = await within(work, deps.interactionBudgetMs);
    if (early && !early.ok) {
      logError(deps.logger, early.error, "pulse survey submission failed");
      const errors =
        early.error instanceof PulseValidationError
          ? Object.fromEntries(
              Object.entries(early.error.fieldErrors).map(([questionId, message]) => [
                pulseQuestionBlock(questionId),
                message,
              ]),
            )
          : null;
      if (errors) return void (await ack({ response_action: "errors", errors }));
    }
    await ack();
    const outcome = early ?? (await work);
    await deps.inFlight.track(tell(deps, payload.data.user.id, outcome));
  });
}

async function tell(deps: SlackListenerDeps, userId: string, outcome: Outcome): Promise<void> {
  const message = outcome.ok
    ? pulseAnsweredMessage(outcome.result, formatLocalLabel(outcome.result.closesAt, outcome.zone))
    : { text: escapeUserMessage(sentenceCase(userMessageFor(outcome.error))), blocks: [] };
  try {
    await deps.client.chat.postMessage({
      channel: userId,
      text: message.text,
      ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}),
    });
  } catch (error) {
    logWarning(deps.logger, error, "could not confirm a pulse answer");
  }
}

function readMetadata(raw: string): PulseSurveyMetadata | null {
  try {
    const parsed = JSON.parse(raw) as { roundId?: unknown; token?: unknown };
    if (typeof parsed.roundId !== "string" || parsed.roundId.length > 200) return null;
    return {
      roundId: parsed.roundId,
      ...(typeof parsed.token === "string" && parsed.token.length <= 200 ? { token: parsed.token } : {}),
    };
  } catch {
    return null;
  }
}
