// The Teams activity handler: routing only. Each kind of activity goes to one handler in handlers/.
import { TeamsActivityHandler, type TaskModuleRequest, type TaskModuleResponse, type TurnContext } from "botbuilder";
import { activityKey } from "./activity.ts";
import { onceForActivity } from "./handlers/activity-claim.ts";
import type { TeamsHandlerDeps } from "./handlers/handler-deps.ts";
import { CHECKIN_START_ACTION } from "./cards/checkin-cards.ts";
import { CHECKIN_FORM_SUBMIT_ACTION } from "./cards/checkin-form.ts";
import { ANNOUNCE_OPEN_ACTION } from "./cards/announce-cards.ts";
import { ANNOUNCE_SUBMIT_ACTION } from "./cards/announce-form.ts";
import { fetchAnnounceForm, submitAnnounceForm } from "./handlers/announce-dialog.ts";
import { fetchCheckInForm, submitCheckInForm } from "./handlers/checkin-dialog.ts";
import { GOAL_CREATE_OPEN_ACTION, GOAL_UPDATE_OPEN_ACTION } from "./cards/goal-cards.ts";
import { GOAL_CREATE_SUBMIT_ACTION, GOAL_UPDATE_SUBMIT_ACTION } from "./cards/goal-forms.ts";
import { fetchGoalForm, submitGoalForm } from "./handlers/goal-dialogs.ts";
import { FEEDBACK_ANSWER_SUBMIT_ACTION } from "./cards/feedback-answer-form.ts";
import { FEEDBACK_CARD_ACTIONS } from "./cards/feedback-cards.ts";
import { fetchFeedbackAnswerForm, submitFeedbackAnswerForm } from "./handlers/feedback-answer-dialog.ts";
import { fetchKudosForm, submitKudosForm } from "./handlers/kudos-dialog.ts";
import { onAppInstalled, onMembersAdded } from "./handlers/installation.ts";
import { handleCardSubmit, handleTextCommand } from "./handlers/message-commands.ts";
import { tellActorAboutError } from "./handlers/tell-actor.ts";
import { fetchReviewDialog, REVIEW_FETCH_ACTIONS, REVIEW_SUBMIT_ACTIONS, submitReviewDialog } from "./handlers/review-dialogs.ts";
import { ONE_ON_ONE_NOTE_OPEN_ACTION, ONE_ON_ONE_NOTE_SUBMIT_ACTION } from "./cards/one-on-one-cards.ts";
import { fetchOneOnOneNoteForm, submitOneOnOneNoteForm } from "./handlers/one-on-one-commands.ts";
import { PULSE_ANSWER_OPEN_ACTION, PULSE_SETUP_OPEN_ACTION } from "./cards/pulse-cards.ts";
import { fetchPulseSetup, fetchPulseSurvey, PULSE_SUBMIT_ACTIONS, submitPulseDialog } from "./handlers/pulse-dialogs.ts";

export class MomentumTeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsHandlerDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await onAppInstalled(deps, context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await onMembersAdded(deps, context);
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    try {
      // A redelivered message is skipped: nothing is stored twice and nobody is messaged twice.
      await onceForActivity(this.deps.domain, activityKey(context.activity), () =>
        context.activity.value && !context.activity.text ? handleCardSubmit(this.deps, context) : handleTextCommand(this.deps, context),
      );
    } catch (error) {
      await tellActorAboutError(this.deps, context, error);
    }
  }

  // Dialogs are told apart by the `action` their button or submit carries; anything else is the kudos dialog.
  protected override async handleTeamsTaskModuleFetch(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    if (actionOf(request) === FEEDBACK_CARD_ACTIONS.answer) return fetchFeedbackAnswerForm(this.deps, context, request.data);
    if (actionOf(request) === CHECKIN_START_ACTION) return fetchCheckInForm(this.deps, context);
    if (REVIEW_FETCH_ACTIONS.has(String(actionOf(request)))) return fetchReviewDialog(this.deps, context, request.data);
    if (actionOf(request) === GOAL_CREATE_OPEN_ACTION) return fetchGoalForm(this.deps, context, "create");
    if (actionOf(request) === GOAL_UPDATE_OPEN_ACTION) return fetchGoalForm(this.deps, context, "update");
    if (actionOf(request) === ANNOUNCE_OPEN_ACTION) return fetchAnnounceForm(this.deps, context, request.data);
    if (actionOf(request) === ONE_ON_ONE_NOTE_OPEN_ACTION) return fetchOneOnOneNoteForm(this.deps, context, request.data);
    if (actionOf(request) === PULSE_SETUP_OPEN_ACTION) return fetchPulseSetup(this.deps, context);
    if (actionOf(request) === PULSE_ANSWER_OPEN_ACTION) return fetchPulseSurvey(this.deps, context, request.data);
    return fetchKudosForm(this.deps, context);
  }

  protected override async handleTeamsTaskModuleSubmit(context: TurnContext, request: TaskModuleRequest): Promise<TaskModuleResponse> {
    // An empty response closes the dialog (botbuilder types it as always present).
    if (actionOf(request) === FEEDBACK_ANSWER_SUBMIT_ACTION) return (await submitFeedbackAnswerForm(this.deps, context, request.data)) as TaskModuleResponse;
    if (actionOf(request) === ANNOUNCE_SUBMIT_ACTION) return (await submitAnnounceForm(this.deps, context, request.data)) as TaskModuleResponse;
    if (actionOf(request) === CHECKIN_FORM_SUBMIT_ACTION) return (await submitCheckInForm(this.deps, context, request.data)) as TaskModuleResponse;
    if (REVIEW_SUBMIT_ACTIONS.has(String(actionOf(request)))) return (await submitReviewDialog(this.deps, context, request.data)) as TaskModuleResponse;
    if (actionOf(request) === GOAL_CREATE_SUBMIT_ACTION) return (await submitGoalForm(this.deps, context, "create", request.data)) as TaskModuleResponse;
    if (actionOf(request) === GOAL_UPDATE_SUBMIT_ACTION) return (await submitGoalForm(this.deps, context, "update", request.data)) as TaskModuleResponse;
    if (actionOf(request) === ONE_ON_ONE_NOTE_SUBMIT_ACTION) return (await submitOneOnOneNoteForm(this.deps, context, request.data)) as TaskModuleResponse;
    if (PULSE_SUBMIT_ACTIONS.has(String(actionOf(request)))) return (await submitPulseDialog(this.deps, context, request.data)) as TaskModuleResponse;
    return submitKudosForm(this.deps, context, request.data);
  }
}

function actionOf(request: TaskModuleRequest | undefined): unknown {
  return (request?.data as { action?: unknown } | undefined)?.action;
}
