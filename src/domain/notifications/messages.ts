// The neutral outbound messages: plain data that each platform renders (Block Kit / Adaptive Card).
// Stored as JSON in the outbox, so every member must stay serialisable and backwards compatible.
import type { ReviewOutboundMessage } from "../reviews/review-messages.ts";

export type OutboundMessage =
  | ReviewOutboundMessage
  | {
      type: "kudos.received";
      kudosId: string;
      giverName: string;
      message: string;
      value: string | null;
      visibility: "public" | "private";
    }
  | {
      type: "kudos.announced";
      batchId: string;
      giverName: string;
      recipientNames: string[];
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
      /** Operational notices (e.g. to admins about failed deliveries): short plain text, never private content. */
      type: "notice";
      title: string;
      text: string;
    };

export type OutboundMessageType = OutboundMessage["type"];
