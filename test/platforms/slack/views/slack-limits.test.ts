// Slack has no offline validator for Block Kit: every view and message the code builds is checked against
// Slack's documented limits, with the largest inputs the domain allows.
import type { KnownBlock, View } from "@slack/types";
import { describe, expect, it } from "vitest";
import type { ReviewForm } from "../../../../src/domain/reviews/get-review-form.ts";
import {
  defaultReviewQuestions,
  questionsToText,
  REVIEW_QUESTIONS_MAX,
} from "../../../../src/domain/reviews/review.schemas.ts";
import {
  readReviewModal,
  reviewCycleModal,
  reviewFormModal,
} from "../../../../src/platforms/slack/views/review-modals.ts";
import {
  nudgePreviewMessage,
  reviewHelpMessage,
  reviewSavedMessage,
  reviewStatusMessage,
} from "../../../../src/platforms/slack/views/review-replies.ts";
import type { OutboundMessage } from "../../../../src/domain/notifications/messages.ts";
import type { CheckInForm } from "../../../../src/domain/check-ins/get-check-in-form.ts";
import { MOOD_OPTIONS } from "../../../../src/domain/check-ins/get-check-in-form.ts";
import type { SettingsView } from "../../../../src/domain/people/describe-settings.ts";
import { HISTORY_MAX } from "../../../../src/platforms/slack/listeners/commands/checkin-text.ts";
import { appHomeView } from "../../../../src/platforms/slack/views/app-home.ts";
import { oneOnOneNoteModal } from "../../../../src/platforms/slack/views/one-on-one-messages.ts";
import { BIG_AGENDA, BIG_HOME, BIG_SUMMARY } from "../../../domain/summaries/manager-week-samples.ts";
import { checkInModal } from "../../../../src/platforms/slack/views/checkin-modal.ts";
import { checkInHistoryMessage, checkInSavedMessage } from "../../../../src/platforms/slack/views/checkin-replies.ts";
import {
  awayMessage,
  momentumHelpMessage,
  momentumProblemMessage,
  settingsMessage,
} from "../../../../src/platforms/slack/views/momentum-replies.ts";
import { kudosConfirmationMessage } from "../../../../src/platforms/slack/views/kudos-confirmation.ts";
import { kudosHelpMessage } from "../../../../src/platforms/slack/views/help.ts";
import { kudosModal } from "../../../../src/platforms/slack/views/kudos-modal.ts";
import { leaderboardMessage } from "../../../../src/platforms/slack/views/leaderboard.ts";
import { renderOutboundMessage } from "../../../../src/platforms/slack/views/render-message.ts";
import { goalCreateModal, goalStartModal, goalUpdateModal } from "../../../../src/platforms/slack/views/goal-modals.ts";
import {
  goalCreatedMessage,
  goalHelpMessage,
  goalListMessage,
  goalUpdatedMessage,
} from "../../../../src/platforms/slack/views/goal-replies.ts";
import type { MyGoal } from "../../../../src/domain/goals/list-my-goals.ts";
import { announceModal } from "../../../../src/platforms/slack/views/announce-modal.ts";
import {
  announceHelpMessage,
  announcementBlockedMessage,
  announcementQueuedMessage,
  announcementStatusMessage,
  roleHelpMessage,
} from "../../../../src/platforms/slack/views/announce-replies.ts";
import { answerFeedbackModal, giveFeedbackModal } from "../../../../src/platforms/slack/views/feedback-modals.ts";
import { feedbackPreviewMessage, feedbackSentMessage } from "../../../../src/platforms/slack/views/feedback-preview.ts";
import {
  feedbackHelpMessage,
  feedbackListMessage,
  feedbackRequestedReply,
} from "../../../../src/platforms/slack/views/feedback-replies.ts";
import {
  buildQuestions,
  CUSTOM_QUESTION_MAX_LENGTH,
  CUSTOM_QUESTIONS_MAX,
  LIBRARY_IDS,
} from "../../../../src/domain/pulses/pulse-questions.ts";
import { pulseSetupModal } from "../../../../src/platforms/slack/views/pulse-setup-modal.ts";
import { pulsePreviewModal } from "../../../../src/platforms/slack/views/pulse-preview-modal.ts";
import { pulseSurveyModal } from "../../../../src/platforms/slack/views/pulse-survey-modal.ts";
import { pulseAnsweredMessage, pulseResultsMessage } from "../../../../src/platforms/slack/views/pulse-replies.ts";

const longName = "Maximiliana Alexandrova-Featherstonehaugh".repeat(3);
const longText = "Thank you <!channel> & <@U123> for everything > expected. ".repeat(9).slice(0, 500);
const values = Array.from({ length: 120 }, (_, i) => `value-${i}-${"x".repeat(80)}`);
const board = {
  monthLabel: "November 2026",
  entries: Array.from({ length: 10 }, (_, i) => ({ personId: `p${i}`, name: longName, count: 100 - i })),
};

const messages: OutboundMessage[] = [
  {
    type: "kudos.received",
    kudosId: "k1",
    giverName: longName,
    message: longText,
    value: "customer-first",
    visibility: "public",
  },
  { type: "kudos.received", kudosId: "k2", giverName: longName, message: longText, value: null, visibility: "private" },
  {
    type: "kudos.announced",
    batchId: "b1",
    giverName: longName,
    recipientNames: Array.from({ length: 10 }, () => longName),
    message: longText,
    value: "craft",
  },
  { type: "checkin.prompt", periodKey: "2026-11-27", deadlineLabel: "Friday 27 November, 15:00" },
  { type: "checkin.reminder", periodKey: "2026-11-27", deadlineLabel: "Friday 27 November, 15:00" },
  { type: "notice", title: "x".repeat(400), text: "y".repeat(5000) },
  // 3000 characters (the domain's maximum) that grow five-fold when escaped.
  {
    type: "announcement.posted",
    announcementId: "a".repeat(36),
    authorName: longName,
    text: "&".repeat(3000),
    withAck: true,
  },
  { type: "announcement.followup", announcementId: "a".repeat(36), authorName: longName, text: "<&>\n".repeat(750) },
  {
    type: "feedback.received",
    feedbackId: "f1",
    reader: "recipient",
    giverName: longName,
    recipientName: longName,
    text: "<&>\n".repeat(500),
    sharedWithName: longName,
    sharedReason: "manager",
    topic: "t".repeat(200),
  },
  {
    type: "feedback.received",
    feedbackId: "f2",
    reader: "shared",
    giverName: longName,
    recipientName: longName,
    text: "&".repeat(2000),
    sharedWithName: longName,
    sharedReason: "requester",
    topic: "<".repeat(200),
  },
  {
    type: "feedback.requested",
    askId: "a".repeat(36),
    requesterName: longName,
    subjectName: longName,
    aboutRequester: false,
    topic: "&".repeat(200),
    readerNames: [longName, longName],
  },
  { type: "one-on-one.prompt", agenda: BIG_AGENDA },
  { type: "team.summary", summary: BIG_SUMMARY },
  {
    type: "team.summary",
    summary: {
      ...BIG_SUMMARY,
      pulse: {
        title: "t".repeat(80),
        roundNumber: 99,
        minGroupSize: 5,
        shown: true,
        respondents: 999,
        enps: -100,
        items: Array.from({ length: 10 }, () => ({ text: "<&>".repeat(50), average: 2.5 })),
      },
    },
  },
  {
    type: "pulse.ask",
    roundId: "r".repeat(36),
    title: "<&>".repeat(27),
    closesLabel: "Wednesday 30 September, 23:00",
    questionCount: 12,
  },
  {
    type: "pulse.reminder",
    roundId: "r".repeat(36),
    title: "<&>".repeat(27),
    closesLabel: "Wednesday 30 September, 23:00",
  },
  {
    type: "pulse.results",
    roundId: "r",
    results: {
      title: "<&>".repeat(27),
      roundNumber: 99,
      asked: 10_000,
      answered: 9_999,
      participationRate: 100,
      minGroupSize: 5,
      enps: 100,
      items: Array.from({ length: 10 }, () => ({ text: "<&>".repeat(50), average: 5 })),
    },
  },
];

function problems(blocks: KnownBlock[]): string[] {
  const found: string[] = [];
  if (blocks.length > 100) found.push(`${blocks.length} blocks (max 100)`);
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((item, index) => walk(item, `${path}[${index}]`));
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    for (const key of ["block_id", "action_id"])
      if (typeof record[key] === "string" && (record[key] as string).length > 255) found.push(`${path}.${key} > 255`);
    if (
      record.type === "section" &&
      (record.text as { text?: string })?.text &&
      (record.text as { text: string }).text.length > 3000
    )
      found.push(`${path} section text > 3000`);
    if (record.type === "header" && (record.text as { text: string }).text.length > 150)
      found.push(`${path} header > 150`);
    if (record.type === "input" && (record.label as { text: string }).text.length > 2000)
      found.push(`${path} input label > 2000`);
    if (record.type === "button" && (record.text as { text: string }).text.length > 75)
      found.push(`${path} button text > 75`);
    if (record.type === "button" && typeof record.value === "string" && record.value.length > 2000)
      found.push(`${path} button value > 2000`);
    if (record.type === "static_select" && Array.isArray(record.options) && record.options.length > 100)
      found.push(`${path} > 100 options`);
    if (record.type === "radio_buttons" && Array.isArray(record.options) && record.options.length > 10)
      found.push(`${path} > 10 radio options`);
    if (record.type === "plain_text_input") {
      const input = record as { max_length?: number; initial_value?: string; placeholder?: { text: string } };
      if ((input.max_length ?? 3000) > 3000) found.push(`${path} max_length > 3000`);
      if (input.initial_value !== undefined && input.initial_value.length > (input.max_length ?? 3000))
        found.push(`${path} initial_value > max_length`);
      if (input.placeholder && input.placeholder.text.length > 150) found.push(`${path} placeholder > 150`);
    }
    if (record.type === "input" && record.hint && (record.hint as { text: string }).text.length > 2000)
      found.push(`${path} hint > 2000`);
    if (record.type === "context" && Array.isArray(record.elements) && record.elements.length > 10)
      found.push(`${path} > 10 context elements`);
    if (record.type === "context" && Array.isArray(record.elements)) {
      for (const element of record.elements as { text?: string }[])
        if ((element.text ?? "").length > 3000) found.push(`${path} context text > 3000`);
    }
    if (Array.isArray(record.options)) {
      for (const option of record.options as { text: { text: string }; value: string }[]) {
        if (option.text.text.length > 75 || option.value.length > 150) found.push(`${path} option too long`);
      }
    }
    for (const [key, value] of Object.entries(record)) walk(value, `${path}.${key}`);
  };
  walk(blocks, "blocks");
  return found;
}

function viewProblems(view: View): string[] {
  const found = problems(view.blocks as KnownBlock[]);
  if (view.type === "modal") {
    if (view.title.text.length > 24) found.push("modal title > 24");
    if (view.submit && view.submit.text.length > 24) found.push("submit > 24");
    if (view.close && view.close.text.length > 24) found.push("close > 24");
  }
  if ((view.private_metadata ?? "").length > 3000) found.push("private_metadata > 3000");
  if ((view.callback_id ?? "").length > 255) found.push("callback_id > 255");
  return found;
}

describe("Slack limits on everything Momentum builds", () => {
  it("when a review has the most questions at their longest, with the longest answers beside them, every review view and reply stays within Slack's limits", () => {
    const questions = Array.from({ length: REVIEW_QUESTIONS_MAX }, (_, i) => ({
      id: `q${i + 1}`,
      kind: i % 2 === 0 ? ("rating" as const) : ("text" as const),
      label: `${i} ${"l".repeat(196)}`,
    }));
    const answers = Object.fromEntries(
      questions.map((question) => [
        question.id,
        question.kind === "rating" ? 5 : "a <!channel> ".repeat(250).slice(0, 3000),
      ]),
    );
    const form: ReviewForm = {
      reviewId: "r".repeat(36),
      kind: "manager",
      cycle: { id: "c", name: "n".repeat(80), status: "active", dueLabel: "Wednesday 30 December" },
      subject: { id: "s", name: longName },
      status: "draft",
      submittedAt: null,
      editable: true,
      questions,
      answers,
      selfReview: { submitted: true, answers },
      context: {
        goals: Array.from({ length: 5 }, () => ({
          title: "g".repeat(200),
          status: "on track",
          progress: "50%",
          dueDate: "2026-12-31",
        })),
        kudos: {
          total: 999,
          recent: Array.from({ length: 5 }, () => ({ giverName: longName, message: longText, value: null })),
        },
      },
    };
    expect(viewProblems(reviewFormModal(form, "note ".repeat(100)))).toEqual([]);
    expect(viewProblems(reviewFormModal({ ...form, kind: "self", selfReview: null }))).toEqual([]);
    expect(viewProblems(reviewFormModal({ ...form, editable: false, status: "submitted" }))).toEqual([]);
    expect(
      viewProblems(
        readReviewModal({
          reviewId: "r",
          kind: "manager",
          cycleName: "n".repeat(80),
          subjectName: longName,
          authorName: longName,
          submittedAt: null,
          questions,
          answers,
        }),
      ),
    ).toEqual([]);
    expect(
      viewProblems(
        reviewCycleModal({
          questionsText: questionsToText(defaultReviewQuestions(values)),
          defaultSelfDue: "2026-12-04",
          defaultManagerDue: "2026-12-11",
        }),
      ),
    ).toEqual([]);
    const status = reviewStatusMessage({
      scope: "organisation",
      cycle: {
        id: "c",
        name: "n".repeat(80),
        status: "active",
        selfDueLabel: "Friday 4 December",
        managerDueLabel: "Friday 11 December",
      },
      steps: { self: { submitted: 5000, total: 10000 }, manager: { submitted: 10, total: 9000 } },
      byManager: Array.from({ length: 800 }, () => ({
        managerName: longName,
        self: { submitted: 1, total: 12 },
        manager: { submitted: 0, total: 12 },
      })),
      pending: Array.from({ length: 30 }, () => ({
        authorName: longName,
        kind: "manager" as const,
        subjectName: longName,
      })),
      pendingCount: 9000,
    });
    expect(problems(status.blocks)).toEqual([]);
    expect(
      problems(
        nudgePreviewMessage({
          cycleId: "c".repeat(36),
          cycleName: "n".repeat(80),
          runId: "r".repeat(36),
          people: 10000,
          reviews: 19000,
          sampleNames: Array(5).fill(longName),
        }).blocks,
      ),
    ).toEqual([]);
    expect(
      problems(
        reviewSavedMessage({
          reviewId: "r".repeat(36),
          kind: "manager",
          subjectName: longName,
          final: false,
          answered: 3,
          questionCount: 25,
        }).blocks,
      ),
    ).toEqual([]);
    expect(problems(reviewHelpMessage("p".repeat(500)).blocks)).toEqual([]);
  });

  for (const message of messages) {
    it(`when a ${message.type}${"visibility" in message ? ` (${message.visibility})` : ""} message is as large as the domain allows, it stays within Slack's limits`, () => {
      const rendered = renderOutboundMessage(message);
      expect(problems(rendered.blocks)).toEqual([]);
      expect(rendered.text.length).toBeGreaterThan(0);
      expect(rendered.text.length).toBeLessThanOrEqual(4000);
    });
  }

  it("when a manager has 40+ reports, long notes and a full home, the 1:1 note modal and the Home tab stay within Slack's limits", () => {
    expect(
      viewProblems(oneOnOneNoteModal({ reportId: "r".repeat(36), periodKey: "2026-W49", reportName: "n".repeat(300) })),
    ).toEqual([]);
    expect(viewProblems(appHomeView({ values, board: null, home: BIG_HOME }))).toEqual([]);
  });

  it("when the org has 120 long company values, the kudos modal stays within Slack's limits", () => {
    expect(viewProblems(kudosModal({ values, metadata: { channelId: "C0123456789" } }))).toEqual([]);
  });

  it("when the leaderboard, help, confirmation and Home tab are at their largest, they stay within Slack's limits", () => {
    const names = Array.from({ length: 10 }, () => longName);
    expect(problems(leaderboardMessage(board).blocks)).toEqual([]);
    expect(problems(kudosHelpMessage({ values, problem: "p".repeat(4000) }).blocks)).toEqual([]);
    expect(
      problems(
        kudosConfirmationMessage({
          recipientNames: names,
          visibility: "public",
          postedIn: "C1",
          duplicate: false,
          unreachableNames: names,
        }).blocks,
      ),
    ).toEqual([]);
    expect(viewProblems(appHomeView({ values, board }))).toEqual([]);
  });

  it("when feedback, its preview, the give and answer modals and the feedback list are at their largest, they stay within Slack's limits", () => {
    const preview = {
      recipient: { id: "p2", name: longName },
      manager: { id: "p3", name: longName, isGiver: false },
      audience: "recipient" as const,
      readerNames: [longName],
      summary: "s".repeat(300),
      summaries: { recipient: "s".repeat(300), recipient_and_manager: "m".repeat(300) },
    };
    const worst = "<&>\n".repeat(500);
    expect(problems(feedbackPreviewMessage({ draftId: "d".repeat(36), text: worst, preview }).blocks)).toEqual([]);
    expect(
      problems(
        feedbackSentMessage({
          feedbackId: "f",
          duplicate: false,
          recipientName: longName,
          audience: "recipient_and_manager",
          sharedWithName: longName,
          unreachableNames: [longName, longName],
        }).blocks,
      ),
    ).toEqual([]);
    expect(viewProblems(giveFeedbackModal())).toEqual([]);
    expect(viewProblems(giveFeedbackModal({ preview }))).toEqual([]);
    expect(viewProblems(giveFeedbackModal({ problem: "p".repeat(5000) }))).toEqual([]);
    expect(
      viewProblems(
        answerFeedbackModal({
          askId: "a".repeat(36),
          subjectId: "p2",
          subjectName: longName,
          requesterName: longName,
          aboutRequester: false,
          topic: "&".repeat(200),
          readerNames: [longName, longName],
        }),
      ),
    ).toEqual([]);
    const items = Array.from({ length: 10 }, (_, index) => ({
      id: `f${index}`,
      giverName: longName,
      recipientName: longName,
      text: "&".repeat(2000),
      createdAt: new Date("2026-11-25T12:00:00Z"),
      topic: "<".repeat(200),
      reason: "you-asked" as const,
    }));
    const list = feedbackListMessage(items, "Pacific/Chatham");
    expect(list.blocks.length).toBeLessThanOrEqual(100);
    expect(problems(list.blocks)).toEqual([]);
    expect(problems(feedbackHelpMessage("p".repeat(5000)).blocks)).toEqual([]);
    expect(
      problems(
        feedbackRequestedReply({
          requestId: "r",
          duplicate: false,
          subjectName: longName,
          askedNames: Array.from({ length: 10 }, () => longName),
          readerNames: [longName, longName],
          unreachableNames: Array.from({ length: 10 }, () => longName),
        }).blocks,
      ),
    ).toEqual([]);
  });

  it("when the announce modal comes back with 20 problem channels and the longest message, and status lists 10,000 people, they stay within Slack's limits", () => {
    const channels = Array.from({ length: 20 }, (_, i) => `G${String(i).padStart(10, "0")}`);
    const problemsList = channels.map((channel) => ({ channel, reason: "private-not-member" as const }));
    expect(viewProblems(announceModal())).toEqual([]);
    expect(
      viewProblems(
        announceModal({
          values: { channels, text: "x".repeat(3000), withAck: true },
          metadata: { cycleId: "c".repeat(36) },
          problems: problemsList,
        }),
      ),
    ).toEqual([]);
    const people = Array.from({ length: 10_000 }, (_, i) => ({ personId: `p${i}`, name: `${longName} <${i}>` }));
    const status = {
      announcement: {
        id: "a".repeat(36),
        authorName: longName,
        text: "&".repeat(3000),
        withAck: true,
        createdAt: new Date("2026-11-25T12:00:00Z"),
        targets: channels.map((channel) => ({ platform: "slack" as const, channel })),
      },
      audienceCount: 20_000,
      acknowledged: people,
      pending: people,
      followedUp: 0,
      followUpCount: 10_000,
    };
    const targets = channels.map((channel) => ({ platform: "slack" as const, channel }));
    for (const reply of [
      announcementStatusMessage(status, "Pacific/Chatham"),
      announcementBlockedMessage(problemsList),
      announcementQueuedMessage({ announcementId: "a", targets, withAck: true, duplicate: false }),
      announceHelpMessage("p".repeat(5000)),
      roleHelpMessage("p".repeat(5000)),
    ]) {
      expect(problems(reply.blocks)).toEqual([]);
      expect(reply.text.length).toBeLessThanOrEqual(4000);
    }
  });

  it("when a pulse has every question at its longest and results for 10,000 people with long comments, its views and replies stay within Slack's limits", () => {
    const custom = Array.from({ length: CUSTOM_QUESTIONS_MAX }, () => "<&>".repeat(CUSTOM_QUESTION_MAX_LENGTH / 3));
    const questions = buildQuestions([...LIBRARY_IDS], custom);
    const draft = {
      actorId: "p".repeat(36),
      title: "<&>".repeat(26),
      libraryIds: [...LIBRARY_IDS],
      customQuestions: custom,
      audience: { kind: "teams" as const, managerIds: Array.from({ length: 20 }, () => "m".repeat(36)) },
      cadence: "monthly" as const,
      weekday: 7,
      time: "23:59",
      openDays: 7,
      shareResults: true,
    };
    const preview = {
      draft,
      questions,
      audienceCount: 10_000,
      teamNames: Array.from({ length: 20 }, () => longName),
      firstDate: "2026-12-13",
      firstClosesAt: new Date("2026-12-20T12:00:00Z"),
    };
    const form = {
      roundId: "r".repeat(36),
      title: draft.title,
      questions,
      closesAt: new Date(),
      minGroupSize: 1000,
      commentMinGroupSize: 1000,
      editing: true,
      values: { scores: { enps: 10 }, comment: "<&>".repeat(333) },
    };
    const previewView = pulsePreviewModal(preview, 1000, 1000);
    expect(previewView.private_metadata!.length).toBeLessThanOrEqual(3000);
    for (const view of [
      pulseSetupModal(),
      previewView,
      pulseSurveyModal(form, "Wednesday 30 September, 23:00", "k".repeat(32)),
    ])
      expect(viewProblems(view)).toEqual([]);
    const stats = {
      respondents: 10_000,
      enps: -100,
      questions: questions
        .filter((question) => question.kind !== "comment")
        .map((question) => ({
          id: question.id,
          kind: question.kind as "enps" | "agreement",
          text: question.text,
          answered: 10_000,
          average: 3,
          distribution: Array.from({ length: question.kind === "enps" ? 11 : 5 }, () => 9_999),
        })),
    };
    const results = {
      surveyId: "s",
      title: draft.title,
      round: { id: "r", number: 99, localDate: "2026-12-13", closesAt: new Date(), closedAt: new Date() },
      open: false,
      asked: 10_000,
      answered: 10_000,
      participationRate: 100,
      minGroupSize: 5,
      commentMinGroupSize: 5,
      overall: stats,
      teams: Array.from({ length: 1000 }, (_, i) => ({
        teamId: `m${i}`,
        label: `${longName}'s team`,
        stats: i % 2 ? stats : null,
        hidden: i % 2 ? null : ("small" as const),
      })),
      comments: Array.from({ length: 5000 }, () => "<&>".repeat(333)),
      trend: Array.from({ length: 8 }, (_, i) => ({
        number: i + 1,
        localDate: "2026-12-13",
        respondents: 10_000,
        enps: -100,
      })),
    };
    for (const reply of [
      pulseResultsMessage(results),
      pulseAnsweredMessage(
        {
          roundId: "r".repeat(36),
          title: draft.title,
          closesAt: new Date(),
          outcome: "changed",
          token: "k".repeat(32),
        },
        "Wednesday 30 September, 23:00",
      ),
    ]) {
      expect(problems(reply.blocks)).toEqual([]);
      expect(reply.text.length).toBeLessThanOrEqual(4000);
    }
  });

  it("when a kudos text tries to ping a channel or fake a mention, the message shows it as text", () => {
    const rendered = renderOutboundMessage(messages[0]);
    const shown = JSON.stringify(rendered.blocks);
    expect(shown).not.toContain("<!channel>");
    expect(shown).toContain("&lt;!channel&gt;");
  });

  it("when a check-in prompt is sent, its button starts the check-in for that period", () => {
    const rendered = renderOutboundMessage(messages[3]);
    const actions = rendered.blocks.find((block) => block.type === "actions") as {
      elements: { action_id: string; value: string; text: { text: string } }[];
    };
    expect(actions.elements[0]).toMatchObject({
      action_id: "checkin_start",
      value: "2026-11-27",
      text: { text: "Start check-in" },
    });
  });

  // Check-in answers at the domain's maximum (3000 characters), written to grow the most when escaped and quoted.
  const longAnswer = "<&>\n".repeat(750);
  const savedAnswers = {
    mood: 5,
    progress: longAnswer,
    plans: longAnswer,
    blockers: longAnswer,
    forManager: longAnswer,
  };
  const form: CheckInForm = {
    periodKey: "2026-W48",
    periodStart: new Date("2026-11-27T14:00:00Z"),
    deadline: new Date("2026-12-04T14:00:00Z"),
    deadlineLabel: "Wednesday 30 September, 23:45".repeat(20),
    answers: savedAnswers,
    submittedAt: new Date("2026-11-27T15:00:00Z"),
    moodOptions: MOOD_OPTIONS,
  };

  it("when the check-in modal reopens with every answer at its longest, it stays within Slack's limits", () => {
    expect(viewProblems(checkInModal({ form, note: "n".repeat(5000) }))).toEqual([]);
    expect(viewProblems(checkInModal({ form: { ...form, answers: null, submittedAt: null } }))).toEqual([]);
  });

  it("when the longest history Slack can ask for holds answers at their longest, it fits one message (50 blocks)", () => {
    const items = Array.from({ length: HISTORY_MAX }, (_, index) => ({
      id: `c${index}`,
      periodKey: `2026-W${String(48 - index).padStart(2, "0")}`,
      periodLabel: `Week ${48 - index}, 2026`,
      ...savedAnswers,
      submittedAt: new Date("2026-11-27T15:00:00Z"),
      updatedAt: new Date("2026-11-28T15:00:00Z"),
    }));
    const history = checkInHistoryMessage(items, "Pacific/Chatham");
    expect(history.blocks.length).toBeLessThanOrEqual(50);
    expect(problems(history.blocks)).toEqual([]);
  });

  it("when the /momentum replies and the check-in confirmation are at their largest, they fit one message", () => {
    const settings: SettingsView = {
      personId: "p1",
      timeZone: "America/Argentina/ComodRivadavia",
      checkIn: {
        weekday: 3,
        weekdayName: "Wednesday",
        time: "23:45",
        source: "team",
        label: "Wednesday at 23:45",
        nextPromptLabel: "Wednesday 30 September, 23:45",
        nextPromptAt: new Date(),
      },
      workday: {
        start: "00:00",
        end: "23:59",
        days: [1, 3, 5, 7],
        dayNames: ["Monday", "Wednesday", "Friday", "Sunday"],
        source: "person",
      },
      teamCheckIn: { weekday: 3, weekdayName: "Wednesday", time: "23:45" },
      away: { until: "2027-09-29", label: "Wednesday 29 September 2027" },
      holidays: {
        calendar: { code: "DE-BE", label: "Germany, Berlin", source: "team" },
        nextDayOff: { date: "2026-12-25", label: "Friday 25 December 2026", reason: "Winter break ".repeat(10) },
      },
      teamHolidayCalendar: "GB-ENG",
    };
    const team = { weekday: 3, time: "23:45", reports: 10_000, reportsWithOwnSlot: 9_999 };
    const replies = [
      momentumHelpMessage("p".repeat(5000)),
      momentumProblemMessage("`checkin friday 15:00` ".repeat(300)),
      settingsMessage({ settings }, { kind: "show" }),
      settingsMessage({ settings, team }, { kind: "team-check-in", weekday: 3, time: "23:45" }),
      awayMessage({
        awayUntil: "2027-09-29",
        untilLabel: "Wednesday 29 September 2027",
        cancelledDeliveries: 1_000_000,
      }),
      checkInSavedMessage({ created: false, deadlineLabel: form.deadlineLabel, movedToNewPeriod: true }),
    ];
    for (const reply of replies) {
      expect(reply.blocks.length).toBeLessThanOrEqual(50);
      expect(problems(reply.blocks)).toEqual([]);
      expect(reply.text.length).toBeGreaterThan(0);
    }
  });
  it("when goals, their titles and the things to align to are at their largest, the goal views and replies stay within Slack's limits", () => {
    const title = "<&>*_".repeat(40);
    const goal = (index: number): MyGoal => ({
      id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
      level: "person",
      title,
      measure: "number",
      startValue: -1e12,
      targetValue: 1e12,
      currentValue: 123456789.123,
      progressPercent: 50,
      status: index % 2 === 0 ? "at_risk" : "done",
      dueDate: "2026-12-31",
      lastUpdateAt: new Date("2026-11-01T00:00:00Z"),
      parent: { id: "p", title, level: "company" },
      risks: ["overdue", "no_recent_update", "marked_at_risk"],
    });
    const goals = Array.from({ length: 150 }, (_, index) => goal(index));
    const checkInGoals = Array.from({ length: 7 }, (_, index) => ({
      id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
      title,
      measure: "number" as const,
      startValue: -1e12,
      targetValue: 1e12,
      currentValue: 123456789.123,
    }));
    expect(viewProblems(checkInModal({ form, note: "n".repeat(5000), goals: checkInGoals }))).toEqual([]);
    const alignable = Array.from({ length: 150 }, (_, index) => ({
      id: `a${index}`,
      title,
      level: "team" as const,
      ownerName: longName,
      dueDate: "2026-12-31",
    }));
    for (const view of [
      goalStartModal({ goals }),
      goalStartModal({ goals: [] }),
      goalCreateModal({ levels: ["person", "team", "company"], alignable }),
      goalCreateModal({ levels: ["person"], alignable: [] }),
      goalUpdateModal({ goals }),
    ]) {
      expect(viewProblems(view)).toEqual([]);
    }
    const created = {
      goalId: "g",
      level: "team" as const,
      title,
      measure: "number" as const,
      startValue: 0,
      targetValue: 1e12,
      dueDate: "2026-12-31",
      parent: { id: "p", title, level: "company" as const },
    };
    const replies = [
      goalListMessage(goals),
      goalListMessage([]),
      goalHelpMessage("p".repeat(5000)),
      goalCreatedMessage(created),
      goalUpdatedMessage({
        goalId: "g",
        updateId: "u",
        title,
        value: 1,
        previousValue: 0,
        status: "done",
        progressPercent: 100,
      }),
    ];
    for (const reply of replies) {
      expect(reply.blocks.length).toBeLessThanOrEqual(50);
      expect(problems(reply.blocks)).toEqual([]);
      expect(reply.text.length).toBeGreaterThan(0);
    }
  });
});
