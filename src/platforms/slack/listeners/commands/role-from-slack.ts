// `/momentum role @person hr`: admins change someone's role. The actor's role is checked before the mentioned
// person is looked up, so a refused request provisions nobody and changes nothing.
import { changeRoleFromChat } from "../../../../domain/people/change-role-from-chat.ts";
import { requireRole } from "../../../../domain/people/person.ts";
import { identifyActor, identifyMentioned } from "../../slack-people.ts";
import { roleChangedMessage, roleHelpMessage } from "../../views/announce-replies.ts";
import type { Reply } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import type { SlashCommandPayload } from "../payloads.ts";

/** `<@U123|name> hr` (mentions arrive escaped: should_escape is true in the manifest). */
const ROLE_TEXT = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>\s+(\S+)$/;

export async function changeRoleFromSlack(
  deps: SlackListenerDeps,
  command: SlashCommandPayload,
  text: string,
  reply: Reply,
): Promise<void> {
  const actor = await identifyActor(deps.domain, deps.directory, command.team_id, command.user_id);
  requireRole(actor, "admin", "change roles");
  const match = ROLE_TEXT.exec(text.trim());
  if (!match) {
    await reply(roleHelpMessage("Mention one person, then the role."));
    return;
  }
  const target = await identifyMentioned(deps.domain, deps.directory, command.team_id, match[1]);
  await reply(
    roleChangedMessage(
      await changeRoleFromChat(deps.domain, { actorId: actor.id, targetPersonId: target.id, role: match[2] }),
    ),
  );
}
