// The review form. "Save" with "This is final" unticked saves a draft; ticked, it submits (every question must be
// answered: each missing one is marked inline and everything typed stays). Closing the modal (Slack's view_closed,
// asked for with notify_on_close) saves a draft too, so closing the form loses nothing.
import type { App } from "@slack/bolt";
import { ReviewValidationError } from "../../../../domain/reviews/review-validation-error.ts";
import { saveReviewDraft } from "../../../../domain/reviews/save-review-draft.ts";
import { submitReview } from "../../../../domain/reviews/submit-review.ts";
import { userMessageFor } from "../../../../shared/errors.ts";
import { logError, logWarning } from "../../../../shared/log-error.ts";
import { identifyActor } from "../../slack-people.ts";
import {
  questionBlockId,
  readReviewFormMetadata,
  REVIEW_FINAL_BLOCK,
  REVIEW_FINAL_VALUE,
  REVIEW_FORM_CALLBACK,
} from "../../views/review-modals.ts";
import { reviewSavedMessage } from "../../views/review-replies.ts";
import type { SlackMessage } from "../../views/text.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { ReviewViewPayload, teamIdOf } from "./review-view-payload.ts";

interface ReadForm {
  reviewId: string;
  final: boolean;
  answers: Record<string, string>;
}

function readForm(payload: ReviewViewPayload): ReadForm | null {
  const metadata = readReviewFormMetadata(payload.view.private_metadata);
  if (!metadata) return null;
  const answers: Record<string, string> = {};
  let final = false;
  for (const [blockId, elements] of Object.entries(payload.view.state.values)) {
    const state = Object.values(elements)[0];
    if (blockId === REVIEW_FINAL_BLOCK) {
      final = (state?.selected_options ?? []).some((option) => option.value === REVIEW_FINAL_VALUE);
      continue;
    }
    const match = /^review_(q\d{1,3})$/.exec(blockId);
    if (!match || !state) continue;
    const value = state.selected_option?.value ?? state.value;
    if (typeof value === "string") answers[match[1]] = value;
  }
  return { reviewId: metadata.reviewId, final, answers };
}

export function registerReviewFormSubmission(app: App, deps: SlackListenerDeps): void {
  app.view({ callback_id: REVIEW_FORM_CALLBACK, type: "view_submission" }, async ({ ack, body }) => {
    const payload = ReviewViewPayload.safeParse(body);
    const form = payload.success ? readForm(payload.data) : null;
    if (!payload.success || !form) {
      await ack({
        response_action: "errors",
        errors: { [REVIEW_FINAL_BLOCK]: "Slack sent a form Momentum couldn't read. Please try again." },
      });
      return;
    }
    try {
      const actor = await identifyActor(deps.domain, deps.directory, teamIdOf(payload.data), payload.data.user.id);
      const input = { actorId: actor.id, reviewId: form.reviewId, answers: form.answers };
      let message: SlackMessage;
      if (form.final) {
        const submitted = await submitReview(deps.domain, input);
        message = reviewSavedMessage({
          reviewId: submitted.reviewId,
          kind: submitted.kind,
          subjectName: submitted.subjectName,
          final: true,
          managerAsked: submitted.managerAsked,
        });
        deps.kickDeliveries();
      } else {
        const saved = await saveReviewDraft(deps.domain, input);
        message = reviewSavedMessage({ ...saved, final: false });
      }
      await ack();
      await deps.inFlight.track(tellAuthor(deps, payload.data.user.id, message));
    } catch (error) {
      logError(deps.logger, error, "review form submission failed");
      await ack({ response_action: "errors", errors: inlineErrors(error) });
    }
  });

  app.view({ callback_id: REVIEW_FORM_CALLBACK, type: "view_closed" }, async ({ ack, body }) => {
    await ack();
    const payload = ReviewViewPayload.safeParse(body);
    const form = payload.success ? readForm(payload.data) : null;
    if (!payload.success || !form || Object.keys(form.answers).length === 0) return;
    await deps.inFlight.track(
      (async () => {
        try {
          const actor = await identifyActor(deps.domain, deps.directory, teamIdOf(payload.data), payload.data.user.id);
          await saveReviewDraft(deps.domain, { actorId: actor.id, reviewId: form.reviewId, answers: form.answers });
        } catch (error) {
          // A read-only form (submitted, closed cycle) has nothing to save; anything else is worth a log line.
          logError(deps.logger, error, "saving a closed review form failed");
        }
      })(),
    );
  });
}

function inlineErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ReviewValidationError)) return { [REVIEW_FINAL_BLOCK]: userMessageFor(error) };
  const errors: Record<string, string> = {};
  for (const [questionId, message] of Object.entries(error.fieldErrors)) errors[questionBlockId(questionId)] = message;
  return errors;
}

async function tellAuthor(deps: SlackListenerDeps, userId: string, message: SlackMessage): Promise<void> {
  try {
    await deps.client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks });
  } catch (error) {
    logWarning(deps.logger, error, "could not confirm a review to its author");
  }
}
