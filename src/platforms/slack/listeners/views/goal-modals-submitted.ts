// The goal create and update modals were submitted: both run through runGoalSubmission (inline errors, once per
// view, a DM confirmation).
import type { App } from "@slack/bolt";
import { createGoal, validateGoalDraft } from "../../../../domain/goals/create-goal.ts";
import { updateGoalProgress, validateGoalProgress } from "../../../../domain/goals/update-goal-progress.ts";
import { goalCreatedMessage, goalUpdatedMessage } from "../../views/goal-replies.ts";
import { GOAL_BLOCKS, GOAL_CREATE_CALLBACK, GOAL_UPDATE_CALLBACK } from "../../views/goal-modals.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { ViewSubmissionPayload } from "../payloads.ts";
import { fieldValue, runGoalSubmission } from "./goal-submission.ts";

const UNREADABLE = "Slack sent a form Momentum couldn't read. Please try again.";

export function registerGoalModalSubmissions(app: App, deps: SlackListenerDeps): void {
  app.view(GOAL_CREATE_CALLBACK, async ({ ack, body }) => {
    const payload = ViewSubmissionPayload.safeParse(body);
    if (!payload.success)
      return void (await ack({ response_action: "errors", errors: { [GOAL_BLOCKS.title]: UNREADABLE } }));
    const values = payload.data.view.state.values;
    const draft = {
      // Without a level field (no choice of level) the goal is the person's own.
      level: GOAL_BLOCKS.level in values ? fieldValue(values, "level") : "person",
      title: fieldValue(values, "title"),
      measure: fieldValue(values, "measure"),
      startValue: fieldValue(values, "startValue"),
      targetValue: fieldValue(values, "targetValue"),
      dueDate: fieldValue(values, "dueDate"),
      parentId: fieldValue(values, "parentId"),
    };
    await runGoalSubmission(deps, ack, {
      payload: payload.data,
      what: "goal-create",
      fallback: "title",
      validate: () => validateGoalDraft({ ...draft, actorId: payload.data.user.id }),
      work: (person, requestKey) =>
        createGoal(deps.domain, { ...draft, actorId: person.id, requestKey } as Parameters<typeof createGoal>[1] & {
          requestKey: string;
        }),
      confirm: goalCreatedMessage,
    });
  });

  app.view(GOAL_UPDATE_CALLBACK, async ({ ack, body }) => {
    const payload = ViewSubmissionPayload.safeParse(body);
    if (!payload.success)
      return void (await ack({ response_action: "errors", errors: { [GOAL_BLOCKS.goalId]: UNREADABLE } }));
    const values = payload.data.view.state.values;
    const update = {
      goalId: fieldValue(values, "goalId"),
      value: fieldValue(values, "value"),
      status: fieldValue(values, "status"),
      comment: fieldValue(values, "comment"),
    };
    await runGoalSubmission(deps, ack, {
      payload: payload.data,
      what: "goal-update",
      fallback: "goalId",
      validate: () => validateGoalProgress({ ...update, actorId: payload.data.user.id }),
      work: (person, requestKey) =>
        updateGoalProgress(deps.domain, { ...update, actorId: person.id, requestKey } as Parameters<
          typeof updateGoalProgress
        >[1] & { requestKey: string }),
      confirm: goalUpdatedMessage,
    });
  });
}
