// "New goal" and "Update progress" in the goal start view: the view is replaced in place by the form (views.update
// with the view's hash, so a view changed meanwhile is not overwritten).
import { escapeUserMessage } from "../../views/text.ts";
import type { App } from "@slack/bolt";
import { z } from "zod";
import { userMessageFor } from "../../../../shared/errors.ts";
import { logWarning } from "../../../../shared/log-error.ts";
import { GOAL_OPEN_CREATE_ACTION, GOAL_OPEN_UPDATE_ACTION } from "../../views/goal-modals.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { goalModalFor } from "../open-goal-modal.ts";

const ButtonInModal = z.object({
  team: z.object({ id: z.string().min(1) }).nullish(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  view: z.object({ id: z.string().min(1), hash: z.string().optional() }),
});

export function registerGoalOpenActions(app: App, deps: SlackListenerDeps): void {
  for (const [actionId, kind] of [
    [GOAL_OPEN_CREATE_ACTION, "create"],
    [GOAL_OPEN_UPDATE_ACTION, "update"],
  ] as const) {
    app.action(actionId, async ({ ack, body }) => {
      await ack();
      await deps.inFlight.track(replaceView(deps, body, kind));
    });
  }
}

async function replaceView(deps: SlackListenerDeps, body: unknown, kind: "create" | "update"): Promise<void> {
  const payload = ButtonInModal.safeParse(body);
  if (!payload.success) {
    deps.logger.warn("a goal button arrived without its view");
    return;
  }
  const { user, team, view } = payload.data;
  try {
    const next = await goalModalFor(deps, { teamId: team?.id ?? user.team_id ?? "", userId: user.id, kind });
    await deps.client.views.update({ view_id: view.id, ...(view.hash ? { hash: view.hash } : {}), view: next });
  } catch (error) {
    logWarning(deps.logger, error, "could not open a goal form from the start view");
    // The modal stays as it was; the reason reaches the person in their DM with Momentum.
    await deps.client.chat
      .postMessage({ channel: user.id, text: escapeUserMessage(userMessageFor(error)) })
      .catch(() => undefined);
  }
}
