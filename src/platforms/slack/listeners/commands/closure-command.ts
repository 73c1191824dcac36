// `/momentum closure add 2026-12-24 2027-01-01 Winter break` (HR; `closure add @manager …` for one team),
// `closure list`, `closure remove 2026-12-24 2027-01-01 [@manager]`, and the manager of
// `settings team holidays @manager GB-ENG`. The actor's role is checked before a mentioned person is looked up,
// so a refused request provisions nobody; the domain checks it again.
import { decodeSlackEntities } from "../../views/text.ts";
import { addClosure, listClosures, removeClosure } from "../../../../domain/holidays/closures.ts";
import { parseClosureText } from "../../../../domain/holidays/closure-text.ts";
import { requireRole, type PersonRecord } from "../../../../domain/people/person.ts";
import { validationError } from "../../../../shared/errors.ts";
import { identifyActor, identifyMentioned } from "../../slack-people.ts";
import { closureAddedMessage, closureListMessage, closureRemovedMessage } from "../../views/closure-messages.ts";
import type { SlackMessage } from "../../views/text.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";

const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

type CommandSource = { team_id: string; user_id: string };

async function mentionedPerson(deps: SlackListenerDeps, command: CommandSource, target: string): Promise<string> {
  const match = MENTION.exec(target.trim());
  if (!match) throw validationError("Mention one manager, e.g. `team holidays @manager GB-ENG`.");
  return (await identifyMentioned(deps.domain, deps.directory, command.team_id, match[1])).id;
}

export async function teamManagerFromSlack(
  deps: SlackListenerDeps,
  command: CommandSource,
  actor: Pick<PersonRecord, "role">,
  target: string,
): Promise<string> {
  requireRole(actor, "hr", "set a team's holiday calendar");
  return mentionedPerson(deps, command, target);
}

export async function closureCommand(
  deps: SlackListenerDeps,
  command: CommandSource,
  text: string,
): Promise<SlackMessage> {
  const parsed = parseClosureText(text);
  if (!parsed.ok) throw validationError(parsed.error);
  const actor = await identifyActor(deps.domain, deps.directory, command.team_id, command.user_id);
  requireRole(actor, "hr", "manage company closures");
  const closure = parsed.command;
  const teamManagerId =
    closure.kind !== "list" && closure.target ? await mentionedPerson(deps, command, closure.target) : null;
  switch (closure.kind) {
    case "list":
      return closureListMessage(await listClosures(deps.domain, { personId: actor.id }));
    case "add":
      return closureAddedMessage(
        await addClosure(
          deps.domain,
          { personId: actor.id },
          {
            startDate: closure.startDate,
            endDate: closure.endDate,
            reason: decodeSlackEntities(closure.reason),
            teamManagerId,
          },
        ),
      );
    case "remove":
      return closureRemovedMessage(
        await removeClosure(
          deps.domain,
          { personId: actor.id },
          { startDate: closure.startDate, endDate: closure.endDate, teamManagerId },
        ),
      );
  }
}
