// `closure add 2026-12-24 2027-01-01 Winter break` (HR; `closure add @Name …` for one manager's team), `closure list`,
// `closure remove 2026-12-24 2027-01-01 [@Name]`: parsed by the domain's shared parser, answered privately. The
// actor's role is checked before a mentioned person is looked up; the domain checks it again.
import type { ChannelAccount, TurnContext } from "botbuilder";
import { addClosure, listClosures, removeClosure, type ClosureView } from "../../../domain/holidays/closures.ts";
import { parseClosureText } from "../../../domain/holidays/closure-text.ts";
import { requireRole } from "../../../domain/people/person.ts";
import { validationError } from "../../../shared/errors.ts";
import { identifyActor, identifyMember } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { oncePerActivity } from "./once-per-activity.ts";
import { replyPrivately } from "./tell-actor.ts";

const scopeOf = (closure: ClosureView) => (closure.team ? `${closure.team.managerName}'s team` : "everyone");

export async function handleClosure(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  rest: string,
  mentions: ChannelAccount[],
): Promise<void> {
  const parsed = parseClosureText(rest);
  if (!parsed.ok) throw validationError(parsed.error);
  const actor = await identifyActor(deps.domain, context);
  requireRole(actor, "hr", "manage company closures");
  const command = parsed.command;
  if (mentions.length > 1) throw validationError("Mention at most one manager: the closure is for their team.");
  const teamManagerId =
    command.kind !== "list" && mentions.length === 1
      ? (await identifyMember(deps.domain, context, mentions[0])).id
      : null;
  let text: string;
  switch (command.kind) {
    case "list": {
      const closures = await listClosures(deps.domain, { personId: actor.id });
      text =
        closures.length === 0
          ? "No company closures are planned. Add one with: closure add 2026-12-24 2027-01-01 Winter break"
          : [
              "Company closures:",
              ...closures.map((closure) => `• ${closure.label}: ${closure.reason} (${scopeOf(closure)})`),
            ].join("\n\n");
      break;
    }
    case "add": {
      const outcome = await oncePerActivity(deps, context, (domain) =>
        addClosure(
          domain,
          { personId: actor.id },
          { startDate: command.startDate, endDate: command.endDate, reason: command.reason, teamManagerId },
        ),
      );
      if (!outcome.done) return;
      const result = outcome.result;
      const { closure } = result;
      text = result.created
        ? `🌴 Closure added: ${closure.label}, ${closure.reason}, for ${scopeOf(closure)} (${result.people} ${result.people === 1 ? "person" : "people"}). Nothing scheduled reaches them on those days.`
        : `That closure was already there: ${closure.label}, ${closure.reason}, for ${scopeOf(closure)}.`;
      break;
    }
    case "remove": {
      const outcome = await oncePerActivity(deps, context, (domain) =>
        removeClosure(
          domain,
          { personId: actor.id },
          { startDate: command.startDate, endDate: command.endDate, teamManagerId },
        ),
      );
      if (!outcome.done) return;
      const closure = outcome.result;
      text = `✅ Closure removed: ${closure.label} (${closure.reason}) for ${scopeOf(closure)}. Schedules are back to normal on those days.`;
      break;
    }
  }
  await replyPrivately(
    deps,
    context,
    text,
    "Done. Open a chat with Momentum (Apps → Momentum) and type closure list to see the closures.",
  );
}
