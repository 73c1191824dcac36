// Where feedback replies go on Teams: always the actor's personal chat. Unlike tellActor's fallback, a caller
// here learns whether a private route exists, so it can refuse to start (and store nothing) when there is none.
import type { Activity, ConversationReference, TurnContext } from "botbuilder";
import { teamsPersonalConversation } from "../../../domain/directory/teams-people.ts";
import { isPersonalChat, tenantIdOf } from "../activity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { logWarning } from "../../../shared/log-error.ts";

export const OPEN_A_CHAT_FOR_FEEDBACK =
  "Feedback is private, so I only handle it in our personal chat. Open a chat with Momentum (Apps → Momentum) and type it there. Nothing was sent or saved.";

/** The actor's stored personal chat reference, or null (in a personal chat the current conversation is enough). */
export async function personalRoute(
  deps: TeamsHandlerDeps,
  context: TurnContext,
): Promise<Partial<ConversationReference> | "here" | null> {
  const activity = context.activity;
  if (isPersonalChat(activity)) return "here";
  if (!activity.from.aadObjectId) return null;
  const reference = await teamsPersonalConversation(deps.domain, {
    tenantId: tenantIdOf(activity),
    aadObjectId: activity.from.aadObjectId,
  });
  return (reference as Partial<ConversationReference> | null) ?? null;
}

/** Sends `reply` to the actor's personal chat through a route from personalRoute; never into a channel. */
export async function sendThroughRoute(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  route: Partial<ConversationReference> | "here",
  reply: string | Partial<Activity>,
): Promise<void> {
  if (route === "here") {
    await context.sendActivity(reply);
    return;
  }
  // The channel turn is answered now; the private message follows on its own, tracked for shutdown.
  void deps.inFlight.track(
    deps.adapter
      .continueConversationAsync(deps.appId, route, async (dm) => {
        await dm.sendActivity(reply);
      })
      .catch((error: unknown) => logWarning(deps.logger, error, "could not send a private feedback message on Teams")),
  );
}
