// The "give feedback" modal (`/feedback` alone) and the "answer a feedback request" modal. Choosing a recipient
// updates the give modal with who will see it; block and action ids are exported for the submission parsers.
import type { ContextBlock, InputBlock, KnownBlock, ModalView, PlainTextOption, SectionBlock } from "@slack/types";
import { FEEDBACK_MAX_LENGTH, type FeedbackAudience } from "../../../domain/feedback/feedback.schemas.ts";
import type { FeedbackAskView } from "../../../domain/feedback/get-feedback-ask.ts";
import type { FeedbackPreview } from "../../../domain/feedback/preview-feedback.ts";
import { context, escapeMrkdwn, joinNames, plain, section } from "./text.ts";

export const FEEDBACK_MODAL_CALLBACK = "feedback_modal";
export const FEEDBACK_ANSWER_CALLBACK = "feedback_answer_modal";
export const FEEDBACK_BLOCKS = {
  recipient: "feedback_recipient",
  text: "feedback_text",
  audience: "feedback_audience",
  whoSees: "feedback_who_sees",
  answer: "feedback_answer_text",
} as const;
export const FEEDBACK_FIELDS = {
  recipient: "feedback_recipient_pick",
  text: "text",
  audience: "audience",
  answer: "answer",
} as const;

/** Who will see it, once a recipient is chosen: the audience labels name the real people. */
export interface GiveModalState {
  preview?: FeedbackPreview;
  /** Why the chosen person can't receive feedback (yourself, a bot, someone inactive). */
  problem?: string;
}

export function giveFeedbackModal(state: GiveModalState = {}): ModalView {
  const preview = state.preview;
  const recipient = preview?.recipient.name;
  const canShare = !preview || (preview.manager !== null && !preview.manager.isGiver);
  const onlyThem: PlainTextOption = {
    text: plain(recipient ? `Only ${recipient}` : "Only them", 75),
    value: "recipient" satisfies FeedbackAudience,
  };
  const shared: PlainTextOption = {
    text: plain(
      preview?.manager ? `${recipient} and their manager ${preview.manager.name}` : "Them and their manager",
      75,
    ),
    value: "recipient_and_manager" satisfies FeedbackAudience,
  };
  const blocks: KnownBlock[] = [
    {
      type: "input",
      block_id: FEEDBACK_BLOCKS.recipient,
      dispatch_action: true,
      label: plain("Who is it for?"),
      element: { type: "users_select", action_id: FEEDBACK_FIELDS.recipient, placeholder: plain("Choose a person") },
    } satisfies InputBlock,
    {
      type: "input",
      block_id: FEEDBACK_BLOCKS.text,
      label: plain("Your feedback"),
      element: {
        type: "plain_text_input",
        action_id: FEEDBACK_FIELDS.text,
        multiline: true,
        max_length: FEEDBACK_MAX_LENGTH,
        placeholder: plain("What went well, and what could be even better?"),
      },
    } satisfies InputBlock,
    {
      type: "input",
      block_id: FEEDBACK_BLOCKS.audience,
      label: plain("Who can see it?"),
      element: {
        type: "radio_buttons",
        action_id: FEEDBACK_FIELDS.audience,
        initial_option: onlyThem,
        options: canShare ? [onlyThem, shared] : [onlyThem],
      },
    } satisfies InputBlock,
    whoSeesBlock(preview, state.problem),
  ];
  return {
    type: "modal",
    callback_id: FEEDBACK_MODAL_CALLBACK,
    title: plain("Give feedback", 24),
    submit: plain("Send privately", 24),
    close: plain("Cancel", 24),
    blocks,
  };
}

function whoSeesBlock(preview: FeedbackPreview | undefined, problem: string | undefined): ContextBlock {
  const block = (text: string): ContextBlock => ({ ...context(text), block_id: FEEDBACK_BLOCKS.whoSees });
  if (problem) return block(`:warning: ${escapeMrkdwn(problem)}`);
  if (!preview) return block(":lock: Feedback is private: choose a person to see exactly who will read it.");
  const lines =
    preview.manager && !preview.manager.isGiver
      ? [preview.summaries.recipient, preview.summaries.recipient_and_manager]
      : [preview.manager ? preview.summaries.recipient : preview.summaries.recipient_and_manager];
  return block(`:lock: ${lines.map(escapeMrkdwn).join(" Or: ")}`);
}

export function answerFeedbackModal(ask: FeedbackAskView): ModalView {
  const subject = escapeMrkdwn(ask.subjectName);
  const question: SectionBlock = ask.aboutRequester
    ? section(`*${escapeMrkdwn(ask.requesterName)}* would like your feedback about _${escapeMrkdwn(ask.topic)}_.`)
    : section(
        `*${escapeMrkdwn(ask.requesterName)}* would like your feedback on *${subject}* about _${escapeMrkdwn(ask.topic)}_.`,
      );
  return {
    type: "modal",
    callback_id: FEEDBACK_ANSWER_CALLBACK,
    title: plain("Answer feedback request", 24),
    submit: plain("Send answer", 24),
    close: plain("Cancel", 24),
    private_metadata: JSON.stringify({ askId: ask.askId }),
    blocks: [
      question,
      {
        type: "input",
        block_id: FEEDBACK_BLOCKS.answer,
        label: plain("Your feedback"),
        element: {
          type: "plain_text_input",
          action_id: FEEDBACK_FIELDS.answer,
          multiline: true,
          max_length: FEEDBACK_MAX_LENGTH,
        },
      },
      context(
        `:lock: Your answer goes to ${escapeMrkdwn(joinNames(ask.readerNames))} only. It can't be changed after you send it.`,
      ),
    ],
  };
}
