// The 1:1 agenda's buttons. "Add a private note" opens the note modal; "Mark 1:1 done" records the week's 1:1 and
// closes the notes the agenda showed. Both act for the Slack user who clicked, never for an id in the payload:
// the domain refuses anyone but the report's current manager, so a forwarded or replayed click does nothing.
import type { App, BlockButtonAction } from "@slack/bolt";
import { markOneOnOneDone } from "../../../../domain/one-on-ones/mark-one-on-one-done.ts";
import { requireCurrentManager } from "../../../../domain/one-on-ones/report-access.ts";
import { AppError } from "../../../../shared/errors.ts";
import { identifyActor } from "../../slack-people.ts";
import {
  ONE_ON_ONE_DONE_ACTION,
  ONE_ON_ONE_NOTE_ACTION,
  oneOnOneDoneMessage,
  oneOnOneNoteModal,
  readAgendaButtonValue,
} from "../../views/one-on-one-messages.ts";
import { ephemeralReply, replyWithError } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { BlockActionPayload } from "../payloads.ts";

const UNREADABLE = "That button is from an agenda Momentum can't read. Use the latest 1:1 agenda.";

export function registerOneOnOneButtons(app: App, deps: SlackListenerDeps): void {
  app.action<BlockButtonAction>(ONE_ON_ONE_NOTE_ACTION, async ({ ack, body, respond }) => {
    await ack();
    const reply = ephemeralReply(respond);
    await deps.inFlight.track(
      (async () => {
        try {
          const click = readClick(body, ONE_ON_ONE_NOTE_ACTION);
          const manager = await identifyActor(deps.domain, deps.directory, click.teamId, click.userId);
          const { report } = await requireCurrentManager(deps.domain, manager.id, click.pair.reportId);
          await deps.client.views.open({
            trigger_id: click.triggerId,
            view: oneOnOneNoteModal({ reportId: report.id, periodKey: click.pair.periodKey, reportName: report.name }),
          });
        } catch (error) {
          await replyWithError(reply, deps.logger, error, "Add a 1:1 note");
        }
      })(),
    );
  });

  app.action<BlockButtonAction>(ONE_ON_ONE_DONE_ACTION, async ({ ack, body, respond }) => {
    await ack();
    const reply = ephemeralReply(respond);
    await deps.inFlight.track(
      (async () => {
        try {
          const click = readClick(body, ONE_ON_ONE_DONE_ACTION);
          const manager = await identifyActor(deps.domain, deps.directory, click.teamId, click.userId);
          const result = await markOneOnOneDone(deps.domain, {
            managerId: manager.id,
            reportId: click.pair.reportId,
            periodKey: click.pair.periodKey,
            shownAt: click.pair.builtAt,
          });
          await reply(oneOnOneDoneMessage(result));
        } catch (error) {
          await replyWithError(reply, deps.logger, error, "Mark 1:1 done");
        }
      })(),
    );
  });
}

function readClick(body: unknown, actionId: string) {
  const parsed = BlockActionPayload.safeParse(body);
  if (!parsed.success) throw new AppError("VALIDATION", "Slack sent a click Momentum couldn't read. Please try again.");
  const pair = readAgendaButtonValue(parsed.data.actions.find((action) => action.action_id === actionId)?.value);
  if (!pair) throw new AppError("VALIDATION", UNREADABLE);
  return {
    teamId: parsed.data.team?.id ?? parsed.data.user.team_id ?? "",
    userId: parsed.data.user.id,
    triggerId: parsed.data.trigger_id,
    pair,
  };
}
