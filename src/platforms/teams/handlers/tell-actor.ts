// Errors and refusals go to the person who acted and nobody else. In a personal chat that's a reply; in a
// channel, a 1:1 message from their stored personal reference, else a channel reply that carries only the
// friendly message (never anything they typed).
import type { TurnContext } from "botbuilder";
import { userMessageFor } from "../../../shared/errors.ts";
import { isPersonalChat, tenantIdOf } from "../activity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";

export async function tellActorAboutError(deps: TeamsHandlerDeps, context: TurnContext, error: unknown): Promise<void> {
  logUnexpected(deps, error);
  await tellActor(deps, context, userMessageFor(error));
}

export async function tellActor(deps: TeamsHandlerDeps, context: TurnContext, text: string): Promise<void> {
  const activity = context.activity;
  if (isPersonalChat(activity)) {
    await context.sendActivity(text);
    return;
  }
  const identity = activity.from.aadObjectId
    ? await deps.domain.prisma.teamsIdentity.findUnique({
        where: { tenantId_aadObjectId: { tenantId: tenantIdOf(activity), aadObjectId: activity.from.aadObjectId } },
        select: { conversationReference: true },
      })
    : null;
  const reference = identity?.conversationReference as Parameters<typeof deps.adapter.continueConversationAsync>[1] | null | undefined;
  if (!reference) {
    await context.sendActivity(text);
    return;
  }
  // The channel turn is answered now; the private message follows on its own, tracked for shutdown.
  void deps.inFlight.track(
    deps.adapter
      .continueConversationAsync(deps.appId, reference, async (dm) => {
        await dm.sendActivity(text);
      })
      .catch((sendError) => deps.logger.warn({ err: { name: (sendError as Error)?.name, status: (sendError as { statusCode?: number })?.statusCode } }, "could not send a private Teams message")),
  );
}

function logUnexpected(deps: TeamsHandlerDeps, error: unknown): void {
  if ((error as { userMessage?: string })?.userMessage) return;
  deps.logger.error({ err: { name: (error as Error)?.name, stack: (error as Error)?.stack } }, "a Teams request failed");
}
