// Announcement cards: the channel post (with "Acknowledge" when asked), the follow-up DM, what `announce` answers
// (a button that opens the dialog), HR's status with its "Send a reminder to N people" button, and short results.
import type { AnnouncementStatus } from "../../../domain/announcements/announcement-status.ts";
import type { OutboundMessage } from "../../../domain/notifications/messages.ts";
import {
  adaptiveCard,
  heading,
  listNames,
  paragraph,
  plain,
  subtle,
  type AdaptiveCard,
  type CardElement,
} from "./card.ts";

export const ANNOUNCE_OPEN_ACTION = "announce_open";
export const ANNOUNCE_ACK_ACTION = "announce_ack";
export const ANNOUNCE_FOLLOW_UP_ACTION = "announce_follow_up";
const NAMES_SHOWN = 40;

type Posted = Extract<OutboundMessage, { type: "announcement.posted" }>;
type FollowUp = Extract<OutboundMessage, { type: "announcement.followup" }>;

function acknowledgeAction(announcementId: string): CardElement {
  return {
    type: "Action.Submit",
    title: "Acknowledge",
    style: "positive",
    data: { action: ANNOUNCE_ACK_ACTION, announcementId },
  };
}

export function announcementPostedCard(message: Posted): AdaptiveCard {
  return adaptiveCard(
    [subtle(`📣 Announcement from ${plain(message.authorName)}`), paragraph(plain(message.text))],
    message.withAck ? [acknowledgeAction(message.announcementId)] : [],
  );
}

export function announcementFollowUpCard(message: FollowUp): AdaptiveCard {
  return adaptiveCard(
    [
      paragraph(
        `👋 A reminder from ${plain(message.authorName)}: please read this announcement and let them know you've seen it.`,
      ),
      paragraph(plain(message.text), { separator: true }),
    ],
    [acknowledgeAction(message.announcementId)],
  );
}

/** The Action.Submit that makes Teams open the announcement dialog (task/fetch). */
export function openAnnounceFormAction(options: { cycleId?: string; title?: string } = {}): CardElement {
  return {
    type: "Action.Submit",
    title: options.title ?? "Write an announcement",
    style: "positive",
    data: {
      msteams: { type: "task/fetch" },
      action: ANNOUNCE_OPEN_ACTION,
      ...(options.cycleId ? { cycleId: options.cycleId } : {}),
    },
  };
}

export function announceStartCard(): AdaptiveCard {
  return adaptiveCard(
    [
      paragraph(
        "Post an announcement in team channels where Momentum is installed, optionally asking people to acknowledge it.",
      ),
      subtle('Type "announce status" later to see who has acknowledged it.'),
    ],
    [openAnnounceFormAction()],
  );
}

export function announcementStatusCard(status: AnnouncementStatus, channelNames: string[]): AdaptiveCard {
  const { announcement } = status;
  const body: CardElement[] = [
    heading(`Announcement by ${plain(announcement.authorName)}`),
    subtle(`Posted in ${listNames(channelNames.map(plain))}`),
    paragraph(plain(announcement.text.length > 280 ? `${announcement.text.slice(0, 279)}…` : announcement.text), {
      isSubtle: true,
    }),
  ];
  if (!announcement.withAck) {
    body.push(paragraph("It didn't ask people to acknowledge it, so there's nothing to track."));
    return adaptiveCard(body);
  }
  body.push(
    paragraph(`✅ ${status.acknowledged.length} of ${status.audienceCount} acknowledged it.`, { weight: "Bolder" }),
  );
  if (status.pending.length > 0) {
    const names = status.pending.slice(0, NAMES_SHOWN).map((person) => plain(person.name));
    const more = status.pending.length - names.length;
    body.push(
      paragraph(
        `Not yet (${status.pending.length}): ${more > 0 ? `${names.join(", ")} and ${more} more` : listNames(names)}`,
      ),
    );
  }
  const actions: CardElement[] = [];
  if (status.followUpCount > 0) {
    const people = `${status.followUpCount} ${status.followUpCount === 1 ? "person" : "people"}`;
    actions.push({
      type: "Action.Submit",
      title: `Send a reminder to ${people}`,
      data: { action: ANNOUNCE_FOLLOW_UP_ACTION, announcementId: announcement.id },
    });
  } else if (status.pending.length > 0) {
    body.push(subtle("Everyone who hasn't acknowledged has already had their one reminder."));
  }
  return adaptiveCard(body, actions);
}
