// The one place that turns a neutral outbound message into Block Kit. Adding a message type to the union without
// a renderer here is a compile error.
import type { OutboundMessage } from "../../../domain/notifications/messages.ts";
import { DeliveryError } from "../../../domain/notifications/notifier.ts";
import { announcementFollowUpMessage, announcementPostedMessage } from "./announce-messages.ts";
import { checkinPromptMessage, checkinReminderMessage } from "./checkin-messages.ts";
import { kudosAnnouncedMessage, kudosReceivedMessage } from "./kudos-messages.ts";
import { feedbackReceivedMessage, feedbackRequestedMessage } from "./feedback-messages.ts";
import { noticeMessage } from "./notice-message.ts";
import { oneOnOneAgendaMessage } from "./one-on-one-messages.ts";
import { teamSummaryMessage } from "./summary-messages.ts";
import {
  reviewManagerRequestedMessage,
  reviewNudgeMessage,
  reviewReleaseReadyMessage,
  reviewReleasedMessage,
  reviewSelfRequestedMessage,
} from "./review-messages.ts";
import { pulseAskMessage, pulseReminderMessage, pulseResultsSharedMessage } from "./pulse-messages.ts";
import type { SlackMessage } from "./text.ts";

export function renderOutboundMessage(message: OutboundMessage): SlackMessage {
  switch (message.type) {
    case "kudos.received":
      return kudosReceivedMessage(message);
    case "kudos.announced":
      return kudosAnnouncedMessage(message);
    case "checkin.prompt":
      return checkinPromptMessage(message);
    case "checkin.reminder":
      return checkinReminderMessage(message);
    case "announcement.posted":
      return announcementPostedMessage(message);
    case "announcement.followup":
      return announcementFollowUpMessage(message);
    case "review.self-requested":
      return reviewSelfRequestedMessage(message);
    case "review.manager-requested":
      return reviewManagerRequestedMessage(message);
    case "review.nudge":
      return reviewNudgeMessage(message);
    case "review.release-ready":
      return reviewReleaseReadyMessage(message);
    case "review.released":
      return reviewReleasedMessage(message);
    case "one-on-one.prompt":
      return oneOnOneAgendaMessage(message.agenda);
    case "team.summary":
      return teamSummaryMessage(message.summary);
    case "feedback.received":
      return feedbackReceivedMessage(message);
    case "feedback.requested":
      return feedbackRequestedMessage(message);
    case "notice":
      return noticeMessage(message);
    case "pulse.ask":
      return pulseAskMessage(message);
    case "pulse.reminder":
      return pulseReminderMessage(message);
    case "pulse.results":
      return pulseResultsSharedMessage(message);
    default:
      return unknownMessage(message);
  }
}

// A row written by a newer version (rolling deploy) cannot be rendered here: fail it for good, don't retry.
function unknownMessage(message: never): never {
  throw new DeliveryError(`no Slack rendering for message type ${(message as { type: string }).type}`, false);
}
