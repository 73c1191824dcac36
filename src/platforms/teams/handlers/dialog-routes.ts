// The Teams dialogs (task modules), one registry each for opening (`task/fetch`) and submitting (`task/submit`),
// keyed by the `action` the button or the form's submit carries. An action nobody registered is refused with a
// message: it never opens or submits another form (an unknown action used to fall through to the kudos form).
import type { TaskModuleResponse, TurnContext } from "botbuilder";
import { ANNOUNCE_OPEN_ACTION } from "../cards/announce-cards.ts";
import { ANNOUNCE_SUBMIT_ACTION } from "../cards/announce-form.ts";
import { CHECKIN_START_ACTION } from "../cards/checkin-cards.ts";
import { CHECKIN_FORM_SUBMIT_ACTION } from "../cards/checkin-form.ts";
import { FEEDBACK_ANSWER_SUBMIT_ACTION } from "../cards/feedback-answer-form.ts";
import { FEEDBACK_CARD_ACTIONS } from "../cards/feedback-cards.ts";
import { GOAL_CREATE_OPEN_ACTION, GOAL_UPDATE_OPEN_ACTION } from "../cards/goal-cards.ts";
import { GOAL_CREATE_SUBMIT_ACTION, GOAL_UPDATE_SUBMIT_ACTION } from "../cards/goal-forms.ts";
import { KUDOS_FORM_OPEN_ACTION, KUDOS_FORM_SUBMIT_ACTION } from "../cards/kudos-form.ts";
import { ONE_ON_ONE_NOTE_OPEN_ACTION, ONE_ON_ONE_NOTE_SUBMIT_ACTION } from "../cards/one-on-one-cards.ts";
import { PULSE_ANSWER_OPEN_ACTION, PULSE_SETUP_OPEN_ACTION } from "../cards/pulse-cards.ts";
import { fetchAnnounceForm, submitAnnounceForm } from "./announce-dialog.ts";
import { fetchCheckInForm, submitCheckInForm } from "./checkin-dialog.ts";
import { fetchFeedbackAnswerForm, submitFeedbackAnswerForm } from "./feedback-answer-dialog.ts";
import { fetchGoalForm, submitGoalForm } from "./goal-dialogs.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { fetchKudosForm, submitKudosForm } from "./kudos-dialog.ts";
import { fetchOneOnOneNoteForm, submitOneOnOneNoteForm } from "./one-on-one-commands.ts";
import { fetchPulseSetup, fetchPulseSurvey, PULSE_SUBMIT_ACTIONS, submitPulseDialog } from "./pulse-dialogs.ts";
import {
  fetchReviewDialog,
  REVIEW_FETCH_ACTIONS,
  REVIEW_SUBMIT_ACTIONS,
  submitReviewDialog,
} from "./review-dialogs.ts";

type DialogFetch = (deps: TeamsHandlerDeps, context: TurnContext, data: unknown) => Promise<TaskModuleResponse>;
/** `undefined` closes the dialog. */
type DialogSubmit = (
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
) => Promise<TaskModuleResponse | undefined>;

const each = <T>(actions: Iterable<string>, handler: T): Record<string, T> =>
  Object.fromEntries([...actions].map((action) => [action, handler]));

export const DIALOG_FETCHES: Readonly<Record<string, DialogFetch>> = {
  [KUDOS_FORM_OPEN_ACTION]: (deps, context) => fetchKudosForm(deps, context),
  [CHECKIN_START_ACTION]: (deps, context) => fetchCheckInForm(deps, context),
  [GOAL_CREATE_OPEN_ACTION]: (deps, context) => fetchGoalForm(deps, context, "create"),
  [GOAL_UPDATE_OPEN_ACTION]: (deps, context) => fetchGoalForm(deps, context, "update"),
  [FEEDBACK_CARD_ACTIONS.answer]: fetchFeedbackAnswerForm,
  [ANNOUNCE_OPEN_ACTION]: fetchAnnounceForm,
  [ONE_ON_ONE_NOTE_OPEN_ACTION]: fetchOneOnOneNoteForm,
  [PULSE_SETUP_OPEN_ACTION]: (deps, context) => fetchPulseSetup(deps, context),
  [PULSE_ANSWER_OPEN_ACTION]: fetchPulseSurvey,
  ...each<DialogFetch>(REVIEW_FETCH_ACTIONS, fetchReviewDialog),
};

export const DIALOG_SUBMITS: Readonly<Record<string, DialogSubmit>> = {
  [KUDOS_FORM_SUBMIT_ACTION]: submitKudosForm,
  [CHECKIN_FORM_SUBMIT_ACTION]: submitCheckInForm,
  [GOAL_CREATE_SUBMIT_ACTION]: (deps, context, data) => submitGoalForm(deps, context, "create", data),
  [GOAL_UPDATE_SUBMIT_ACTION]: (deps, context, data) => submitGoalForm(deps, context, "update", data),
  [FEEDBACK_ANSWER_SUBMIT_ACTION]: submitFeedbackAnswerForm,
  [ANNOUNCE_SUBMIT_ACTION]: submitAnnounceForm,
  [ONE_ON_ONE_NOTE_SUBMIT_ACTION]: submitOneOnOneNoteForm,
  ...each<DialogSubmit>(PULSE_SUBMIT_ACTIONS, submitPulseDialog),
  ...each<DialogSubmit>(REVIEW_SUBMIT_ACTIONS, submitReviewDialog),
};

export const UNKNOWN_DIALOG_MESSAGE =
  "Sorry, Momentum doesn't know that form, so nothing was opened or saved. Type help to see what I can do.";

const refusal = (): TaskModuleResponse => ({ task: { type: "message", value: UNKNOWN_DIALOG_MESSAGE } });

/** The action a dialog request carries, when it is one this registry knows (own keys only: "constructor" is not). */
function routeFor<T>(registry: Readonly<Record<string, T>>, data: unknown): T | undefined {
  const action = (data as { action?: unknown } | null | undefined)?.action;
  return typeof action === "string" && Object.hasOwn(registry, action) ? registry[action] : undefined;
}

export async function fetchDialog(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse> {
  const fetch = routeFor(DIALOG_FETCHES, data);
  return fetch ? fetch(deps, context, data) : refusal();
}

export async function submitDialog(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse | undefined> {
  const submit = routeFor(DIALOG_SUBMITS, data);
  return submit ? submit(deps, context, data) : refusal();
}
