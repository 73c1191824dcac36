// The neutral outbound messages: plain data that each platform renders (Block Kit / Adaptive Card).
// Stored as JSON in the outbox, so every member must stay serialisable and backwards compatible.
import type { PulseOutboundMessage } from "../pulses/pulse-messages.ts";
import type { ReviewOutboundMessage } from "../reviews/review-messages.ts";
import type { OneOnOneAgenda } from "../one-on-ones/one-on-one-agenda.types.ts";
import type { TeamSummary } from "../summaries/team-summary.types.ts";

export type OutboundMessage =
  | ReviewOutboundMessage
  | PulseOutboundMessage
  | {
      type: "kudos.received";
      kudosId: string;
      giverName: string;
      /** The giver's Slack user id when they have a Slack identity, so Slack can mention them (absent on older rows). */
      giverSlackUserId?: string | null;
      message: string;
      value: string | null;
      visibility: "public" | "private";
    }
  | {
      type: "kudos.announced";
      batchId: string;
      giverName: string;
      recipientNames: string[];
      /** Slack user ids in the order of the names (null: no Slack identity), for mentions (absent on older rows). */
      giverSlackUserId?: string | null;
      recipientSlackUserIds?: (string | null)[];
      message: string;
      value: string | null;
    }
  | {
      type: "checkin.prompt";
      periodKey: string;
      /** Human-readable local deadline, e.g. "Friday 27 November, 15:00". */
      deadlineLabel: string;
    }
  | {
      type: "checkin.reminder";
      periodKey: string;
      deadlineLabel: string;
    }
  | {
      /** HR's announcement, posted in a channel; with an "Acknowledge" button when withAck. */
      type: "announcement.posted";
      announcementId: string;
      authorName: string;
      text: string;
      withAck: boolean;
    }
  | {
      /** The one follow-up DM to someone who has not acknowledged an announcement yet. */
      type: "announcement.followup";
      announcementId: string;
      authorName: string;
      text: string;
    }
  | {
      /**
       * Private feedback, to the person it is for (`reader: "recipient"`) or to the one person it was shared with
       * (`reader: "shared"`: their manager, or who asked for it). DMs only: never rendered for a channel.
       */
      type: "feedback.received";
      feedbackId: string;
      reader: "recipient" | "shared";
      giverName: string;
      recipientName: string;
      text: string;
      /** Who else reads it: the manager or requester (for the recipient's copy), null for "recipient only". */
      sharedWithName: string | null;
      /** Why the shared reader gets it. */
      sharedReason: "manager" | "requester" | null;
      /** The request it answers, if any. */
      topic: string | null;
    }
  | {
      /** Someone is asked for feedback on a person about a topic: "Answer" and "Decline" buttons. */
      type: "feedback.requested";
      askId: string;
      requesterName: string;
      subjectName: string;
      /** True when the requester asks about themselves. */
      aboutRequester: boolean;
      topic: string;
      /** Everyone who will read the answer, subject first. */
      readerNames: string[];
    }
  | {
      /** Operational notices (e.g. to admins about failed deliveries): short plain text, never private content. */
      type: "notice";
      title: string;
      text: string;
    }
  /** Before a weekly 1:1, to the report's manager only: the agenda, with "Add a private note" and "Mark 1:1 done". */
  | { type: "one-on-one.prompt"; agenda: OneOnOneAgenda }
  /** Monday morning, to one manager: their team's week (never feedback, notes or an individual's mood). */
  | { type: "team.summary"; summary: TeamSummary };

export type OutboundMessageType = OutboundMessage["type"];
