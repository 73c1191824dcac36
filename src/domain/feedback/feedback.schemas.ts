import { z } from "zod";
import { freeText } from "../text.schemas.ts";

export const FEEDBACK_MAX_LENGTH = 2000;
export const FEEDBACK_TOPIC_MAX_LENGTH = 200;
export const FEEDBACK_MAX_ASKED = 10;

export const FEEDBACK_AUDIENCES = ["recipient", "recipient_and_manager"] as const;
export const FeedbackAudience = z.enum(FEEDBACK_AUDIENCES, {
  error: "Choose who will see it: only them, or them and their manager.",
});
export type FeedbackAudience = z.infer<typeof FeedbackAudience>;

const id = z.string().min(1).max(100);

export const FeedbackText = freeText(
  z
    .string()
    .trim()
    .min(1, "Write the feedback you want to give.")
    .max(FEEDBACK_MAX_LENGTH, `Feedback can be at most ${FEEDBACK_MAX_LENGTH} characters: please shorten it.`),
  "Write the feedback you want to give.",
);

export const FeedbackTopic = freeText(
  z
    .string()
    .trim()
    .min(1, "Say what the feedback is about, e.g. `about the launch`.")
    .max(FEEDBACK_TOPIC_MAX_LENGTH, `The topic can be at most ${FEEDBACK_TOPIC_MAX_LENGTH} characters.`),
  "Say what the feedback is about, e.g. `about the launch`.",
);

/** Idempotency key of the request that sends something (a draft id, a Slack view id, a Teams activity id). */
const RequestKey = z.string().min(1).max(300);

export const PreviewFeedbackInput = z.object({
  giverId: id,
  recipientId: id,
  audience: FeedbackAudience.default("recipient"),
});
export type PreviewFeedbackOptions = z.input<typeof PreviewFeedbackInput>;

export const GiveFeedbackInput = z.object({
  giverId: id,
  recipientId: id,
  text: FeedbackText,
  audience: FeedbackAudience,
  requestKey: RequestKey,
  askId: id.optional(),
});
export type GiveFeedbackOptions = z.input<typeof GiveFeedbackInput>;

export const SaveFeedbackDraftInput = z.object({ giverId: id, recipientId: id, text: FeedbackText });
export type SaveFeedbackDraftOptions = z.input<typeof SaveFeedbackDraftInput>;

export const SendFeedbackDraftInput = z.object({ draftId: id, giverId: id, audience: FeedbackAudience });
export type SendFeedbackDraftOptions = z.input<typeof SendFeedbackDraftInput>;

export const CancelFeedbackDraftInput = z.object({ draftId: id, giverId: id });
export type CancelFeedbackDraftOptions = z.input<typeof CancelFeedbackDraftInput>;

export const RequestFeedbackInput = z.object({
  requesterId: id,
  subjectId: id,
  askedIds: z
    .array(id)
    .min(1, "Mention the people you'd like feedback from, e.g. `@alice @bob about the launch`.")
    .max(FEEDBACK_MAX_ASKED, `You can ask at most ${FEEDBACK_MAX_ASKED} people at once.`),
  topic: FeedbackTopic,
  audience: FeedbackAudience.default("recipient"),
  requestKey: RequestKey,
});
export type RequestFeedbackOptions = z.input<typeof RequestFeedbackInput>;

export const FeedbackAskInput = z.object({ askId: id, personId: id });
export type FeedbackAskOptions = z.input<typeof FeedbackAskInput>;

export const AnswerFeedbackRequestInput = z.object({ askId: id, answererId: id, text: FeedbackText });
export type AnswerFeedbackRequestOptions = z.input<typeof AnswerFeedbackRequestInput>;

export const DeclineFeedbackRequestInput = z.object({ askId: id, answererId: id });
export type DeclineFeedbackRequestOptions = z.input<typeof DeclineFeedbackRequestInput>;

export const ListFeedbackInput = z.object({ personId: id, limit: z.number().int().min(1).max(50).default(10) });
export type ListFeedbackOptions = z.input<typeof ListFeedbackInput>;
