// Reading the two feedback modals, and the shared way to answer a submission: within the interaction budget a
// refusal shows inline next to the field (nothing stored, everything typed kept); past it the modal closes and
// the outcome reaches the person as a DM from Momentum (never the feedback text).
import type { AckFn, ViewResponseAction } from "@slack/bolt";
import { z } from "zod";
import { FeedbackAudience, FeedbackText } from "../../../../domain/feedback/feedback.schemas.ts";
import { AppError, userMessageFor } from "../../../../shared/errors.ts";
import { logError, logWarning } from "../../../../shared/log-error.ts";
import { FEEDBACK_BLOCKS, FEEDBACK_FIELDS } from "../../views/feedback-modals.ts";
import type { SlackMessage } from "../../views/text.ts";
import { escapeUserMessage } from "../../views/text.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { within } from "../within-budget.ts";

const FieldState = z.object({
  value: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
});

export const FeedbackViewSubmission = z.object({
  team: z.object({ id: z.string().min(1) }).nullish(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  view: z.object({
    id: z.string().min(1),
    private_metadata: z.string().max(3000).default(""),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), FieldState)) }),
  }),
});
export type FeedbackViewSubmission = z.infer<typeof FeedbackViewSubmission>;

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

export interface GiveSubmission {
  recipientUserId: string;
  text: string;
  audience: FeedbackAudience;
}

export function parseGiveSubmission(payload: FeedbackViewSubmission): Parsed<GiveSubmission> {
  const values = payload.view.state.values;
  const recipientUserId = values[FEEDBACK_BLOCKS.recipient]?.[FEEDBACK_FIELDS.recipient]?.selected_user ?? "";
  const text = FeedbackText.safeParse(values[FEEDBACK_BLOCKS.text]?.[FEEDBACK_FIELDS.text]?.value ?? "");
  const audience = FeedbackAudience.safeParse(
    values[FEEDBACK_BLOCKS.audience]?.[FEEDBACK_FIELDS.audience]?.selected_option?.value ?? "recipient",
  );
  const errors: Record<string, string> = {};
  if (!recipientUserId) errors[FEEDBACK_BLOCKS.recipient] = "Choose who the feedback is for.";
  else if (recipientUserId === payload.user.id)
    errors[FEEDBACK_BLOCKS.recipient] = "Feedback is for someone else: you can't give feedback to yourself.";
  if (!text.success) errors[FEEDBACK_BLOCKS.text] = text.error.issues[0].message;
  if (!audience.success) errors[FEEDBACK_BLOCKS.audience] = audience.error.issues[0].message;
  if (!text.success || !audience.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { recipientUserId, text: text.data, audience: audience.data } };
}

export function parseAnswerSubmission(payload: FeedbackViewSubmission): Parsed<{ askId: string; text: string }> {
  const text = FeedbackText.safeParse(
    payload.view.state.values[FEEDBACK_BLOCKS.answer]?.[FEEDBACK_FIELDS.answer]?.value ?? "",
  );
  const askId = readAskId(payload.view.private_metadata);
  if (!askId)
    return {
      ok: false,
      errors: { [FEEDBACK_BLOCKS.answer]: "This form couldn't be read. Please click Answer on the request again." },
    };
  if (!text.success) return { ok: false, errors: { [FEEDBACK_BLOCKS.answer]: text.error.issues[0].message } };
  return { ok: true, value: { askId, text: text.data } };
}

function readAskId(metadata: string): string | null {
  try {
    const askId = (JSON.parse(metadata) as { askId?: unknown }).askId;
    return typeof askId === "string" && askId.length > 0 && askId.length <= 100 ? askId : null;
  } catch {
    return null;
  }
}

/** A refusal that belongs next to a particular field of the modal. */
export class FieldRefusal extends AppError {
  constructor(
    readonly blockId: string,
    cause: AppError,
  ) {
    super(cause.code, cause.userMessage);
  }
}

type Outcome<T> = { ok: true; result: T } | { ok: false; error: unknown };

/**
 * Runs `work` for a submission. Within budget: a refusal shows inline on `defaultBlock` (or the FieldRefusal's
 * block), success closes the modal and `confirm` is sent as a DM. Past budget: the modal closes, then the DM
 * says how it went.
 */
export async function submitWithinBudget<T>(
  deps: SlackListenerDeps,
  options: {
    ack: AckFn<ViewResponseAction>;
    userId: string;
    defaultBlock: string;
    what: string;
    work: Promise<T>;
    confirm: (result: T) => SlackMessage | null;
  },
): Promise<void> {
  const outcome: Promise<Outcome<T>> = deps.inFlight.track(
    options.work.then(
      (result): Outcome<T> => ({ ok: true, result }),
      (error: unknown): Outcome<T> => ({ ok: false, error }),
    ),
  );
  const early = await within(outcome, deps.interactionBudgetMs);
  if (early && !early.ok) {
    logError(deps.logger, early.error, `${options.what} failed`);
    const blockId = early.error instanceof FieldRefusal ? early.error.blockId : options.defaultBlock;
    await options.ack({ response_action: "errors", errors: { [blockId]: userMessageFor(early.error) } });
    return;
  }
  await options.ack();
  const settled = early ?? (await outcome);
  if (!settled.ok) logError(deps.logger, settled.error, `${options.what} failed`);
  const message = settled.ok
    ? options.confirm(settled.result)
    : { text: escapeUserMessage(userMessageFor(settled.error)), blocks: [] };
  if (!message) return;
  try {
    // Posting to a user id lands in the app's DM with them.
    await deps.client.chat.postMessage({
      channel: options.userId,
      text: message.text,
      ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}),
    });
  } catch (error) {
    logWarning(deps.logger, error, `could not confirm the ${options.what}`);
  }
}
