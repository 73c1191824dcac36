// What HR, managers and authors alone see in reply: the created cycle with its Launch button, launch and close
// results, the status, the nudge preview with its confirmation, and confirmations after saving a review.
import { deliveryPromise } from "../../../domain/directory/reach.ts";
import type { CreatedReviewCycle } from "../../../domain/reviews/create-review-cycle.ts";
import type { LaunchedReviewCycle } from "../../../domain/reviews/launch-review-cycle.ts";
import type { ClosedReviewCycle } from "../../../domain/reviews/close-review-cycle.ts";
import type { NudgePreview } from "../../../domain/reviews/nudge-pending.ts";
import type { ReviewStatusReport, StepCompletion } from "../../../domain/reviews/review-status.ts";
import { announceCycleButton } from "./announce-replies.ts";
import { REVIEW_OPEN_ACTION } from "./review-messages.ts";
import { context, escapedText, escapeMrkdwn, joinNames, plain, section, type SlackMessage } from "./text.ts";

export const REVIEW_LAUNCH_ACTION = "review_launch";
export const REVIEW_NUDGE_CONFIRM_ACTION = "review_nudge_confirm";

export function reviewHelpMessage(problem?: string): SlackMessage {
  const lines = [
    ...(problem ? [`${escapeMrkdwn(problem)}\n`] : []),
    "*/review* — create a review cycle (HR)",
    "*/review status* [cycle] — completion by step and by manager (HR: everyone; managers: your team)",
    "*/review nudge* [cycle] — remind everyone with something pending (HR; you see how many first)",
    "*/review close* <cycle> — close a cycle so managers can share their reviews (HR)",
  ];
  return { text: escapeMrkdwn(problem ?? "How to use /review"), blocks: [section(lines.join("\n"))] };
}

export function reviewCycleCreatedMessage(cycle: CreatedReviewCycle): SlackMessage {
  return {
    text: escapedText`Review cycle "${cycle.name}" created for ${cycle.participantCount} people. Launch it when you're ready.`,
    blocks: [
      section(
        `:memo: *${escapeMrkdwn(cycle.name)}* is ready: ${cycle.participantCount} ${cycle.participantCount === 1 ? "person" : "people"} (${cycle.managerReviewCount} with a manager review), ${cycle.questions.length} questions. Self-reviews due ${cycle.selfDueDate}, manager reviews ${cycle.managerDueDate}.`,
      ),
      ...cycle.dueDateWarnings.map((warning) => section(`:warning: ${escapeMrkdwn(warning)}`)),
      context("Launching sends everyone taking part a message with a button to write their self-review."),
      {
        type: "actions",
        block_id: "review_cycle_created",
        elements: [
          {
            type: "button",
            action_id: REVIEW_LAUNCH_ACTION,
            style: "primary",
            text: plain("Launch", 75),
            value: cycle.cycleId,
          },
        ],
      },
    ],
  };
}

export function reviewLaunchedMessage(cycle: LaunchedReviewCycle): SlackMessage {
  const promise = deliveryPromise({ total: cycle.selfReviews, unreachable: cycle.unreachable, what: "taking part" });
  const text = `:rocket: *${escapeMrkdwn(cycle.name)}* is launched: ${cycle.selfReviews} self-reviews and ${cycle.managerReviews} manager reviews. ${escapeMrkdwn(promise)}`;
  // HR usually wants to tell everyone: the button opens the announce modal filled with the cycle's own words.
  return { text: escapedText`${cycle.name} is launched.`, blocks: [section(text), announceCycleButton(cycle.cycleId)] };
}

export function reviewClosedMessage(cycle: ClosedReviewCycle): SlackMessage {
  const text = `:lock: *${escapeMrkdwn(cycle.name)}* is closed. ${cycle.readyToShare} manager ${cycle.readyToShare === 1 ? "review is" : "reviews are"} ready for the manager to share; ${cycle.unfinished} ${cycle.unfinished === 1 ? "review was" : "reviews were"} left unfinished.`;
  return { text: escapedText`${cycle.name} is closed.`, blocks: [section(text)] };
}

const step = (completion: StepCompletion) => `${completion.submitted}/${completion.total}`;

export function reviewStatusMessage(report: ReviewStatusReport): SlackMessage {
  const { cycle } = report;
  const lines = report.byManager
    .slice(0, 40)
    .map((group) => `• ${escapeMrkdwn(group.managerName)}: self ${step(group.self)} · manager ${step(group.manager)}`);
  const pending = report.pending.map((item) =>
    item.kind === "self"
      ? `• ${escapeMrkdwn(item.authorName)}: self-review`
      : `• ${escapeMrkdwn(item.authorName)}: review of ${escapeMrkdwn(item.subjectName)}`,
  );
  if (report.pendingCount > report.pending.length)
    pending.push(`…and ${report.pendingCount - report.pending.length} more`);
  return {
    text: escapedText`${cycle.name}: self-reviews ${step(report.steps.self)}, manager reviews ${step(report.steps.manager)}`,
    blocks: [
      section(
        `*${escapeMrkdwn(cycle.name)}* (${cycle.status}) · ${report.scope === "team" ? "your team" : "everyone"}\nSelf-reviews *${step(report.steps.self)}* (due ${cycle.selfDueLabel}) · manager reviews *${step(report.steps.manager)}* (due ${cycle.managerDueLabel})`,
      ),
      ...(lines.length > 0 ? [section(`*By manager*\n${lines.join("\n")}`)] : []),
      section(
        pending.length > 0 ? `*Pending (${report.pendingCount})*\n${pending.join("\n")}` : "*Nobody is pending.*",
      ),
    ],
  };
}

export function nudgePreviewMessage(preview: NudgePreview): SlackMessage {
  if (preview.people === 0)
    return {
      text: escapedText`Nobody is pending in ${preview.cycleName}.`,
      blocks: [section(`Nobody is pending in *${escapeMrkdwn(preview.cycleName)}*: there is nobody to nudge.`)],
    };
  const names = preview.sampleNames.map(escapeMrkdwn);
  const more = preview.people - names.length;
  return {
    text: escapedText`Nudge ${preview.people} people about ${preview.cycleName}?`,
    blocks: [
      section(
        `This will remind *${preview.people}* ${preview.people === 1 ? "person" : "people"} with ${preview.reviews} pending ${preview.reviews === 1 ? "review" : "reviews"} in *${escapeMrkdwn(preview.cycleName)}*: ${joinNames(more > 0 ? [...names, `${more} more`] : names)}.`,
      ),
      {
        type: "actions",
        block_id: "review_nudge_preview",
        elements: [
          {
            type: "button",
            action_id: REVIEW_NUDGE_CONFIRM_ACTION,
            style: "primary",
            text: plain(`Nudge ${preview.people} ${preview.people === 1 ? "person" : "people"}`, 75),
            value: `${preview.cycleId}|${preview.runId}`,
          },
        ],
      },
    ],
  };
}

export function nudgedMessage(result: { cycleName: string; people: number; queued: number }): SlackMessage {
  const text =
    result.queued === 0
      ? `Those people were already nudged from this preview: nobody gets it twice.`
      : `:bell: Nudged ${result.queued} ${result.queued === 1 ? "person" : "people"} about ${result.cycleName}.`;
  return { text, blocks: [section(escapeMrkdwn(text))] };
}

export function reviewSavedMessage(options: {
  reviewId: string;
  kind: "self" | "manager";
  subjectName: string;
  final: boolean;
  managerAsked?: boolean;
  answered?: number;
  questionCount?: number;
}): SlackMessage {
  const what = options.kind === "self" ? "Your self-review" : `Your review of ${options.subjectName}`;
  if (options.final) {
    const after =
      options.kind === "self"
        ? options.managerAsked
          ? "Thank you! Your manager has been asked for their review."
          : "Thank you!"
        : `Once HR closes the cycle you can share it with ${options.subjectName}.`;
    return {
      text: escapedText`${what} is submitted.`,
      blocks: [section(`:white_check_mark: ${escapeMrkdwn(what)} is submitted. ${escapeMrkdwn(after)}`)],
    };
  }
  return {
    text: escapedText`${what} is saved as a draft.`,
    blocks: [
      section(
        `:floppy_disk: ${escapeMrkdwn(what)} is saved as a draft (${options.answered ?? 0} of ${options.questionCount ?? 0} answered). Nothing is lost: carry on whenever you like.`,
      ),
      {
        type: "actions",
        block_id: "review_draft_saved",
        elements: [
          { type: "button", action_id: REVIEW_OPEN_ACTION, text: plain("Continue", 75), value: options.reviewId },
        ],
      },
    ],
  };
}
