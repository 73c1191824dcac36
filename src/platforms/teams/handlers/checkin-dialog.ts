// The check-in dialog: `task/fetch` answers the form filled with this period's saved answers; `task/submit`
// stores the check-in (or edits this period's) and closes the dialog with a confirmation in the person's chat, or
// re-renders the form with each field's problem and everything they typed.
import { CardFactory, type TaskModuleResponse, type TurnContext } from "botbuilder";
import { z } from "zod";
import type { CheckInAnswersInput } from "../../../domain/check-ins/check-in.schemas.ts";
import { CheckInValidationError } from "../../../domain/check-ins/check-in-validation-error.ts";
import { getCheckInForm, MOOD_OPTIONS, type CheckInForm } from "../../../domain/check-ins/get-check-in-form.ts";
import { submitCheckIn, validateCheckInAnswers } from "../../../domain/check-ins/submit-check-in.ts";
import { listCheckInGoals, readCheckInGoalValues } from "../../../domain/goals/check-in-goals.ts";
import {
  CheckInGoalValuesError,
  goalsSavedBlocks,
  readCheckInGoalSubmission,
  type CheckInFormGoal,
} from "../cards/goal-checkin-inputs.ts";
import { userMessageFor } from "../../../shared/errors.ts";
import { activityKey } from "../activity.ts";
import { checkInSavedCard } from "../cards/checkin-cards.ts";
import {
  CHECKIN_FORM_TITLE,
  checkInFormCard,
  weekOfLabel,
  type CheckInFormValues,
  type CheckInFormView,
} from "../cards/checkin-form.ts";
import { identifyActor } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { replyPrivately } from "./tell-actor.ts";
import { logError } from "../../../shared/log-error.ts";

/** Anything that isn't a string (or a number, for the mood) is dropped, so the form never shows "[object Object]". */
const text = z.string().optional().catch(undefined);
const CheckInFormSubmission = z.object({
  mood: z
    .union([z.string(), z.number().transform(String)])
    .optional()
    .catch(undefined),
  progress: text,
  plans: text,
  blockers: text,
  forManager: text,
});

function formResponse(view: CheckInFormView): TaskModuleResponse {
  return {
    task: {
      type: "continue",
      value: {
        title: CHECKIN_FORM_TITLE,
        width: "medium",
        height: "large",
        card: CardFactory.adaptiveCard(checkInFormCard(view)),
      },
    },
  };
}

/** The form view for this period; `values` replaces the saved answers when the form comes back after a submission. */
function viewOf(
  form: CheckInForm,
  values?: CheckInFormValues,
  goals: CheckInFormGoal[] = [],
): Omit<CheckInFormView, "formError" | "fieldErrors"> {
  const saved = form.answers;
  return {
    goals,
    period: { key: form.periodKey, deadlineLabel: form.deadlineLabel },
    editing: saved !== null,
    moodOptions: form.moodOptions,
    values:
      values ??
      (saved
        ? {
            mood: String(saved.mood),
            progress: saved.progress,
            plans: saved.plans,
            blockers: saved.blockers ?? undefined,
            forManager: saved.forManager ?? undefined,
          }
        : {}),
  };
}

export async function fetchCheckInForm(deps: TeamsHandlerDeps, context: TurnContext): Promise<TaskModuleResponse> {
  try {
    const person = await identifyActor(deps.domain, context);
    const goals = await listCheckInGoals(deps.domain, { personId: person.id });
    return formResponse(
      viewOf(
        await getCheckInForm(deps.domain, { personId: person.id }),
        undefined,
        goals.map((goal) => ({ goal })),
      ),
    );
  } catch (error) {
    logError(deps.logger, error, "check-in dialog fetch failed");
    return { task: { type: "message", value: userMessageFor(error) } };
  }
}

export async function submitCheckInForm(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse | undefined> {
  const parsed = CheckInFormSubmission.safeParse(data ?? {});
  const values: CheckInFormValues = parsed.success ? parsed.data : {};
  const goalSubmission = readCheckInGoalSubmission(data);
  const goalValues = readCheckInGoalValues(goalSubmission.entries);
  let personId: string | undefined;
  try {
    personId = (await identifyActor(deps.domain, context)).id;
    // Goal values are checked before anything is stored; the answers' own errors join them in formAgain.
    if (!goalValues.ok) throw new CheckInGoalValuesError(goalValues.errors);
    // Missing fields are the domain's to report, field by field, so the raw values go in as they are. The activity
    // is the request: Teams delivering it twice saves it once.
    const result = await submitCheckIn(deps.domain, {
      personId,
      answers: values as CheckInAnswersInput,
      goalChanges: goalValues.changes,
      requestKey: activityKey(context.activity),
    });
    // A redelivered submission was already stored and confirmed: just close the dialog.
    if (result.duplicate) return undefined;
    const card = checkInSavedCard({
      created: result.created,
      weekLabel: weekOfLabel(result.periodKey),
      deadlineLabel: result.deadlineLabel,
    });
    card.body.push(...goalsSavedBlocks(result.goals));
    await replyPrivately(
      deps,
      context,
      { attachments: [CardFactory.adaptiveCard(card)] },
      "Thanks! Your check-in is saved.",
    );
    // An empty response closes the dialog.
    return undefined;
  } catch (error) {
    logError(deps.logger, error, "check-in dialog submit failed");
    return formAgain(deps, personId, values, error, goalSubmission.values);
  }
}

/** The same form with the problem shown and every value as typed; nothing was stored. */
async function formAgain(
  deps: TeamsHandlerDeps,
  personId: string | undefined,
  values: CheckInFormValues,
  error: unknown,
  goalValues: Record<string, string>,
): Promise<TaskModuleResponse> {
  const form = personId ? await getCheckInForm(deps.domain, { personId }).catch(() => null) : null;
  const goalErrors = error instanceof CheckInGoalValuesError ? error.goalErrors : {};
  const openGoals = personId ? await listCheckInGoals(deps.domain, { personId }).catch(() => []) : [];
  const goals = openGoals.map((goal) => ({ goal, value: goalValues[goal.id], error: goalErrors[goal.id] }));
  const view = form ? viewOf(form, values, goals) : { editing: false, moodOptions: MOOD_OPTIONS, values };
  const fieldErrors =
    error instanceof CheckInValidationError
      ? error.fieldErrors
      : error instanceof CheckInGoalValuesError
        ? answerErrors(values)
        : undefined;
  return formResponse({ ...view, formError: userMessageFor(error), fieldErrors });
}

/** The answers' own problems, shown together with the goal values' ones. */
function answerErrors(values: CheckInFormValues): CheckInValidationError["fieldErrors"] | undefined {
  try {
    validateCheckInAnswers(values);
    return undefined;
  } catch (error) {
    return error instanceof CheckInValidationError ? error.fieldErrors : undefined;
  }
}
