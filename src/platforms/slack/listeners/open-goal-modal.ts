// Builds and shows the goal modals: `/goal` (and its `new` / `update` words) opens one with the command's trigger;
// the start view's buttons replace it in place. Everything shown is the acting person's own data.
import { creatableLevels } from "../../../domain/goals/create-goal.ts";
import { listAlignableGoals } from "../../../domain/goals/list-alignable-goals.ts";
import { listMyGoals } from "../../../domain/goals/list-my-goals.ts";
import type { ModalView } from "@slack/types";
import { AppError } from "../../../shared/errors.ts";
import { identifyActor } from "../slack-people.ts";
import { goalCreateModal, goalStartModal, goalUpdateModal } from "../views/goal-modals.ts";
import { slackErrorCode } from "../web-client.ts";
import type { SlackListenerDeps } from "./listener-deps.ts";

export type GoalModalKind = "start" | "create" | "update";

export interface GoalModalRequest {
  teamId: string;
  userId: string;
  kind: GoalModalKind;
}

export async function goalModalFor(deps: SlackListenerDeps, request: GoalModalRequest): Promise<ModalView> {
  const person = await identifyActor(deps.domain, deps.directory, request.teamId, request.userId);
  if (request.kind === "create") {
    // Offered for a personal goal; a team goal aligning to a team goal is refused inline with the reason.
    return goalCreateModal({
      levels: creatableLevels(person.role),
      alignable: await listAlignableGoals(deps.domain, { personId: person.id }),
    });
  }
  const goals = await listMyGoals(deps.domain, { personId: person.id });
  if (request.kind === "update" && goals.length > 0) return goalUpdateModal({ goals });
  return goalStartModal({ goals });
}

export async function openGoalModal(
  deps: SlackListenerDeps,
  request: GoalModalRequest & { triggerId: string },
): Promise<void> {
  const view = await goalModalFor(deps, request);
  try {
    await deps.client.views.open({ trigger_id: request.triggerId, view });
  } catch (error) {
    if (slackErrorCode(error) === "expired_trigger_id") {
      throw new AppError(
        "UNAVAILABLE",
        "Slack took too long to open the goal form. Please try again.",
        "views.open: expired_trigger_id",
      );
    }
    throw error;
  }
}
