// The check-in dialog: `task/fetch` answers the form filled with this period's saved answers; `task/submit`
// stores the check-in (or edits this period's) and closes the dialog with a confirmation in the person's chat, or
// re-renders the form with each field's problem and everything they typed.
import { CardFactory, type TaskModuleResponse, type TurnContext } from "botbuilder";
import { z } from "zod";
import type { CheckInAnswersInput } from "../../../domain/check-ins/check-in.schemas.ts";
import { CheckInValidationError } from "../../../domain/check-ins/check-in-validation-error.ts";
import { getCheckInForm, MOOD_OPTIONS, type CheckInForm } from "../../../domain/check-ins/get-check-in-form.ts";
import { submitCheckIn } from "../../../domain/check-ins/submit-check-in.ts";
import { userMessageFor } from "../../../shared/errors.ts";
import { activityKey } from "../activity.ts";
import { checkInSavedCard } from "../cards/checkin-cards.ts";
import { CHECKIN_FORM_TITLE, checkInFormCard, weekOfLabel, type CheckInFormValues, type CheckInFormView } from "../cards/checkin-form.ts";
import { identifyActor } from "../identity.ts";
import { onceForActivity } from "./activity-claim.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { replyPrivately } from "./tell-actor.ts";

/** Anything that isn't a string (or a number, for the mood) is dropped, so the form never shows "[object Object]". */
const text = z.string().optional().catch(undefined);
const CheckInFormSubmission = z.object({
  mood: z.union([z.string(), z.number().transform(String)]).optional().catch(undefined),
  progress: text,
  plans: text,
  blockers: text,
  forManager: text,
});

function formResponse(view: CheckInFormView): TaskModuleResponse {
  return { task: { type: "continue", value: { title: CHECKIN_FORM_TITLE, width: "medium", height: "large", card: CardFactory.adaptiveCard(checkInFormCard(view)) } } };
}

/** The form view for this period; `values` replaces the saved answers when the form comes back after a submission. */
function viewOf(form: CheckInForm, values?: CheckInFormValues): Omit<CheckInFormView, "formError" | "fieldErrors"> {
  const saved = form.answers;
  return {
    period: { key: form.periodKey, deadlineLabel: form.deadlineLabel },
    editing: saved !== null,
    moodOptions: form.moodOptions,
    values: values ?? (saved ? { mood: String(saved.mood), progress: saved.progress, plans: saved.plans, blockers: saved.blockers ?? undefined, forManager: saved.forManager ?? undefined } : {}),
  };
}

export async function fetchCheckInForm(deps: TeamsHandlerDeps, context: TurnContext): Promise<TaskModuleResponse> {
  try {
    const person = await identifyActor(deps.domain, context);
    return formResponse(viewOf(await getCheckInForm(deps.domain, { personId: person.id })));
  } catch (error) {
    logUnexpected(deps, error, "check-in dialog fetch failed");
    return { task: { type: "message", value: userMessageFor(error) } };
  }
}

export async function submitCheckInForm(deps: TeamsHandlerDeps, context: TurnContext, data: unknown): Promise<TaskModuleResponse | undefined> {
  const parsed = CheckInFormSubmission.safeParse(data ?? {});
  const values: CheckInFormValues = parsed.success ? parsed.data : {};
  let personId: string | undefined;
  try {
    const outcome = await onceForActivity(deps.domain, activityKey(context.activity), async () => {
      personId = (await identifyActor(deps.domain, context)).id;
      // Missing fields are the domain's to report, field by field, so the raw values go in as they are.
      return submitCheckIn(deps.domain, { personId, answers: values as CheckInAnswersInput });
    });
    // A redelivered submission was already stored and confirmed: just close the dialog.
    if (!outcome.handled) return undefined;
    const { result } = outcome;
    const card = checkInSavedCard({ created: result.created, weekLabel: weekOfLabel(result.periodKey), deadlineLabel: result.deadlineLabel });
    await replyPrivately(deps, context, { attachments: [CardFactory.adaptiveCard(card)] }, "Thanks! Your check-in is saved.");
    // An empty response closes the dialog.
    return undefined;
  } catch (error) {
    logUnexpected(deps, error, "check-in dialog submit failed");
    return formAgain(deps, personId, values, error);
  }
}

/** The same form with the problem shown and every value as typed; nothing was stored. */
async function formAgain(deps: TeamsHandlerDeps, personId: string | undefined, values: CheckInFormValues, error: unknown): Promise<TaskModuleResponse> {
  const form = personId ? await getCheckInForm(deps.domain, { personId }).catch(() => null) : null;
  const view = form ? viewOf(form, values) : { editing: false, moodOptions: MOOD_OPTIONS, values };
  const fieldErrors = error instanceof CheckInValidationError ? error.fieldErrors : undefined;
  return formResponse({ ...view, formError: userMessageFor(error), fieldErrors });
}

function logUnexpected(deps: TeamsHandlerDeps, error: unknown, what: string): void {
  if ((error as { userMessage?: string })?.userMessage) return;
  // Never the answers themselves: check-ins are private.
  deps.logger.error({ err: { name: (error as Error)?.name, stack: (error as Error)?.stack } }, what);
}
