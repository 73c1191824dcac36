// `/momentum one-on-one @alice friday 10:00` and `/momentum summary [@manager]`, routed here by momentum-command.ts.
// The person mentioned is resolved through the Slack directory; role checks are the domain's.
import { setOneOnOneSlot } from "../../../../domain/one-on-ones/set-one-on-one-slot.ts";
import { parseOneOnOneSlotText, ONE_ON_ONE_HELP } from "../../../../domain/one-on-ones/one-on-one-text.ts";
import { getTeamSummary } from "../../../../domain/summaries/get-team-summary.ts";
import { validationError } from "../../../../shared/errors.ts";
import { identifyActor, identifyMentioned } from "../../slack-people.ts";
import { oneOnOneSlotMessage } from "../../views/one-on-one-messages.ts";
import { teamSummaryMessage } from "../../views/summary-messages.ts";
import type { SlackMessage } from "../../views/text.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";

const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/;

export async function oneOnOneCommand(
  deps: SlackListenerDeps,
  command: { team_id: string; user_id: string },
  text: string,
): Promise<SlackMessage> {
  const match = MENTION.exec(text.trim());
  if (!match) throw validationError(ONE_ON_ONE_HELP.replace("`one-on-one", "`/momentum one-on-one"));
  const parsed = parseOneOnOneSlotText(text.trim().slice(match[0].length));
  if (!parsed.ok) throw validationError(parsed.error.replace(/`one-on-one/g, "`/momentum one-on-one"));
  const actor = await identifyActor(deps.domain, deps.directory, command.team_id, command.user_id);
  const report = await identifyMentioned(deps.domain, deps.directory, command.team_id, match[1]);
  return oneOnOneSlotMessage(
    await setOneOnOneSlot(deps.domain, {
      actorId: actor.id,
      reportId: report.id,
      weekday: parsed.command.weekday,
      time: parsed.command.time,
    }),
  );
}

export async function summaryCommand(
  deps: SlackListenerDeps,
  command: { team_id: string; user_id: string },
  text: string,
): Promise<SlackMessage> {
  const match = MENTION.exec(text.trim());
  if (text.trim() && !match)
    throw validationError("Type `/momentum summary` for your team, or (HR) `/momentum summary @manager`.");
  const viewer = await identifyActor(deps.domain, deps.directory, command.team_id, command.user_id);
  const manager = match ? await identifyMentioned(deps.domain, deps.directory, command.team_id, match[1]) : viewer;
  const summary = await getTeamSummary(deps.domain, { viewerId: viewer.id, managerId: manager.id });
  return teamSummaryMessage(summary, { forSomeoneElse: manager.id !== viewer.id });
}
