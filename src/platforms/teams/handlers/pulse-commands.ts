// `pulse` (HR: a button that opens the pulse dialog), `pulse results` (the latest round), `pulse close` (close the
// open round now). Everything answers the person who typed it, privately.
import { CardFactory, type TurnContext } from "botbuilder";
import { closePulseEarly, stopPulse } from "../../../domain/pulses/close-pulse-round.ts";
import { requirePulseAdmin } from "../../../domain/pulses/launch-pulse.ts";
import { pulseResults } from "../../../domain/pulses/pulse-results.ts";
import { validationError } from "../../../shared/errors.ts";
import { pulseResultsCard, pulseStartCard } from "../cards/pulse-cards.ts";
import { identifyActor } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { oncePerActivity } from "./once-per-activity.ts";
import { replyPrivately } from "./tell-actor.ts";

const OPEN_A_CHAT =
  "I answer that in our personal chat: open a chat with Momentum (Apps → Momentum) and type it there.";

export async function handlePulseText(deps: TeamsHandlerDeps, context: TurnContext, rest: string): Promise<void> {
  const verb = rest.trim().toLowerCase();
  if (!["", "results", "close", "stop"].includes(verb))
    throw validationError(
      'Type "pulse" to create a pulse survey, "pulse results" for the latest results, "pulse close" to close the open round, or "pulse stop" to open no further rounds.',
    );
  const person = await identifyActor(deps.domain, context);
  if (verb === "results") {
    const results = await pulseResults(deps.domain, { actorId: person.id });
    return replyPrivately(
      deps,
      context,
      { attachments: [CardFactory.adaptiveCard(pulseResultsCard(results))] },
      OPEN_A_CHAT,
    );
  }
  if (verb === "close") {
    const outcome = await oncePerActivity(deps, context, (domain) => closePulseEarly(domain, { actorId: person.id }));
    if (!outcome.done) return;
    const result = outcome.result;
    if (result.sharedWith > 0) deps.kickDeliveries();
    const text = result.closed
      ? `Round ${result.roundNumber} of "${result.title}" is closed.${result.sharedWith > 0 ? ` Results are on their way to ${result.sharedWith} people.` : ""} Type "pulse results" for the scores.`
      : `Round ${result.roundNumber} of "${result.title}" was already closed.`;
    return replyPrivately(deps, context, text, OPEN_A_CHAT);
  }
  if (verb === "stop") {
    const outcome = await oncePerActivity(deps, context, (domain) => stopPulse(domain, { actorId: person.id }));
    if (!outcome.done) return;
    const result = outcome.result;
    const text = result.stopped
      ? `"${result.title}" is stopped: no new round will open (an open round still runs to its close).`
      : `"${result.title}" was already stopped.`;
    return replyPrivately(deps, context, text, OPEN_A_CHAT);
  }
  await requirePulseAdmin(deps.domain, person.id, "run pulse surveys");
  await replyPrivately(deps, context, { attachments: [CardFactory.adaptiveCard(pulseStartCard())] }, OPEN_A_CHAT);
}
