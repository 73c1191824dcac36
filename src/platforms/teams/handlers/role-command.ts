// `role @Person hr`: admins change someone's role. The actor's role is checked before the mentioned person is
// looked up, so a refused request provisions nobody and changes nothing; bot.ts tells them why, privately.
import type { ChannelAccount, TurnContext } from "botbuilder";
import { changeRoleFromChat } from "../../../domain/people/change-role-from-chat.ts";
import { requireRole } from "../../../domain/people/person.ts";
import { validationError } from "../../../shared/errors.ts";
import { identifyActor, identifyMember } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { oncePerActivity } from "./once-per-activity.ts";
import { replyPrivately } from "./tell-actor.ts";

/** `rest` is what follows "role" once the mention is taken out: the role. */
export async function handleRoleCommand(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  mentions: ChannelAccount[],
  rest: string,
): Promise<void> {
  const actor = await identifyActor(deps.domain, context);
  requireRole(actor, "admin", "change roles");
  const role = rest.trim();
  if (mentions.length !== 1 || !role || /\s/.test(role))
    throw validationError("Mention one person, then the role: role @Name hr (roles: employee, manager, hr, admin).");
  const target = await identifyMember(deps.domain, context, mentions[0]);
  const outcome = await oncePerActivity(deps, context, (domain) =>
    changeRoleFromChat(domain, { actorId: actor.id, targetPersonId: target.id, role }),
  );
  if (!outcome.done) return;
  const result = outcome.result;
  const named = result.to === "hr" ? "HR" : `${/^[aeiou]/.test(result.to) ? "an" : "a"} ${result.to}`;
  const text = result.changed
    ? `${result.name} is now ${named} (was ${result.from}). The change is recorded in the audit log.`
    : `${result.name} is already ${named}.`;
  await replyPrivately(deps, context, text, "Done: the role change is recorded.");
}
