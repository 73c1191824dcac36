// Registers every Slack listener. The tables below are what the app answers; the manifest test compares them with
// manifests/slack.yaml, so a command cannot be registered without being declared, or the other way round.
import type { App } from "@slack/bolt";
import { registerAnnounceAcknowledge } from "./actions/announce-acknowledge.ts";
import { registerAnnounceCycle } from "./actions/announce-cycle.ts";
import { registerAnnounceFollowUp } from "./actions/announce-follow-up.ts";
import { registerCheckInStart } from "./actions/checkin-start.ts";
import { ANNOUNCE_COMMAND, registerAnnounceCommand } from "./commands/announce-command.ts";
import { registerGoalOpenActions } from "./actions/goal-open.ts";
import { registerFeedbackAskActions } from "./actions/feedback-ask-actions.ts";
import { registerFeedbackModalRecipient } from "./actions/feedback-modal-recipient.ts";
import { registerFeedbackPreviewActions } from "./actions/feedback-preview-actions.ts";
import { CHECKIN_COMMAND, registerCheckInCommand } from "./commands/checkin-command.ts";
import { GOAL_COMMAND, registerGoalCommand } from "./commands/goal-command.ts";
import { FEEDBACK_COMMAND, registerFeedbackCommand } from "./commands/feedback-command.ts";
import { KUDOS_COMMAND, registerKudosCommand } from "./commands/kudos-command.ts";
import { MOMENTUM_COMMAND, registerMomentumCommand } from "./commands/momentum-command.ts";
import { APP_HOME_OPENED, registerAppHomeOpened } from "./events/app-home-opened.ts";
import { registerOneOnOneButtons } from "./actions/one-on-one-buttons.ts";
import { registerOneOnOneNoteSubmission } from "./views/one-on-one-note-submitted.ts";
import type { SlackListenerDeps } from "./listener-deps.ts";
import { registerAnnounceModalSubmission } from "./views/announce-modal-submitted.ts";
import { registerCheckInModalSubmission } from "./views/checkin-modal-submitted.ts";
import { registerGoalModalSubmissions } from "./views/goal-modals-submitted.ts";
import { registerFeedbackAnswerSubmission } from "./views/feedback-answer-submitted.ts";
import { registerFeedbackModalSubmission } from "./views/feedback-modal-submitted.ts";
import { registerKudosModalSubmission } from "./views/kudos-modal-submitted.ts";
import { registerReviewButtons } from "./actions/review-buttons.ts";
import { REVIEW_COMMAND, registerReviewCommand } from "./commands/review-command.ts";
import { registerReviewCycleSubmission } from "./views/review-cycle-submitted.ts";
import { registerReviewFormSubmission } from "./views/review-form-submitted.ts";
import { PULSE_COMMAND, registerPulseCommand } from "./commands/pulse-command.ts";
import { registerPulseButtons } from "./actions/pulse-buttons.ts";
import { registerPulseSetupSubmissions } from "./views/pulse-setup-submitted.ts";
import { registerPulseSurveySubmission } from "./views/pulse-survey-submitted.ts";

type Register = (app: App, deps: SlackListenerDeps) => void;

export const SLASH_COMMANDS: Record<string, Register> = {
  [KUDOS_COMMAND]: registerKudosCommand,
  [CHECKIN_COMMAND]: registerCheckInCommand,
  [MOMENTUM_COMMAND]: registerMomentumCommand,
  [ANNOUNCE_COMMAND]: registerAnnounceCommand,
  [GOAL_COMMAND]: registerGoalCommand,
  [FEEDBACK_COMMAND]: registerFeedbackCommand,
  [REVIEW_COMMAND]: registerReviewCommand,
  [PULSE_COMMAND]: registerPulseCommand,
};
export const BOT_EVENTS: Record<string, Register> = { [APP_HOME_OPENED]: registerAppHomeOpened };
const FEEDBACK_INTERACTIONS: Register[] = [
  registerFeedbackPreviewActions,
  registerFeedbackAskActions,
  registerFeedbackModalRecipient,
  registerFeedbackModalSubmission,
  registerFeedbackAnswerSubmission,
];
const INTERACTIONS: Register[] = [
  ...FEEDBACK_INTERACTIONS,
  registerKudosModalSubmission,
  registerCheckInStart,
  registerCheckInModalSubmission,
  registerGoalOpenActions,
  registerGoalModalSubmissions,
];

const ANNOUNCE_INTERACTIONS: Register[] = [
  registerAnnounceModalSubmission,
  registerAnnounceAcknowledge,
  registerAnnounceFollowUp,
  registerAnnounceCycle,
];

const REVIEW_INTERACTIONS: Register[] = [
  registerReviewButtons,
  registerReviewCycleSubmission,
  registerReviewFormSubmission,
];

const PULSE_INTERACTIONS: Register[] = [
  registerPulseButtons,
  registerPulseSetupSubmissions,
  registerPulseSurveySubmission,
];

const MANAGER_WEEK_INTERACTIONS: Register[] = [registerOneOnOneButtons, registerOneOnOneNoteSubmission];

export function registerListeners(app: App, deps: SlackListenerDeps): void {
  for (const register of [
    ...Object.values(SLASH_COMMANDS),
    ...Object.values(BOT_EVENTS),
    ...INTERACTIONS,
    ...ANNOUNCE_INTERACTIONS,
    ...MANAGER_WEEK_INTERACTIONS,
    ...REVIEW_INTERACTIONS,
    ...PULSE_INTERACTIONS,
  ])
    register(app, deps);
}
