// One card per neutral outbound message type; the switch is exhaustive, so a new message type fails to compile here.
import type { OutboundMessage } from "../../../domain/notifications/messages.ts";
import { announcementFollowUpCard, announcementPostedCard } from "./announce-cards.ts";
import type { AdaptiveCard } from "./card.ts";
import { pulseAskCard, pulseReminderCard, pulseResultsSharedCard } from "./pulse-cards.ts";
import { checkInPromptCard, checkInReminderCard } from "./checkin-cards.ts";
import { kudosAnnouncedCard, kudosReceivedCard } from "./kudos-cards.ts";
import { feedbackReceivedCard, feedbackRequestedCard } from "./feedback-cards.ts";
import { noticeCard } from "./notice-card.ts";
import { oneOnOneAgendaCard } from "./one-on-one-cards.ts";
import { teamSummaryCard } from "./summary-card.ts";
import {
  reviewManagerRequestedCard,
  reviewNudgeCard,
  reviewReleaseReadyCard,
  reviewReleasedCard,
  reviewSelfRequestedCard,
  reviewSummary,
} from "./review-cards.ts";

export function cardForMessage(message: OutboundMessage): AdaptiveCard {
  switch (message.type) {
    case "kudos.received":
      return kudosReceivedCard(message);
    case "kudos.announced":
      return kudosAnnouncedCard(message);
    case "checkin.prompt":
      return checkInPromptCard(message);
    case "checkin.reminder":
      return checkInReminderCard(message);
    case "announcement.posted":
      return announcementPostedCard(message);
    case "announcement.followup":
      return announcementFollowUpCard(message);
    case "review.self-requested":
      return reviewSelfRequestedCard(message);
    case "review.manager-requested":
      return reviewManagerRequestedCard(message);
    case "review.nudge":
      return reviewNudgeCard(message);
    case "review.release-ready":
      return reviewReleaseReadyCard(message);
    case "review.released":
      return reviewReleasedCard(message);
    case "one-on-one.prompt":
      return oneOnOneAgendaCard(message.agenda);
    case "team.summary":
      return teamSummaryCard(message.summary);
    case "feedback.received":
      return feedbackReceivedCard(message);
    case "feedback.requested":
      return feedbackRequestedCard(message);
    case "notice":
      return noticeCard(message);
    case "pulse.ask":
      return pulseAskCard(message);
    case "pulse.reminder":
      return pulseReminderCard(message);
    case "pulse.results":
      return pulseResultsSharedCard(message);
  }
}

/** The notification text Teams shows in the activity feed and on lock screens: never the private body. */
export function summaryForMessage(message: OutboundMessage): string {
  switch (message.type) {
    case "kudos.received":
      return `${message.giverName} gave you kudos`;
    case "kudos.announced":
      return `${message.giverName} gave kudos`;
    case "checkin.prompt":
      return "Time for your weekly check-in";
    case "checkin.reminder":
      return "Your check-in is still open";
    case "announcement.posted":
      return `Announcement from ${message.authorName}`;
    case "announcement.followup":
      return `Reminder from ${message.authorName}: please acknowledge the announcement`;
    case "review.self-requested":
    case "review.manager-requested":
    case "review.nudge":
    case "review.release-ready":
    case "review.released":
      return reviewSummary(message);
    case "one-on-one.prompt":
      return `Your 1:1 with ${message.agenda.reportName} is coming up`;
    case "team.summary":
      return "Your team's week";
    case "feedback.received":
      return message.reader === "recipient"
        ? `${message.giverName} sent you private feedback`
        : `${message.giverName} shared feedback for ${message.recipientName} with you`;
    case "feedback.requested":
      return `${message.requesterName} would like your feedback`;
    case "notice":
      return message.title;
    case "pulse.ask":
      return `Pulse survey: ${message.title}`;
    case "pulse.reminder":
      return `The pulse "${message.title}" closes soon`;
    case "pulse.results":
      return `Results of the pulse "${message.results.title}"`;
  }
}
