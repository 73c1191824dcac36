// Every Adaptive Card Momentum builds must parse cleanly in Microsoft's own parser (adaptivecards 3.0.6, the
// renderer Teams' cards follow): no parse errors and no property validation failures.
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import type { OutboundMessage } from "../../../src/domain/notifications/messages.ts";
import type { AdaptiveCard } from "../../../src/platforms/teams/cards/card.ts";
import type { SettingsView } from "../../../src/domain/people/describe-settings.ts";
import { announceStartCard, announcementStatusCard } from "../../../src/platforms/teams/cards/announce-cards.ts";
import { announceFormCard } from "../../../src/platforms/teams/cards/announce-form.ts";
import {
  CHECKIN_START_ACTION,
  checkInSavedCard,
  checkInStartCard,
} from "../../../src/platforms/teams/cards/checkin-cards.ts";
import { checkInFormCard } from "../../../src/platforms/teams/cards/checkin-form.ts";
import { checkInHistoryCard } from "../../../src/platforms/teams/cards/checkin-history-card.ts";
import { settingsCard } from "../../../src/platforms/teams/cards/settings-card.ts";
import { MOOD_OPTIONS } from "../../../src/domain/check-ins/get-check-in-form.ts";
import { helpCard, kudosStartCard } from "../../../src/platforms/teams/cards/help-card.ts";
import { kudosFormCard } from "../../../src/platforms/teams/cards/kudos-form.ts";
import { leaderboardCard } from "../../../src/platforms/teams/cards/leaderboard-card.ts";
import { cardForMessage } from "../../../src/platforms/teams/cards/outbound-card.ts";
import {
  readReviewCard,
  reviewCycleCreatedCard,
  reviewCycleFormCard,
  reviewFormCard,
} from "../../../src/platforms/teams/cards/review-forms.ts";
import { nudgePreviewCard, reviewStatusCard } from "../../../src/platforms/teams/cards/review-status-cards.ts";
import type { ReviewForm } from "../../../src/domain/reviews/get-review-form.ts";
import {
  goalCreatedCard,
  goalListCard,
  goalStartCard,
  goalUpdatedCard,
} from "../../../src/platforms/teams/cards/goal-cards.ts";
import { goalCreateFormCard, goalUpdateFormCard } from "../../../src/platforms/teams/cards/goal-forms.ts";
import type { MyGoal } from "../../../src/domain/goals/list-my-goals.ts";
import {
  feedbackHelpCard,
  feedbackListCard,
  feedbackPreviewCard,
} from "../../../src/platforms/teams/cards/feedback-cards.ts";
import { feedbackAnswerFormCard } from "../../../src/platforms/teams/cards/feedback-answer-form.ts";
import type { FeedbackPreview } from "../../../src/domain/feedback/preview-feedback.ts";
import {
  BIG_AGENDA,
  BIG_HOME,
  BIG_SUMMARY,
  SAMPLE_AGENDA,
  SAMPLE_SUMMARY,
} from "../../domain/summaries/manager-week-samples.ts";
import { homeCard } from "../../../src/platforms/teams/cards/home-card.ts";
import { oneOnOneNoteFormCard } from "../../../src/platforms/teams/cards/one-on-one-cards.ts";
import { pulseAnsweredCard, pulseResultsCard, pulseStartCard } from "../../../src/platforms/teams/cards/pulse-cards.ts";
import { pulsePreviewCard, pulseSetupCard, pulseSurveyCard } from "../../../src/platforms/teams/cards/pulse-forms.ts";
import { buildQuestions } from "../../../src/domain/pulses/pulse-questions.ts";
import type { PulseRoundResults } from "../../../src/domain/pulses/pulse-results.ts";

const require = createRequire(import.meta.url);
// The ESM build does not load in Node; the UMD bundle parses and validates without a DOM.
const AC = require("adaptivecards/dist/adaptivecards.js");

function problemsOf(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(JSON.parse(JSON.stringify(card)), context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  const validation = parsed.validateProperties();
  for (const event of validation.validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}

// One example of every neutral outbound message type: the Record type makes a new type fail to compile here.
const EVERY_MESSAGE: Record<OutboundMessage["type"], OutboundMessage> = {
  "kudos.received": {
    type: "kudos.received",
    kudosId: "k1",
    giverName: "Gina",
    message: "Thanks for *the* demo <b>!</b>",
    value: "teamwork",
    visibility: "private",
  },
  "kudos.announced": {
    type: "kudos.announced",
    batchId: "b1",
    giverName: "Gina",
    recipientNames: ["Alice", "Bob", "Carol"],
    message: "Great demo",
    value: null,
  },
  "checkin.prompt": { type: "checkin.prompt", periodKey: "2026-11-27", deadlineLabel: "Friday 27 November, 15:00" },
  "checkin.reminder": { type: "checkin.reminder", periodKey: "2026-11-27", deadlineLabel: "Friday 27 November, 15:00" },
  "review.self-requested": {
    type: "review.self-requested",
    reviewId: "r1",
    cycleName: "H2 *2026*",
    dueLabel: "Friday 11 December",
  },
  "review.manager-requested": {
    type: "review.manager-requested",
    reviewId: "r2",
    cycleName: "H2 2026",
    subjectName: "Dana <b>Doer</b>",
    dueLabel: "Friday 18 December",
    selfSubmitted: true,
  },
  "review.nudge": {
    type: "review.nudge",
    items: [
      { reviewId: "r1", kind: "self", cycleName: "H2 2026", subjectName: "Dana", dueLabel: "Friday 11 December" },
      { reviewId: "r3", kind: "manager", cycleName: "H2 2026", subjectName: "Eve", dueLabel: "Friday 18 December" },
    ],
    more: 2,
  },
  "review.release-ready": { type: "review.release-ready", reviewId: "r2", cycleName: "H2 2026", subjectName: "Dana" },
  "review.released": { type: "review.released", reviewId: "r2", cycleName: "H2 2026", managerName: "Max" },
  "announcement.posted": {
    type: "announcement.posted",
    announcementId: "a1",
    authorName: "Hana *HR*",
    text: "Cycle starts **Monday** <b>x</b>",
    withAck: true,
  },
  "announcement.followup": {
    type: "announcement.followup",
    announcementId: "a1",
    authorName: "Hana",
    text: "Please read [this](http://e.example)",
  },
  "feedback.received": {
    type: "feedback.received",
    feedbackId: "f1",
    reader: "recipient",
    giverName: "Gina",
    recipientName: "Bob",
    text: "Great *launch* <b>x</b>\nNext time [ask](http://e.example)",
    sharedWithName: "Carol",
    sharedReason: "manager",
    topic: null,
  },
  "feedback.requested": {
    type: "feedback.requested",
    askId: "a1",
    requesterName: "Max",
    subjectName: "Dana *D*",
    aboutRequester: false,
    topic: "the <launch>",
    readerNames: ["Dana", "Max"],
  },
  "one-on-one.prompt": { type: "one-on-one.prompt", agenda: SAMPLE_AGENDA },
  "team.summary": { type: "team.summary", summary: SAMPLE_SUMMARY },
  notice: { type: "notice", title: "3 deliveries failed", text: "Momentum isn't installed for 3 people." },
  "pulse.ask": {
    type: "pulse.ask",
    roundId: "r1",
    title: "Team *pulse*",
    closesLabel: "Friday 11 December, 10:00",
    questionCount: 7,
  },
  "pulse.reminder": {
    type: "pulse.reminder",
    roundId: "r1",
    title: "Team pulse",
    closesLabel: "Friday 11 December, 10:00",
  },
  "pulse.results": {
    type: "pulse.results",
    roundId: "r1",
    results: {
      title: "Team pulse",
      roundNumber: 2,
      asked: 40,
      answered: 31,
      participationRate: 78,
      minGroupSize: 5,
      enps: 12,
      items: [{ text: "My workload is sustainable.", average: 3.4 }],
    },
  },
};

const FEEDBACK_PREVIEW: FeedbackPreview = {
  recipient: { id: "p2", name: "Bob *B*" },
  manager: { id: "p3", name: "Carol", isGiver: false },
  audience: "recipient",
  readerNames: ["Bob"],
  summary: "Only Bob will see this.",
  summaries: {
    recipient: "Only Bob will see this.",
    recipient_and_manager: "Bob and their manager Carol will see this.",
  },
};
const FEEDBACK_ASK = {
  askId: "a1",
  subjectId: "p2",
  subjectName: "Dana",
  requesterName: "Max",
  aboutRequester: false,
  topic: "the launch",
  readerNames: ["Dana", "Max"],
};

const ANNOUNCEMENT_STATUS = {
  announcement: {
    id: "a1",
    authorName: "Hana",
    text: "Read *this*",
    withAck: true,
    createdAt: new Date("2026-11-25T12:00:00Z"),
    targets: [{ platform: "teams" as const, channel: "19:a@thread.tacv2" }],
  },
  audienceCount: 50,
  acknowledged: [{ personId: "p1", name: "Amy" }],
  pending: Array.from({ length: 49 }, (_, i) => ({ personId: `p${i + 2}`, name: `Person <${i}>` })),
  followedUp: 0,
  followUpCount: 49,
};

const SETTINGS: SettingsView = {
  personId: "p1",
  timeZone: "Europe/Berlin",
  checkIn: {
    weekday: 5,
    weekdayName: "Friday",
    time: "15:00",
    source: "org",
    label: "Friday at 15:00",
    nextPromptLabel: "Friday 27 November, 15:00",
    nextPromptAt: new Date("2026-11-27T14:00:00Z"),
  },
  workday: {
    start: "09:00",
    end: "18:00",
    days: [1, 2, 3, 4, 5],
    dayNames: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    source: "org",
  },
  teamCheckIn: null,
  away: null,
  holidays: {
    calendar: { code: "DE-BE", label: "Germany, Berlin", source: "org" },
    nextDayOff: { date: "2026-12-25", label: "Friday 25 December 2026", reason: "1. Weihnachtstag" },
  },
  teamHolidayCalendar: null,
};

const PICKS = {
  managers: [{ aadObjectId: "aad-1", name: "Max" }],
  people: [
    { aadObjectId: "aad-1", name: "Max" },
    { aadObjectId: "aad-2", name: "Eve" },
  ],
};

const REVIEW_FORM: ReviewForm = {
  reviewId: "r1",
  kind: "manager",
  cycle: { id: "c1", name: "H2 2026", status: "active", dueLabel: "Friday 11 December" },
  subject: { id: "s1", name: "Eve <b>Early</b>" },
  status: "draft",
  submittedAt: null,
  editable: true,
  questions: [
    { id: "q1", kind: "rating", label: "Goals" },
    { id: "q2", kind: "text", label: "Achievements" },
  ],
  answers: { q1: 4 },
  selfReview: { submitted: true, answers: { q1: 5, q2: "Shipped *the* importer" } },
  context: {
    goals: [{ title: "Ship", status: "on track", progress: "60%", dueDate: "2026-12-31" }],
    kudos: { total: 1, recent: [{ giverName: "Dana", message: "Great demo", value: null }] },
  },
};

const PULSE_QUESTIONS = buildQuestions(["enps", "workload", "comment"], ["I can *focus* <b>deeply</b>"]);
const PULSE_FORM = {
  roundId: "r1",
  title: "Winter *pulse*",
  questions: PULSE_QUESTIONS,
  closesAt: new Date("2026-12-11T22:00:00Z"),
  minGroupSize: 5,
  commentMinGroupSize: 5,
  editing: true,
  values: { scores: { enps: 7, workload: 3 }, comment: "More <focus>" },
};
const PULSE_STATS = {
  respondents: 12,
  enps: 25,
  questions: [
    {
      id: "enps",
      kind: "enps" as const,
      text: "Recommend?",
      answered: 12,
      average: 7.5,
      distribution: [0, 0, 0, 0, 1, 1, 1, 2, 3, 2, 2],
    },
  ],
};
const PULSE_RESULTS: PulseRoundResults = {
  surveyId: "s1",
  title: "Winter pulse",
  round: {
    id: "r1",
    number: 2,
    localDate: "2026-12-08",
    closesAt: new Date("2026-12-11T22:00:00Z"),
    closedAt: new Date("2026-12-11T22:00:00Z"),
  },
  open: false,
  asked: 20,
  answered: 12,
  participationRate: 60,
  minGroupSize: 5,
  commentMinGroupSize: 5,
  overall: PULSE_STATS,
  teams: [
    { teamId: "m1", label: "Max's team", stats: PULSE_STATS, hidden: null },
    { teamId: "m2", label: "Fay's team", stats: null, hidden: "small" },
  ],
  comments: ["Less *noise* <b>", "More focus time"],
  trend: [
    { number: 1, localDate: "2026-11-24", respondents: 10, enps: 10 },
    { number: 2, localDate: "2026-12-08", respondents: 12, enps: 25 },
  ],
};
const PULSE_DRAFT = {
  actorId: "p1",
  title: "Winter pulse",
  libraryIds: ["enps" as const, "workload" as const],
  customQuestions: [],
  audience: { kind: "everyone" as const },
  cadence: "biweekly" as const,
  weekday: 2,
  time: "10:00",
  openDays: 3,
  shareResults: true,
};

const CARDS: [string, AdaptiveCard][] = [
  ["pulse start", pulseStartCard()],
  [
    "team summary with pulse numbers",
    cardForMessage({
      type: "team.summary",
      summary: {
        ...SAMPLE_SUMMARY,
        pulse: {
          title: "Winter *pulse*",
          roundNumber: 2,
          minGroupSize: 5,
          shown: true,
          respondents: 7,
          enps: -14,
          items: [{ text: "My workload is sustainable.", average: 3.1 }],
        },
      },
    }),
  ],
  [
    "team summary with hidden pulse",
    cardForMessage({
      type: "team.summary",
      summary: { ...SAMPLE_SUMMARY, pulse: { title: "Winter pulse", roundNumber: 2, minGroupSize: 5, shown: false } },
    }),
  ],
  [
    "pulse setup form (error, values kept)",
    pulseSetupCard({
      formId: "f1",
      managers: [{ id: "m1", name: "Max" }],
      values: { title: "Winter", audience: "teams", managers: "m1" },
      formError: "Choose a time such as 10:00.",
    }),
  ],
  [
    "pulse preview",
    pulsePreviewCard({
      formId: "f1",
      preview: {
        draft: PULSE_DRAFT,
        questions: PULSE_QUESTIONS,
        audienceCount: 40,
        teamNames: [],
        firstDate: "2026-12-08",
        firstClosesAt: new Date("2026-12-11T22:00:00Z"),
      },
      values: {},
      minGroupSize: 5,
      commentMinGroupSize: 5,
    }),
  ],
  [
    "pulse survey (editing, with an error)",
    pulseSurveyCard({
      form: PULSE_FORM,
      closesLabel: "Friday 11 December, 23:00",
      token: "t".repeat(32),
      fieldErrors: { enps: "Choose a value from 0 to 10." },
      formError: "Please answer every question.",
    }),
  ],
  [
    "pulse answered",
    pulseAnsweredCard(
      {
        roundId: "r1",
        title: "Winter pulse",
        closesAt: new Date("2026-12-11T22:00:00Z"),
        outcome: "created",
        token: "t".repeat(32),
      },
      "Friday 11 December, 23:00",
    ),
  ],
  ["pulse results", pulseResultsCard(PULSE_RESULTS)],
  [
    "pulse results (open)",
    pulseResultsCard({ ...PULSE_RESULTS, open: true, overall: null, teams: [], comments: null }),
  ],
  ...Object.values(EVERY_MESSAGE).map((message): [string, AdaptiveCard] => [
    `outbound ${message.type}`,
    cardForMessage(message),
  ]),
  [
    "kudos form (empty)",
    kudosFormCard({ values: ["teamwork", "craft"], suggestions: [{ aadObjectId: "aad-2", name: "Bob" }] }),
  ],
  [
    "kudos form (error, input kept)",
    kudosFormCard({
      values: ["teamwork", "craft"],
      suggestions: [
        { aadObjectId: "aad-1", name: "Alice" },
        { aadObjectId: "aad-2", name: "Bob" },
      ],
      error: "Kudos can be at most 500 characters",
      input: {
        recipients: [{ aadObjectId: "aad-1", name: "Alice" }],
        message: "x".repeat(501),
        value: "craft",
        visibility: "private",
      },
    }),
  ],
  [
    "leaderboard",
    leaderboardCard({
      monthLabel: "November 2026",
      entries: [
        { name: "Alice", count: 3 },
        { name: "Bob", count: 1 },
      ],
    }),
  ],
  [
    "review cycle form",
    reviewCycleFormCard(
      { questions: "[1-5] Goals\nAchievements", selfDueDate: "2026-12-04", managerDueDate: "2026-12-11" },
      PICKS,
    ),
  ],
  [
    "review cycle form (refused, values kept)",
    reviewCycleFormCard(
      { name: "H2", participants: "people", people: "aad-1,aad-2", selfDueDate: "2026-11-01" },
      PICKS,
      "The self-review due date must be in the future.",
    ),
  ],
  [
    "review cycle created",
    reviewCycleCreatedCard({
      cycleId: "c1",
      name: "H2 *2026*",
      participantCount: 12,
      managerReviewCount: 10,
      selfDueDate: "2026-12-04",
      managerDueDate: "2026-12-11",
      questions: [],
      dueDateWarnings: [
        "The self-review due date, Friday 25 December 2026, is a day off (Christmas Day) for 10 of the 12 people who write by then. Consider another date.",
      ],
    }),
  ],
  [
    "review form (manager, self-review beside, errors)",
    reviewFormCard(REVIEW_FORM, {
      values: { q1: "4" },
      error: "Please answer the highlighted question before submitting.",
      fieldErrors: { q2: "Please answer this question." },
    }),
  ],
  [
    "review form (self, read-only)",
    reviewFormCard({ ...REVIEW_FORM, kind: "self", selfReview: null, editable: false, status: "submitted" }),
  ],
  [
    "review read",
    readReviewCard({
      reviewId: "r1",
      kind: "manager",
      cycleName: "H2",
      subjectName: "Eve",
      authorName: "Max",
      submittedAt: null,
      questions: REVIEW_FORM.questions,
      answers: { q1: 5, q2: "Carried the launch" },
    }),
  ],
  [
    "review status",
    reviewStatusCard({
      scope: "team",
      cycle: {
        id: "c1",
        name: "H2",
        status: "active",
        selfDueLabel: "Friday 4 December",
        managerDueLabel: "Friday 11 December",
      },
      steps: { self: { submitted: 1, total: 2 }, manager: { submitted: 0, total: 2 } },
      byManager: [{ managerName: "Max", self: { submitted: 1, total: 2 }, manager: { submitted: 0, total: 2 } }],
      pending: [{ authorName: "Dana", kind: "self", subjectName: "Dana" }],
      pendingCount: 40,
    }),
  ],
  [
    "review nudge preview",
    nudgePreviewCard({
      cycleId: "c1",
      cycleName: "H2",
      runId: "r",
      people: 7,
      reviews: 9,
      sampleNames: ["Dana", "Eve"],
    }),
  ],
  ["leaderboard (empty)", leaderboardCard({ monthLabel: "November 2026", entries: [] })],
  ["help", helpCard()],
  ["home (manager, everything)", homeCard(BIG_HOME)],
  [
    "home (nothing yet)",
    homeCard({ ...BIG_HOME, checkIn: null, openGoals: [], pendingReviews: [], recentKudos: [], team: null }),
  ],
  [
    "1:1 note dialog",
    oneOnOneNoteFormCard({
      reportName: "Ana *A*",
      pair: { reportId: "r1", periodKey: "2026-W49", builtAt: "2026-12-04T08:00:00.000Z" },
      error: "Write your note first.",
      text: "x",
    }),
  ],
  ["1:1 agenda (largest)", cardForMessage({ type: "one-on-one.prompt", agenda: BIG_AGENDA })],
  ["team summary (largest)", cardForMessage({ type: "team.summary", summary: BIG_SUMMARY })],
  [
    "team summary (mood hidden)",
    cardForMessage({
      type: "team.summary",
      summary: { ...SAMPLE_SUMMARY, mood: { shown: false, reason: "Too few people." } },
    }),
  ],
  [
    "feedback preview (both audiences)",
    feedbackPreviewCard({ draftId: "d1", text: "x".repeat(2000), preview: FEEDBACK_PREVIEW }),
  ],
  [
    "feedback preview (no manager)",
    feedbackPreviewCard({ draftId: "d1", text: "Thanks", preview: { ...FEEDBACK_PREVIEW, manager: null } }),
  ],
  [
    "feedback list",
    feedbackListCard({
      timeZone: "Europe/Berlin",
      items: [
        {
          id: "f1",
          giverName: "Gina",
          recipientName: "Bob",
          text: "*Great*",
          createdAt: new Date("2026-11-25T12:00:00Z"),
          topic: "launch",
          reason: "shared-as-manager",
        },
        {
          id: "f2",
          giverName: null,
          recipientName: "Me",
          text: "x",
          createdAt: new Date("2026-11-25T12:00:00Z"),
          topic: null,
          reason: "to-you",
        },
      ],
    }),
  ],
  ["feedback list (empty)", feedbackListCard({ timeZone: "UTC", items: [] })],
  ["feedback help (with problem)", feedbackHelpCard("Start with the person")],
  ["feedback answer form", feedbackAnswerFormCard({ askId: "a1", ask: FEEDBACK_ASK })],
  [
    "feedback answer form (error, text kept)",
    feedbackAnswerFormCard({ askId: "a1", error: "You've already answered", answer: "x".repeat(2001) }),
  ],
  ["help (did not understand)", helpCard({ didNotUnderstand: true })],
  ["kudos start", kudosStartCard()],
  ["check-in start", checkInStartCard({ deadlineLabel: "Friday 27 November, 15:00", submitted: false })],
  [
    "check-in start (already submitted)",
    checkInStartCard({ deadlineLabel: "Friday 27 November, 15:00", submitted: true }),
  ],
  [
    "check-in saved",
    checkInSavedCard({ created: true, weekLabel: "16 November 2026", deadlineLabel: "Friday 27 November, 15:00" }),
  ],
  [
    "check-in form (empty)",
    checkInFormCard({
      period: { key: "2026-W47", deadlineLabel: "Friday 27 November, 15:00" },
      editing: false,
      moodOptions: MOOD_OPTIONS,
      values: {},
    }),
  ],
  [
    "check-in form (every field wrong, values kept)",
    checkInFormCard({
      period: { key: "2026-W47", deadlineLabel: "Friday 27 November, 15:00" },
      editing: true,
      moodOptions: MOOD_OPTIONS,
      values: { mood: "7", progress: "x".repeat(3001), plans: "", blockers: "*none*", forManager: "<b>hi</b>" },
      formError: "Please fix the highlighted fields and submit again.",
      fieldErrors: {
        mood: "Pick your mood, from 1 to 5.",
        progress: "Please keep this under 3000 characters.",
        plans: "Tell us what you plan for next week.",
        blockers: "Too long",
        forManager: "Too long",
      },
    }),
  ],
  [
    "check-in form (period unknown)",
    checkInFormCard({
      editing: false,
      moodOptions: MOOD_OPTIONS,
      values: { mood: "3" },
      formError: "Something went wrong",
    }),
  ],
  [
    "check-in history",
    checkInHistoryCard({
      items: [historyItem(4, "Shipped *it*", "Blocked on [x](http://e.example)"), historyItem(2, "Less", null)],
    }),
  ],
  ["check-in history (empty)", checkInHistoryCard({ items: [] })],
  ["settings", settingsCard({ settings: SETTINGS })],
  ["announce start", announceStartCard()],
  [
    "announce form (empty)",
    announceFormCard({
      formId: "f1",
      channels: [{ conversationId: "19:a@thread.tacv2", name: "General" }],
      values: {},
    }),
  ],
  [
    "announce form (error, values kept)",
    announceFormCard({
      formId: "f1",
      cycleId: "c1",
      channels: [
        { conversationId: "19:a@thread.tacv2", name: "General" },
        { conversationId: "19:b@thread.tacv2", name: "Random *x*" },
      ],
      values: { channels: ["19:a@thread.tacv2", "19:b@thread.tacv2"], text: "x".repeat(3001), withAck: true },
      formError: "An announcement can be at most 3000 characters: please shorten it.",
    }),
  ],
  ["announcement status", announcementStatusCard(ANNOUNCEMENT_STATUS, ["General", "Random"])],
  [
    "announcement status (all reminded)",
    announcementStatusCard({ ...ANNOUNCEMENT_STATUS, followUpCount: 0, followedUp: 2 }, ["General"]),
  ],
  [
    "announcement status (no ack asked)",
    announcementStatusCard(
      { ...ANNOUNCEMENT_STATUS, announcement: { ...ANNOUNCEMENT_STATUS.announcement, withAck: false } },
      ["General"],
    ),
  ],
  [
    "settings (changed, team slot, away)",
    settingsCard({
      settings: {
        ...SETTINGS,
        teamCheckIn: { weekday: 4, weekdayName: "Thursday", time: "11:00" },
        away: { until: "2026-12-01", label: "Tuesday 1 December 2026" },
      },
      changed: "Your weekly check-in is now Thursday at 11:00.",
    }),
  ],
  ["goal start (no goals)", goalStartCard({ goals: [] })],
  ["goal start", goalStartCard({ goals: Array.from({ length: 12 }, (_, i) => goalOf(i)) })],
  ["goal list", goalListCard({ goals: Array.from({ length: 40 }, (_, i) => goalOf(i)) })],
  ["goal list (empty)", goalListCard({ goals: [] })],
  [
    "goal created",
    goalCreatedCard({
      goalId: "g",
      level: "team",
      title: "Ship *it*",
      measure: "number",
      startValue: 0,
      targetValue: 40,
      dueDate: "2027-01-31",
      parent: { id: "p", title: "Grow [x](http://e.example)", level: "company" },
    }),
  ],
  [
    "goal updated",
    goalUpdatedCard({
      goalId: "g",
      updateId: "u",
      title: "Ship it",
      value: 40,
      previousValue: 10,
      status: "done",
      progressPercent: 100,
    }),
  ],
  [
    "goal create form (empty)",
    goalCreateFormCard({
      levels: ["person", "team", "company"],
      alignable: [{ id: "a1", title: "Grow", level: "company", ownerName: "Hana", dueDate: "2027-06-30" }],
      values: {},
    }),
  ],
  [
    "goal create form (every field wrong, values kept)",
    goalCreateFormCard({
      levels: ["person"],
      alignable: [],
      values: {
        level: "company",
        title: "x".repeat(201),
        measure: "number",
        startValue: "abc",
        targetValue: "5",
        dueDate: "2027-02-30",
        parentId: "gone",
      },
      formError: "Please fix the highlighted fields and submit again.",
      fieldErrors: {
        level: "Sorry, only HR can create company goals.",
        title: "Too long",
        startValue: "Not a number",
        targetValue: "Same",
        dueDate: "Not a day",
        parentId: "Gone",
      },
    }),
  ],
  ["goal update form", goalUpdateFormCard({ goals: [goalOf(1), goalOf(2)], values: {} })],
  [
    "check-in form with goals (one refused, values kept)",
    checkInFormCard({
      period: { key: "2026-W47", deadlineLabel: "Friday 27 November, 15:00" },
      editing: false,
      moodOptions: MOOD_OPTIONS,
      values: {},
      goals: Array.from({ length: 7 }, (_, i) => ({
        goal: {
          id: `g${i}`,
          title: `Goal *${i}*`,
          measure: "number" as const,
          startValue: 0,
          targetValue: 40,
          currentValue: 10,
        },
        value: i === 1 ? "half" : "12",
        error: i === 1 ? "Give the progress as a number, e.g. 40." : undefined,
      })),
    }),
  ],
  [
    "goal update form (errors, values kept)",
    goalUpdateFormCard({
      goals: [goalOf(1)],
      values: { goalId: "g1", value: "x", status: "done", comment: "c".repeat(1001) },
      formError: "Fix it",
      fieldErrors: { goalId: "Not yours", value: "Not a number", status: "Bad", comment: "Too long" },
    }),
  ],
];

function goalOf(index: number): MyGoal {
  return {
    id: `g${index}`,
    level: index % 2 === 0 ? "person" : "team",
    title: `Goal *${index}* <b>`,
    measure: index % 2 === 0 ? "percent" : "number",
    startValue: 0,
    targetValue: 40,
    currentValue: 10,
    progressPercent: 25,
    status: index % 3 === 0 ? "done" : "at_risk",
    dueDate: "2027-01-31",
    lastUpdateAt: new Date("2026-11-01T00:00:00Z"),
    parent: index % 2 === 0 ? { id: "p", title: "Parent [link](http://e.example)", level: "team" } : null,
    risks: index % 2 === 0 ? ["overdue", "no_recent_update"] : [],
  };
}

function historyItem(mood: number, progress: string, blockers: string | null) {
  const at = new Date("2026-11-25T12:00:00Z");
  return {
    id: `c${mood}`,
    periodKey: "2026-W47",
    periodLabel: "Week 47, 2026",
    mood,
    progress,
    plans: "More",
    blockers,
    forManager: null,
    submittedAt: at,
    updatedAt: at,
  };
}

describe("Adaptive Cards", () => {
  test.each(CARDS)("the %s card parses and validates without problems in adaptivecards 3.0.6", (_name, card) => {
    expect(card.version).toBe("1.5");
    expect(problemsOf(card)).toEqual([]);
  });

  test("when the parser sees a broken card it reports it, so a clean result means something", () => {
    const broken = {
      ...helpCard(),
      body: [{ type: "Input.Text", id: "same" }, { type: "Input.Text", id: "same" }, { type: "NoSuchElement" }],
    } as AdaptiveCard;
    expect(problemsOf(broken).length).toBeGreaterThan(0);
  });

  test.each(["checkin.prompt", "checkin.reminder"] as const)(
    "the %s card's Start button opens the check-in dialog and names the period it was sent for",
    (type) => {
      const card = cardForMessage(EVERY_MESSAGE[type]);
      expect(card.actions).toEqual([
        expect.objectContaining({
          type: "Action.Submit",
          title: "Start check-in",
          data: { msteams: { type: "task/fetch" }, action: CHECKIN_START_ACTION, periodKey: "2026-11-27" },
        }),
      ]);
    },
  );

  test("the check-in form shows each field's error right under that field", () => {
    const card = checkInFormCard({
      editing: false,
      moodOptions: MOOD_OPTIONS,
      values: { progress: "Done" },
      fieldErrors: { plans: "Tell us what you plan for next week." },
    });
    const ids = card.body.map((element) => element.id);
    expect(ids.indexOf("plansError")).toBe(ids.indexOf("plans") + 1);
    expect(card.body[ids.indexOf("plansError")]).toMatchObject({
      text: "Tell us what you plan for next week.",
      color: "Attention",
    });
  });

  test("the kudos form picks people with the Teams people picker and keeps what was entered after an error", () => {
    const card = kudosFormCard({
      values: ["teamwork"],
      suggestions: [],
      error: "Oops",
      input: {
        recipients: [{ aadObjectId: "aad-1", name: "Alice" }],
        message: "Thanks!",
        value: "teamwork",
        visibility: "private",
      },
    });
    const byId = Object.fromEntries(card.body.filter((element) => element.id).map((element) => [element.id, element]));
    expect(byId.recipients).toMatchObject({
      type: "Input.ChoiceSet",
      isMultiSelect: true,
      "choices.data": { type: "Data.Query", dataset: "graph.microsoft.com/users" },
      value: "aad-1",
    });
    expect(byId.message).toMatchObject({ value: "Thanks!", maxLength: 500 });
    expect(byId.value).toMatchObject({ value: "teamwork" });
    expect(byId.visibility).toMatchObject({ value: "private" });
    expect(byId.formError).toMatchObject({ text: "Oops", color: "Attention" });
  });

  test("people's words are shown literally, not as Markdown links or formatting", () => {
    const card = cardForMessage({
      type: "kudos.announced",
      batchId: "b",
      giverName: "Gina",
      recipientNames: ["Al"],
      message: "see [this](http://evil.example) *now*",
      value: null,
    });
    expect(JSON.stringify(card.body)).not.toContain("[this](http");
  });
});
