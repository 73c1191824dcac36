// Errors, refusals and personal answers go to the person who acted and nobody else. In a personal chat that's a
// reply; in a channel or group chat, a 1:1 message from their stored personal reference. Without one, only a
// friendly text goes to the conversation (never anything they typed, never their personal data).
import type { Activity, TurnContext } from "botbuilder";
import { teamsPersonalConversation } from "../../../domain/directory/teams-people.ts";
import { userMessageFor } from "../../../shared/errors.ts";
import { isPersonalChat, tenantIdOf } from "../activity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { logError, logWarning } from "../../../shared/log-error.ts";

export async function tellActorAboutError(deps: TeamsHandlerDeps, context: TurnContext, error: unknown): Promise<void> {
  logError(deps.logger, error, "a Teams request failed");
  await tellActor(deps, context, userMessageFor(error));
}

/** A short friendly text, safe to show in the conversation when no private chat is known yet. */
export async function tellActor(deps: TeamsHandlerDeps, context: TurnContext, text: string): Promise<void> {
  await replyPrivately(deps, context, text, text);
}

/**
 * Sends `reply` (a text or an activity with a card) where only the actor sees it. `fallback` is what the
 * conversation gets when they have no personal chat with Momentum yet: it must carry nothing private.
 */
export async function replyPrivately(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  reply: string | Partial<Activity>,
  fallback: string,
): Promise<void> {
  const activity = context.activity;
  if (isPersonalChat(activity)) {
    await context.sendActivity(reply);
    return;
  }
  const reference = (
    activity.from.aadObjectId
      ? await teamsPersonalConversation(deps.domain, {
          tenantId: tenantIdOf(activity),
          aadObjectId: activity.from.aadObjectId,
        })
      : null
  ) as Parameters<typeof deps.adapter.continueConversationAsync>[1] | null;
  if (!reference) {
    await context.sendActivity(fallback);
    return;
  }
  // The channel turn is answered now; the private message follows on its own, tracked for shutdown.
  void deps.inFlight.track(
    deps.adapter
      .continueConversationAsync(deps.appId, reference, async (dm) => {
        await dm.sendActivity(reply);
      })
      .catch((sendError: unknown) => logWarning(deps.logger, sendError, "could not send a private Teams message")),
  );
}
