// `/review`: HR opens the "new review cycle" modal; `status`, `nudge` and `close` answer the person who typed it
// only. Role checks are the domain's: anyone without the role is told who can, and nothing happens.
import type { App, RespondFn } from "@slack/bolt";
import { DateTime } from "luxon";
import { closeReviewCycle } from "../../../../domain/reviews/close-review-cycle.ts";
import { nudgePreview } from "../../../../domain/reviews/nudge-pending.ts";
import { reviewStatus } from "../../../../domain/reviews/review-status.ts";
import { defaultReviewQuestions, questionsToText } from "../../../../domain/reviews/review.schemas.ts";
import { requireRole } from "../../../../domain/people/person.ts";
import { AppError } from "../../../../shared/errors.ts";
import { identifyActor } from "../../slack-people.ts";
import { reviewCycleModal } from "../../views/review-modals.ts";
import {
  nudgePreviewMessage,
  reviewClosedMessage,
  reviewHelpMessage,
  reviewStatusMessage,
} from "../../views/review-replies.ts";
import { slackErrorCode } from "../../web-client.ts";
import { ephemeralReply, replyWithError } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { SlashCommandPayload } from "../payloads.ts";
import { parseReviewCommand } from "./review-text.ts";

export const REVIEW_COMMAND = "/review";

export function registerReviewCommand(app: App, deps: SlackListenerDeps): void {
  app.command(REVIEW_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    await deps.inFlight.track(handleReviewCommand(deps, command, respond));
  });
}

async function handleReviewCommand(deps: SlackListenerDeps, raw: unknown, respond: RespondFn): Promise<void> {
  const reply = ephemeralReply(respond);
  try {
    const parsed = SlashCommandPayload.safeParse(raw);
    if (!parsed.success)
      throw new AppError("VALIDATION", "Slack sent a command Momentum couldn't read. Please try again.");
    const command = parsed.data;
    const action = parseReviewCommand(command.text);
    if (action.kind === "help") return void (await reply(reviewHelpMessage(action.problem)));
    const actor = await identifyActor(deps.domain, deps.directory, command.team_id, command.user_id);
    switch (action.kind) {
      case "create":
        requireRole(actor, "hr", "create a review cycle");
        await openCycleModal(deps, command.trigger_id);
        return;
      case "status":
        await reply(reviewStatusMessage(await reviewStatus(deps.domain, { actorId: actor.id, cycleId: action.cycle })));
        return;
      case "nudge":
        await reply(nudgePreviewMessage(await nudgePreview(deps.domain, { actorId: actor.id, cycleId: action.cycle })));
        return;
      case "close":
        await reply(
          reviewClosedMessage(await closeReviewCycle(deps.domain, { actorId: actor.id, cycleId: action.cycle })),
        );
        deps.kickDeliveries();
        return;
    }
  } catch (error) {
    await replyWithError(reply, deps.logger, error, "/review");
  }
}

async function openCycleModal(deps: SlackListenerDeps, triggerId: string): Promise<void> {
  const today = DateTime.fromJSDate(deps.domain.clock.now(), { zone: deps.domain.org.defaultTimeZone });
  const view = reviewCycleModal({
    questionsText: questionsToText(defaultReviewQuestions(deps.domain.org.kudosValues)),
    defaultSelfDue: today.plus({ weeks: 2 }).toISODate()!,
    defaultManagerDue: today.plus({ weeks: 3 }).toISODate()!,
  });
  try {
    await deps.client.views.open({ trigger_id: triggerId, view });
  } catch (error) {
    if (slackErrorCode(error) === "expired_trigger_id")
      throw new AppError(
        "UNAVAILABLE",
        "Slack took too long to open the form. Please try again.",
        "views.open: expired_trigger_id",
      );
    throw error;
  }
}
