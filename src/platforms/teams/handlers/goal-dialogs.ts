// The goal dialogs: `task/fetch` answers the create or update form; `task/submit` creates the goal or records the
// progress and closes the dialog with a confirmation in the person's chat, or re-renders the form with each
// field's problem and everything entered.
import { CardFactory, type TaskModuleResponse, type TurnContext } from "botbuilder";
import { z } from "zod";
import { createGoal, creatableLevels } from "../../../domain/goals/create-goal.ts";
import { GoalValidationError } from "../../../domain/goals/goal-validation-error.ts";
import type { GoalField } from "../../../domain/goals/goal.schemas.ts";
import { listAlignableGoals } from "../../../domain/goals/list-alignable-goals.ts";
import { listMyGoals } from "../../../domain/goals/list-my-goals.ts";
import { updateGoalProgress } from "../../../domain/goals/update-goal-progress.ts";
import type { PersonRecord } from "../../../domain/people/person.ts";
import { userMessageFor } from "../../../shared/errors.ts";
import { activityKey } from "../activity.ts";
import { goalCreatedCard, goalUpdatedCard } from "../cards/goal-cards.ts";
import {
  GOAL_CREATE_TITLE,
  GOAL_UPDATE_TITLE,
  goalCreateFormCard,
  goalUpdateFormCard,
  type GoalFormValues,
} from "../cards/goal-forms.ts";
import type { AdaptiveCard } from "../cards/card.ts";
import { identifyActor } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { replyPrivately } from "./tell-actor.ts";
import { logError } from "../../../shared/log-error.ts";

/** Teams posts every input as a string (numbers too); anything else is dropped rather than shown as "[object Object]". */
const text = z
  .union([z.string(), z.number().transform(String)])
  .optional()
  .catch(undefined);
const CreateSubmission = z.object({
  level: text,
  title: text,
  measure: text,
  startValue: text,
  targetValue: text,
  dueDate: text,
  parentId: text,
});
const UpdateSubmission = z.object({ goalId: text, value: text, status: text, comment: text });

type Kind = "create" | "update";

function formResponse(kind: Kind, card: AdaptiveCard): TaskModuleResponse {
  return {
    task: {
      type: "continue",
      value: {
        title: kind === "create" ? GOAL_CREATE_TITLE : GOAL_UPDATE_TITLE,
        width: "medium",
        height: "large",
        card: CardFactory.adaptiveCard(card),
      },
    },
  };
}

async function formCard(
  deps: TeamsHandlerDeps,
  kind: Kind,
  person: PersonRecord,
  state: { values: GoalFormValues; formError?: string; fieldErrors?: Partial<Record<GoalField, string>> },
): Promise<AdaptiveCard> {
  if (kind === "create") {
    return goalCreateFormCard({
      ...state,
      levels: creatableLevels(person.role),
      alignable: await listAlignableGoals(deps.domain, { personId: person.id }),
    });
  }
  return goalUpdateFormCard({ ...state, goals: await listMyGoals(deps.domain, { personId: person.id }) });
}

export async function fetchGoalForm(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  kind: Kind,
): Promise<TaskModuleResponse> {
  try {
    const person = await identifyActor(deps.domain, context);
    if (kind === "update" && (await listMyGoals(deps.domain, { personId: person.id })).length === 0) {
      return { task: { type: "message", value: 'You have no goals to update yet. Type "goal" and choose New goal.' } };
    }
    return formResponse(kind, await formCard(deps, kind, person, { values: {} }));
  } catch (error) {
    logError(deps.logger, error, "goal dialog fetch failed");
    return { task: { type: "message", value: userMessageFor(error) } };
  }
}

export async function submitGoalForm(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  kind: Kind,
  data: unknown,
): Promise<TaskModuleResponse | undefined> {
  const parsed = (kind === "create" ? CreateSubmission : UpdateSubmission).safeParse(data ?? {});
  const values: GoalFormValues = parsed.success ? parsed.data : {};
  let person: PersonRecord | undefined;
  try {
    person = await identifyActor(deps.domain, context);
    // The activity is the request: Teams delivering the same submission twice stores it once (null the second time).
    const requestKey = activityKey(context.activity);
    const card =
      kind === "create"
        ? // Without a level field (no choice of level) the goal is the person's own.
          mapOrNull(
            await createGoal(deps.domain, {
              ...values,
              level: values.level ?? "person",
              actorId: person.id,
              requestKey,
            } as Parameters<typeof createGoal>[1] & { requestKey: string }),
            goalCreatedCard,
          )
        : mapOrNull(
            await updateGoalProgress(deps.domain, { ...values, actorId: person.id, requestKey } as Parameters<
              typeof updateGoalProgress
            >[1] & { requestKey: string }),
            goalUpdatedCard,
          );
    // A redelivered submission was already stored and confirmed: just close the dialog.
    if (!card) return undefined;
    await replyPrivately(
      deps,
      context,
      { attachments: [CardFactory.adaptiveCard(card)] },
      kind === "create" ? "Your goal is created." : "Your progress is saved.",
    );
    return undefined;
  } catch (error) {
    logError(deps.logger, error, "goal dialog submit failed");
    if (!person) return { task: { type: "message", value: userMessageFor(error) } };
    const fieldErrors = error instanceof GoalValidationError ? error.fieldErrors : undefined;
    // Nothing was stored: the same form, the problem shown, every value as entered.
    const card = await formCard(deps, kind, person, { values, formError: userMessageFor(error), fieldErrors }).catch(
      () => null,
    );
    return card ? formResponse(kind, card) : { task: { type: "message", value: userMessageFor(error) } };
  }
}

function mapOrNull<T, R>(value: T | null, map: (value: T) => R): R | null {
  return value === null ? null : map(value);
}
