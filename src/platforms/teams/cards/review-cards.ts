// Review DMs on Teams: each card has the button that takes the person to what they have to do. "Open" and "Read"
// buttons open dialogs (task/fetch); "Share" is a plain submit the bot answers in the chat.
import type { ReviewOutboundMessage } from "../../../domain/reviews/review-messages.ts";
import { adaptiveCard, heading, paragraph, plain, subtle, type AdaptiveCard, type CardElement } from "./card.ts";

export const REVIEW_OPEN_ACTION = "review_open";
export const REVIEW_READ_ACTION = "review_read";
export const REVIEW_SHARE_ACTION = "review_share";

type Of<T extends ReviewOutboundMessage["type"]> = Extract<ReviewOutboundMessage, { type: T }>;

export function openReviewAction(reviewId: string, title: string): CardElement {
  return {
    type: "Action.Submit",
    title,
    style: "positive",
    data: { msteams: { type: "task/fetch" }, action: REVIEW_OPEN_ACTION, reviewId },
  };
}

export function reviewSelfRequestedCard(message: Of<"review.self-requested">): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`📝 ${plain(message.cycleName)} has started`),
      paragraph(`Please write your self-review by ${message.dueLabel}.`),
      subtle(
        "Your goals and the kudos you received are shown in the form. Drafts are saved, so you can come back to it.",
      ),
    ],
    [openReviewAction(message.reviewId, "Write my self-review")],
  );
}

export function reviewManagerRequestedCard(message: Of<"review.manager-requested">): AdaptiveCard {
  const name = plain(message.subjectName);
  return adaptiveCard(
    [
      heading(`📋 Review ${name}`),
      paragraph(
        message.selfSubmitted
          ? `${name} has submitted their self-review. Please write your review by ${message.dueLabel}.`
          : `The manager reviews of ${plain(message.cycleName)} are due ${message.dueLabel}. Please write your review of ${name}.`,
      ),
      subtle(
        message.selfSubmitted
          ? "Their self-review is shown beside each question."
          : "Their self-review isn't in yet; the form shows it once it is.",
      ),
    ],
    [openReviewAction(message.reviewId, `Review ${message.subjectName}`)],
  );
}

export function reviewNudgeCard(message: Of<"review.nudge">): AdaptiveCard {
  const lines = message.items.map((item) =>
    item.kind === "self"
      ? `- Your self-review for ${plain(item.cycleName)}, due ${item.dueLabel}`
      : `- Your review of ${plain(item.subjectName)} for ${plain(item.cycleName)}, due ${item.dueLabel}`,
  );
  if (message.more > 0) lines.push(`- …and ${message.more} more`);
  return adaptiveCard(
    [heading("⏳ Friendly reminder"), paragraph(`Still to write:\n\n${lines.join("\n")}`)],
    message.items.map((item) =>
      openReviewAction(item.reviewId, item.kind === "self" ? "Write my self-review" : `Review ${item.subjectName}`),
    ),
  );
}

export function reviewReleaseReadyCard(message: Of<"review.release-ready">): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`🔒 ${plain(message.cycleName)} is closed`),
      paragraph(`${plain(message.subjectName)} can't see your review until you share it.`),
    ],
    [
      {
        type: "Action.Submit",
        title: `Share with ${message.subjectName}`,
        style: "positive",
        data: { action: REVIEW_SHARE_ACTION, reviewId: message.reviewId },
      },
    ],
  );
}

export function reviewReleasedCard(message: Of<"review.released">): AdaptiveCard {
  return adaptiveCard(
    [
      heading("📬 Your review is here"),
      paragraph(`${plain(message.managerName)} shared your review for ${plain(message.cycleName)} with you.`),
    ],
    [
      {
        type: "Action.Submit",
        title: "Read my review",
        style: "positive",
        data: { msteams: { type: "task/fetch" }, action: REVIEW_READ_ACTION, reviewId: message.reviewId },
      },
    ],
  );
}

/** Feed and lock-screen text: never an answer. */
export function reviewSummary(message: ReviewOutboundMessage): string {
  switch (message.type) {
    case "review.self-requested":
      return "Time for your self-review";
    case "review.manager-requested":
      return `Review ${message.subjectName}`;
    case "review.nudge":
      return "A review is waiting for you";
    case "review.release-ready":
      return `Share your review with ${message.subjectName}`;
    case "review.released":
      return `${message.managerName} shared your review`;
  }
}
