// The pulse dialogs. HR: task/fetch answers the form; its submit answers the preview (or the form again with the
// problem and everything kept); "Back" returns to the form; "Launch" launches (the form id minted at fetch time is
// the request key, so a double click launches once) and closes with a private confirmation. People: task/fetch
// answers the survey (with their answers when the click carries their change key); its submit stores the answer
// and sends the private "answered" card with "Change my answers". Answers and keys are never logged.
import { randomUUID } from "node:crypto";
import { CardFactory, type TaskModuleResponse, type TurnContext } from "botbuilder";
import { z } from "zod";
import { commentMinGroupSizeOf, minGroupSizeOf } from "../../../domain/insights/min-group.ts";
import { listActiveManagers } from "../../../domain/people/list-managers.ts";
import { getPulseForm, PulseValidationError, submitPulseAnswer } from "../../../domain/pulses/answer-pulse.ts";
import { launchPulse, previewPulse, requirePulseAdmin } from "../../../domain/pulses/launch-pulse.ts";
import type { PulseDraftOptions } from "../../../domain/pulses/pulse.schemas.ts";
import { loadRound } from "../../../domain/pulses/pulse-records.ts";
import { formatLocalLabel, isIanaTimeZone } from "../../../domain/schedule/local-time.ts";
import { userMessageFor } from "../../../shared/errors.ts";
import type { AdaptiveCard } from "../cards/card.ts";
import { pulseAnsweredCard } from "../cards/pulse-cards.ts";
import {
  PULSE_ANSWER_SUBMIT_ACTION,
  PULSE_BACK_ACTION,
  PULSE_LAUNCH_ACTION,
  PULSE_SETUP_SUBMIT_ACTION,
  PULSE_SETUP_TITLE,
  pulsePreviewCard,
  pulseSetupCard,
  pulseSurveyCard,
  type PulseSetupValues,
} from "../cards/pulse-forms.ts";
import { identifyActor } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { replyPrivately } from "./tell-actor.ts";
import { logError } from "../../../shared/log-error.ts";

export const PULSE_SUBMIT_ACTIONS = new Set([
  PULSE_SETUP_SUBMIT_ACTION,
  PULSE_BACK_ACTION,
  PULSE_LAUNCH_ACTION,
  PULSE_ANSWER_SUBMIT_ACTION,
]);

const dialog = (title: string, card: AdaptiveCard): TaskModuleResponse => ({
  task: { type: "continue", value: { title, width: "large", height: "large", card: CardFactory.adaptiveCard(card) } },
});
const message = (text: string): TaskModuleResponse => ({ task: { type: "message", value: text } });
const text = z.string().max(5000).optional().catch(undefined);
const SetupValues = z.object({
  title: text,
  library: text,
  custom: text,
  audience: text,
  managers: text,
  cadence: text,
  weekday: text,
  time: text,
  openDays: text,
  share: text,
});
const SetupSubmission = SetupValues.extend({
  action: z.string(),
  formId: z.uuid(),
  values: SetupValues.optional().catch(undefined),
});
const SurveyOpen = z.object({
  roundId: z.string().min(1).max(200),
  token: z.string().max(200).optional().catch(undefined),
});

async function managersFor(deps: TeamsHandlerDeps) {
  return listActiveManagers(deps.domain, { limit: 100 });
}

export async function fetchPulseSetup(deps: TeamsHandlerDeps, context: TurnContext): Promise<TaskModuleResponse> {
  try {
    const actor = await identifyActor(deps.domain, context);
    await requirePulseAdmin(deps.domain, actor.id, "run pulse surveys");
    return dialog(
      PULSE_SETUP_TITLE,
      pulseSetupCard({ formId: randomUUID(), managers: await managersFor(deps), values: {} }),
    );
  } catch (error) {
    logError(deps.logger, error, "pulse dialog failed");
    return message(userMessageFor(error));
  }
}

function draftOf(actorId: string, values: PulseSetupValues): PulseDraftOptions {
  const list = (value: string | undefined) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean);
  const audience =
    values.audience === "teams"
      ? { kind: "teams" as const, managerIds: list(values.managers) }
      : { kind: "everyone" as const };
  return {
    actorId,
    title: values.title ?? "",
    libraryIds: list(values.library) as PulseDraftOptions["libraryIds"],
    customQuestions: (values.custom ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    audience,
    cadence: (values.cadence ?? "") as PulseDraftOptions["cadence"],
    weekday: values.weekday ?? "",
    time: values.time ?? "",
    openDays: values.openDays ?? "",
    shareResults: values.share === "true",
  };
}

async function submitSetup(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse | undefined> {
  const parsed = SetupSubmission.safeParse(data ?? {});
  if (!parsed.success) return message("Teams sent a form Momentum couldn't read. Please open it again.");
  const { action, formId, values: carried, ...typed } = parsed.data;
  const values: PulseSetupValues = action === PULSE_SETUP_SUBMIT_ACTION ? typed : (carried ?? {});
  try {
    const actor = await identifyActor(deps.domain, context);
    await requirePulseAdmin(deps.domain, actor.id, "run pulse surveys");
    if (action === PULSE_BACK_ACTION)
      return dialog(PULSE_SETUP_TITLE, pulseSetupCard({ formId, managers: await managersFor(deps), values }));
    if (action === PULSE_SETUP_SUBMIT_ACTION) {
      const preview = await previewPulse(deps.domain, draftOf(actor.id, values));
      return dialog(
        "Preview the pulse",
        pulsePreviewCard({
          formId,
          preview,
          values,
          minGroupSize: minGroupSizeOf(deps.domain.org),
          commentMinGroupSize: commentMinGroupSizeOf(deps.domain.org),
        }),
      );
    }
    const result = await launchPulse(deps.domain, {
      draft: draftOf(actor.id, values),
      requestKey: `teams:pulse-form:${formId}`,
    });
    if (result.duplicate) return undefined;
    const confirmation = `🚀 "${result.draft.title}" is launched: ${result.audienceCount} people will be asked at ${result.draft.time} their time on ${result.firstDate}. Type "pulse results" for participation, then scores once the round closes.`;
    await replyPrivately(deps, context, confirmation, "🚀 Your pulse survey is launched.");
    return undefined;
  } catch (error) {
    logError(deps.logger, error, "pulse dialog failed");
    const managers = await managersFor(deps).catch(() => []);
    return dialog(PULSE_SETUP_TITLE, pulseSetupCard({ formId, managers, values, formError: userMessageFor(error) }));
  }
}

export async function fetchPulseSurvey(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse> {
  const parsed = SurveyOpen.safeParse(data ?? {});
  if (!parsed.success) return message("Teams sent a click Momentum couldn't read. Please try again.");
  try {
    const person = await identifyActor(deps.domain, context);
    const form = await getPulseForm(deps.domain, {
      personId: person.id,
      roundId: parsed.data.roundId,
      token: parsed.data.token ?? null,
    });
    return dialog(
      form.editing ? "Change my answers" : "Pulse survey",
      pulseSurveyCard({
        form,
        closesLabel: closesLabelFor(deps, person.timeZone, form.closesAt),
        token: parsed.data.token,
      }),
    );
  } catch (error) {
    logError(deps.logger, error, "pulse dialog failed");
    return message(userMessageFor(error));
  }
}

function closesLabelFor(deps: TeamsHandlerDeps, zone: string, closesAt: Date): string {
  return formatLocalLabel(closesAt, isIanaTimeZone(zone) ? zone : deps.domain.org.defaultTimeZone);
}

async function submitSurvey(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse | undefined> {
  const parsed = SurveyOpen.safeParse(data ?? {});
  if (!parsed.success) return message("Teams sent a form Momentum couldn't read. Please open it again.");
  const raw = (data ?? {}) as Record<string, unknown>;
  const values = Object.fromEntries(
    Object.entries(raw).filter(
      ([key, value]) => (key.startsWith("q_") || key === "comment") && typeof value === "string",
    ),
  ) as Record<string, string>;
  let person: Awaited<ReturnType<typeof identifyActor>> | undefined;
  try {
    person = await identifyActor(deps.domain, context);
    const answers = Object.fromEntries(
      Object.entries(values)
        .filter(([key]) => key.startsWith("q_"))
        .map(([key, value]) => [key.slice(2), value]),
    );
    const result = await submitPulseAnswer(deps.domain, {
      personId: person.id,
      roundId: parsed.data.roundId,
      token: parsed.data.token ?? null,
      answers,
      comment: values.comment ?? null,
    });
    const card = pulseAnsweredCard(result, closesLabelFor(deps, person.timeZone, result.closesAt));
    await replyPrivately(
      deps,
      context,
      { attachments: [CardFactory.adaptiveCard(card)] },
      "✅ Thanks! Your answers are saved.",
    );
    return undefined;
  } catch (error) {
    logError(deps.logger, error, "pulse dialog failed");
    if (!person) return message(userMessageFor(error));
    const form = await getPulseForm(deps.domain, {
      personId: person.id,
      roundId: parsed.data.roundId,
      token: parsed.data.token ?? null,
    }).catch(() => null);
    if (!form) return message(userMessageFor(error));
    const { round } = await loadRound(deps.domain, parsed.data.roundId);
    const fieldErrors = error instanceof PulseValidationError ? error.fieldErrors : undefined;
    const card = pulseSurveyCard({
      form,
      closesLabel: closesLabelFor(deps, person.timeZone, round.closesAt),
      token: parsed.data.token,
      fieldErrors,
      formError: userMessageFor(error),
      values,
    });
    return dialog("Pulse survey", card);
  }
}

export async function submitPulseDialog(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse | undefined> {
  const action = (data as { action?: unknown } | undefined)?.action;
  return action === PULSE_ANSWER_SUBMIT_ACTION ? submitSurvey(deps, context, data) : submitSetup(deps, context, data);
}
