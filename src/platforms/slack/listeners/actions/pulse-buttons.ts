// "Answer the pulse" (on the ask and the reminder) and "Change my answers" (on the private confirmation): both open
// the survey modal; the second carries the respondent's change key. Problems are told to the clicker only.
import type { App, BlockButtonAction, RespondFn } from "@slack/bolt";
import { AppError } from "../../../../shared/errors.ts";
import { PULSE_OPEN_ACTION } from "../../views/pulse-messages.ts";
import { PULSE_CHANGE_ACTION } from "../../views/pulse-replies.ts";
import { ephemeralReply, replyWithError } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { openPulseSurvey } from "../open-pulse-survey.ts";
import { BlockActionPayload } from "../payloads.ts";

export function registerPulseButtons(app: App, deps: SlackListenerDeps): void {
  for (const actionId of [PULSE_OPEN_ACTION, PULSE_CHANGE_ACTION]) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, respond }) => {
      await ack();
      await deps.inFlight.track(open(deps, actionId, body, respond));
    });
  }
}

async function open(deps: SlackListenerDeps, actionId: string, raw: unknown, respond: RespondFn): Promise<void> {
  try {
    const parsed = BlockActionPayload.safeParse(raw);
    const value = parsed.success
      ? parsed.data.actions.find((action) => action.action_id === actionId)?.value
      : undefined;
    if (!parsed.success || !value)
      throw new AppError("VALIDATION", "Slack sent a click Momentum couldn't read. Please try again.");
    const [roundId, token] = actionId === PULSE_CHANGE_ACTION ? value.split(":") : [value, undefined];
    await openPulseSurvey(deps, {
      teamId: parsed.data.team?.id ?? parsed.data.user.team_id ?? "",
      userId: parsed.data.user.id,
      triggerId: parsed.data.trigger_id,
      roundId,
      token,
    });
  } catch (error) {
    await replyWithError(ephemeralReply(respond), deps.logger, error, "Pulse survey");
  }
}
