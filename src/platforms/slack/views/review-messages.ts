// Review DMs: each has the one button that takes the person to what they have to do. Button values carry only a
// review id; who may open what is decided by the domain when the button is clicked.
import type { ActionsBlock, Button } from "@slack/types";
import type { ReviewOutboundMessage } from "../../../domain/reviews/review-messages.ts";
import { context, escapedText, escapeMrkdwn, plain, section, type SlackMessage } from "./text.ts";

/** Every "open a review form" button starts with this; a suffix keeps action ids unique within one message. */
export const REVIEW_OPEN_ACTION = "review_open";
export const REVIEW_OPEN_ACTION_PATTERN = /^review_open(:\d+)?$/;
export const REVIEW_READ_ACTION = "review_read";
export const REVIEW_SHARE_ACTION = "review_share";

type Of<T extends ReviewOutboundMessage["type"]> = Extract<ReviewOutboundMessage, { type: T }>;

function openButton(reviewId: string, label: string, index = 0): Button {
  return {
    type: "button",
    action_id: index === 0 ? REVIEW_OPEN_ACTION : `${REVIEW_OPEN_ACTION}:${index}`,
    text: plain(label, 75),
    value: reviewId,
    ...(index === 0 ? { style: "primary" as const } : {}),
  };
}

function actions(blockId: string, elements: Button[]): ActionsBlock {
  return { type: "actions", block_id: blockId, elements };
}

export function reviewSelfRequestedMessage(message: Of<"review.self-requested">): SlackMessage {
  const cycle = escapeMrkdwn(message.cycleName);
  return {
    text: escapedText`Time for your self-review (${message.cycleName}), due ${message.dueLabel}`,
    blocks: [
      section(
        `:memo: The review cycle *${cycle}* has started. Please write your self-review by *${escapeMrkdwn(message.dueLabel)}*.`,
      ),
      context(
        "Your goals and the kudos you received are shown in the form. Drafts are saved, so you can come back to it.",
      ),
      actions("review_self_requested", [openButton(message.reviewId, "Write my self-review")]),
    ],
  };
}

export function reviewManagerRequestedMessage(message: Of<"review.manager-requested">): SlackMessage {
  const name = escapeMrkdwn(message.subjectName);
  const lead = message.selfSubmitted
    ? `${name} has submitted their self-review.`
    : `The manager reviews of *${escapeMrkdwn(message.cycleName)}* are due.`;
  return {
    text: escapedText`Review ${message.subjectName} (${message.cycleName}), due ${message.dueLabel}`,
    blocks: [
      section(`:clipboard: ${lead} Please write your review of ${name} by *${escapeMrkdwn(message.dueLabel)}*.`),
      context(
        message.selfSubmitted
          ? "Their self-review is shown beside each question."
          : "Their self-review isn't in yet; the form shows it once it is.",
      ),
      actions("review_manager_requested", [openButton(message.reviewId, `Review ${message.subjectName}`)]),
    ],
  };
}

export function reviewNudgeMessage(message: Of<"review.nudge">): SlackMessage {
  const lines = message.items.map((item) =>
    item.kind === "self"
      ? `• Your self-review for *${escapeMrkdwn(item.cycleName)}*, due ${escapeMrkdwn(item.dueLabel)}`
      : `• Your review of ${escapeMrkdwn(item.subjectName)} for *${escapeMrkdwn(item.cycleName)}*, due ${escapeMrkdwn(item.dueLabel)}`,
  );
  if (message.more > 0) lines.push(`…and ${message.more} more.`);
  const count = message.items.length + message.more;
  return {
    text:
      count === 1
        ? "Friendly reminder: a review is waiting for you"
        : `Friendly reminder: ${count} reviews are waiting for you`,
    blocks: [
      section(`:hourglass_flowing_sand: Friendly reminder, still to write:\n${lines.join("\n")}`),
      actions(
        "review_nudge",
        message.items.map((item, index) =>
          openButton(
            item.reviewId,
            item.kind === "self" ? "Write my self-review" : `Review ${item.subjectName}`,
            index,
          ),
        ),
      ),
    ],
  };
}

export function reviewReleaseReadyMessage(message: Of<"review.release-ready">): SlackMessage {
  const name = escapeMrkdwn(message.subjectName);
  return {
    text: escapedText`${message.cycleName} is closed: share your review with ${message.subjectName}`,
    blocks: [
      section(
        `:lock: *${escapeMrkdwn(message.cycleName)}* is closed. ${name} can't see your review until you share it.`,
      ),
      actions("review_release_ready", [
        {
          type: "button",
          action_id: REVIEW_SHARE_ACTION,
          style: "primary",
          text: plain(`Share with ${message.subjectName}`, 75),
          value: message.reviewId,
        },
      ]),
    ],
  };
}

export function reviewReleasedMessage(message: Of<"review.released">): SlackMessage {
  return {
    text: escapedText`${message.managerName} shared your review (${message.cycleName})`,
    blocks: [
      section(
        `:envelope_with_arrow: ${escapeMrkdwn(message.managerName)} shared your review for *${escapeMrkdwn(message.cycleName)}* with you.`,
      ),
      actions("review_released", [
        {
          type: "button",
          action_id: REVIEW_READ_ACTION,
          style: "primary",
          text: plain("Read my review", 75),
          value: message.reviewId,
        },
      ]),
    ],
  };
}
