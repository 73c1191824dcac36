// Private feedback on Teams: the DM with the feedback (to its recipient or the one person it was shared with),
// the request DM ("Answer" opens a dialog, "Decline"), the giver's preview with one send button per audience,
// and the list of feedback the person may read. Pure builders: data in, card out.
import type { OutboundMessage } from "../../../domain/notifications/messages.ts";
import type { FeedbackListItem } from "../../../domain/feedback/list-feedback-for-me.ts";
import type { FeedbackPreview } from "../../../domain/feedback/preview-feedback.ts";
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

export const FEEDBACK_CARD_ACTIONS = {
  send: "feedback_send",
  cancel: "feedback_cancel",
  answer: "feedback_answer",
  decline: "feedback_decline",
} as const;

type FeedbackReceived = Extract<OutboundMessage, { type: "feedback.received" }>;
type FeedbackRequested = Extract<OutboundMessage, { type: "feedback.requested" }>;

function receivedHeadline(message: FeedbackReceived): string {
  const giver = plain(message.giverName);
  const topic = message.topic ? plain(message.topic) : "";
  if (message.reader === "recipient")
    return message.topic
      ? `🔒 ${giver} answered the request for feedback about "${topic}"`
      : `🔒 ${giver} sent you private feedback`;
  const recipient = plain(message.recipientName);
  if (message.sharedReason === "requester")
    return `🔒 ${giver} answered your request for feedback on ${recipient} about "${topic}"`;
  return message.topic
    ? `🔒 ${giver} answered a request for feedback on ${recipient} about "${topic}", shared with you as their manager`
    : `🔒 ${giver} gave ${recipient} feedback and shared it with you as their manager`;
}

function receivedWhoCanSee(message: FeedbackReceived): string {
  if (message.reader === "shared") return `Only ${plain(message.recipientName)} and you can see this.`;
  if (!message.sharedWithName) return "Only you can see this.";
  const other = plain(message.sharedWithName);
  return message.sharedReason === "requester"
    ? `You and ${other} (who asked for it) can see this.`
    : `You and your manager ${other} can see this.`;
}

export function feedbackReceivedCard(message: FeedbackReceived): AdaptiveCard {
  return adaptiveCard([
    heading(receivedHeadline(message)),
    paragraph(plain(message.text)),
    subtle(receivedWhoCanSee(message)),
  ]);
}

/** The Action.Submit that makes Teams open the answer dialog (a `task/fetch` invoke) for one ask. */
export function openAnswerDialogAction(askId: string): CardElement {
  return {
    type: "Action.Submit",
    title: "Answer",
    style: "positive",
    data: { msteams: { type: "task/fetch" }, action: FEEDBACK_CARD_ACTIONS.answer, askId },
  };
}

export function feedbackRequestedCard(message: FeedbackRequested): AdaptiveCard {
  const requester = plain(message.requesterName);
  const ask = message.aboutRequester
    ? `💬 ${requester} would like your feedback about "${plain(message.topic)}".`
    : `💬 ${requester} would like your feedback on ${plain(message.subjectName)} about "${plain(message.topic)}".`;
  return adaptiveCard(
    [
      paragraph(ask, { weight: "Bolder" }),
      subtle(`🔒 Your answer goes to ${plain(listNames(message.readerNames))} only. You can answer once.`),
    ],
    [
      openAnswerDialogAction(message.askId),
      {
        type: "Action.Submit",
        title: "Decline",
        data: { action: FEEDBACK_CARD_ACTIONS.decline, askId: message.askId },
      },
    ],
  );
}

export function feedbackPreviewCard(view: { draftId: string; text: string; preview: FeedbackPreview }): AdaptiveCard {
  const { preview, draftId } = view;
  const recipient = preview.recipient.name;
  // A manager giving feedback to their own report already has it: sharing with themselves adds nothing.
  const canShare = preview.manager !== null && !preview.manager.isGiver;
  const onlyLabel = `Send to ${recipient} only`;
  const sharedLabel = canShare ? `Send to ${recipient} and ${preview.manager!.name}` : "";
  const who = canShare
    ? [`${onlyLabel}: ${preview.summaries.recipient}`, `${sharedLabel}: ${preview.summaries.recipient_and_manager}`]
    : [preview.manager ? preview.summaries.recipient : preview.summaries.recipient_and_manager];
  const send = (title: string, audience: string): CardElement => ({
    type: "Action.Submit",
    title,
    data: { action: FEEDBACK_CARD_ACTIONS.send, draftId, audience },
  });
  return adaptiveCard(
    [
      heading(`👀 Preview of your private feedback for ${plain(recipient)}`),
      paragraph(plain(view.text)),
      paragraph("**Who will see it**"),
      ...who.map((line) => paragraph(`• ${plain(line)}`)),
      subtle(
        "Only you can see this preview. Nothing is sent until you choose; the draft is deleted when you send or cancel it, or after 30 minutes.",
      ),
    ],
    [
      { ...send(onlyLabel, "recipient"), style: "positive" },
      ...(canShare ? [send(sharedLabel, "recipient_and_manager")] : []),
      { type: "Action.Submit", title: "Cancel", data: { action: FEEDBACK_CARD_ACTIONS.cancel, draftId } },
    ],
  );
}

function listLabel(item: FeedbackListItem, timeZone: string): string {
  const giver = plain(item.giverName ?? "Someone who has left");
  const date = item.createdAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone });
  const topic = item.topic ? ` about "${plain(item.topic)}"` : "";
  if (item.reason === "to-you") return `${giver}${topic}, ${date}`;
  const why = item.reason === "you-asked" ? "you asked for it" : "shared with you as their manager";
  return `${giver} → ${plain(item.recipientName)}${topic}, ${date} · ${why}`;
}

export function feedbackListCard(view: { items: FeedbackListItem[]; timeZone: string }): AdaptiveCard {
  if (view.items.length === 0)
    return adaptiveCard([
      paragraph(
        "🔒 No feedback for you yet. When someone sends you feedback, it shows up here, and only you see this list.",
      ),
    ]);
  return adaptiveCard([
    heading(`🔒 Feedback you can read (latest ${view.items.length})`),
    subtle("Only you see this list."),
    ...view.items.flatMap((item): CardElement[] => [
      {
        type: "TextBlock",
        text: listLabel(item, view.timeZone),
        wrap: true,
        weight: "Bolder",
        separator: true,
        spacing: "Medium",
      },
      paragraph(plain(item.text)),
    ]),
  ]);
}

export const FEEDBACK_USAGE = [
  "feedback @Bob what went well and what could be better: preview who will see it, then send",
  "feedback request @Alice @Carol about the launch: ask people for feedback on you",
  "feedback request for @Report @Alice about the launch: managers, ask about a direct report",
  "feedback list: the feedback you can read",
];

export function feedbackHelpCard(problem?: string): AdaptiveCard {
  return adaptiveCard([
    ...(problem ? [paragraph(plain(problem), { color: "Attention", weight: "Bolder" })] : []),
    heading("Private feedback"),
    ...FEEDBACK_USAGE.map((line) => paragraph(`• ${plain(line)}`)),
    subtle("Feedback is private: in a channel, I answer in our personal chat, and the channel never sees it."),
  ]);
}
