// HR's pulse form, then its preview. The form is checked field by field with the domain's own schema (a problem
// shows under its field, everything kept); managers chosen in Slack become people; then the preview is pushed on
// top ("Back" returns to the form as filled). "Launch" on the preview launches the pulse: the preview's view id is
// the request key, so a double click launches it once.
import type { App } from "@slack/bolt";
import { launchPulse, previewPulse } from "../../../../domain/pulses/launch-pulse.ts";
import { PulseDraftFields, PulseDraftInput, type PulseDraftOptions } from "../../../../domain/pulses/pulse.schemas.ts";
import { commentMinGroupSizeOf, minGroupSizeOf } from "../../../../domain/insights/min-group.ts";
import { userMessageFor } from "../../../../shared/errors.ts";
import { logError, logWarning } from "../../../../shared/log-error.ts";
import { identifyActor, identifyRecipients } from "../../slack-people.ts";
import { PULSE_PREVIEW_CALLBACK, pulsePreviewModal } from "../../views/pulse-preview-modal.ts";
import { pulseLaunchedMessage } from "../../views/pulse-replies.ts";
import { PULSE_BLOCKS, PULSE_SETUP_CALLBACK } from "../../views/pulse-setup-modal.ts";
import { sentenceCase } from "../../views/text.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { PulseViewSubmission, readPulseSetupForm, type PulseSetupForm } from "../pulse-payloads.ts";

export function registerPulseSetupSubmissions(app: App, deps: SlackListenerDeps): void {
  app.view(PULSE_SETUP_CALLBACK, async ({ ack, body }) => {
    const payload = PulseViewSubmission.safeParse(body);
    if (!payload.success)
      return void (await ack({
        response_action: "errors",
        errors: { [PULSE_BLOCKS.title]: "Slack sent a form Momentum couldn't read. Please try again." },
      }));
    const form = readPulseSetupForm(payload.data);
    const fieldErrors = setupFieldErrors(form);
    if (fieldErrors) return void (await ack({ response_action: "errors", errors: fieldErrors }));
    try {
      const teamId = payload.data.team?.id ?? payload.data.user.team_id ?? "";
      const actor = await identifyActor(deps.domain, deps.directory, teamId, payload.data.user.id);
      const managers =
        form.audience === "teams"
          ? await identifyRecipients(deps.domain, deps.directory, teamId, form.managerUserIds)
          : [];
      const draft: PulseDraftOptions = {
        actorId: actor.id,
        title: form.title,
        libraryIds: form.libraryIds as PulseDraftOptions["libraryIds"],
        customQuestions: form.customQuestions,
        audience:
          form.audience === "teams"
            ? { kind: "teams", managerIds: managers.map((manager) => manager.id) }
            : { kind: "everyone" },
        cadence: form.cadence as PulseDraftOptions["cadence"],
        weekday: form.weekday,
        time: form.time,
        openDays: form.openDays,
        shareResults: form.shareResults,
      };
      const preview = await previewPulse(deps.domain, draft);
      await ack({
        response_action: "push",
        view: pulsePreviewModal(preview, minGroupSizeOf(deps.domain.org), commentMinGroupSizeOf(deps.domain.org)),
      });
    } catch (error) {
      logError(deps.logger, error, "pulse form submission failed");
      await ack({
        response_action: "errors",
        errors: {
          [form.audience === "teams" ? PULSE_BLOCKS.managers : PULSE_BLOCKS.title]: sentenceCase(userMessageFor(error)),
        },
      });
    }
  });

  app.view(PULSE_PREVIEW_CALLBACK, async ({ ack, body }) => {
    const payload = PulseViewSubmission.safeParse(body);
    const draft = payload.success ? readDraft(payload.data.view.private_metadata) : null;
    if (!payload.success || !draft)
      return void (await ack({
        response_action: "update",
        view: pulseErrorView("Slack sent a form Momentum couldn't read. Please start again with /pulse."),
      }));
    const teamId = payload.data.team?.id ?? payload.data.user.team_id ?? "";
    try {
      const actor = await identifyActor(deps.domain, deps.directory, teamId, payload.data.user.id);
      // The draft comes back from Slack: the person launching must be the one who prepared it, and still HR.
      const result = await launchPulse(deps.domain, {
        draft: { ...draft, actorId: actor.id },
        requestKey: `slack:pulse-preview:${teamId}:${payload.data.view.id}`,
      });
      await ack({ response_action: "clear" });
      if (result.duplicate) return;
      const message = pulseLaunchedMessage(result);
      await deps.inFlight.track(
        deps.client.chat
          .postMessage({ channel: payload.data.user.id, text: message.text, blocks: message.blocks })
          .catch((error: unknown) => logWarning(deps.logger, error, "could not confirm a pulse launch")),
      );
    } catch (error) {
      logError(deps.logger, error, "pulse form submission failed");
      await ack({ response_action: "update", view: pulseErrorView(sentenceCase(userMessageFor(error))) });
    }
  });
}

/** Field problems in the domain's words, keyed by block; null when the form can be previewed. */
function setupFieldErrors(form: PulseSetupForm): Record<string, string> | null {
  const errors: Record<string, string> = {};
  const check = (
    block: string,
    schema: { safeParse(value: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
    value: unknown,
  ) => {
    const result = schema.safeParse(value);
    if (!result.success) errors[block] = result.error?.issues[0]?.message ?? "Please check this field.";
  };
  check(PULSE_BLOCKS.title, PulseDraftFields.title, form.title);
  check(PULSE_BLOCKS.custom, PulseDraftFields.customQuestions, form.customQuestions);
  check(PULSE_BLOCKS.cadence, PulseDraftFields.cadence, form.cadence);
  check(PULSE_BLOCKS.weekday, PulseDraftFields.weekday, form.weekday);
  check(PULSE_BLOCKS.time, PulseDraftFields.time, form.time);
  check(PULSE_BLOCKS.openDays, PulseDraftFields.openDays, form.openDays);
  if (!form.libraryIds.some((id) => id !== "comment") && form.customQuestions.length === 0)
    errors[PULSE_BLOCKS.library] = "Choose at least one question to score (a comment alone can't be summarised).";
  if (form.audience === "teams" && form.managerUserIds.length === 0)
    errors[PULSE_BLOCKS.managers] = "Choose at least one manager whose team is asked.";
  return Object.keys(errors).length > 0 ? errors : null;
}

function readDraft(raw: string): PulseDraftOptions | null {
  try {
    const parsed = PulseDraftInput.safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as PulseDraftOptions) : null;
  } catch {
    return null;
  }
}

function pulseErrorView(text: string) {
  return {
    type: "modal" as const,
    callback_id: "pulse_error",
    title: { type: "plain_text" as const, text: "Pulse not launched" },
    close: { type: "plain_text" as const, text: "Close" },
    blocks: [
      {
        type: "section" as const,
        text: {
          type: "mrkdwn" as const,
          text: `${text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")} Nothing was launched.`,
        },
      },
    ],
  };
}
