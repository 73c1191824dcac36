// The buttons of review DMs and replies. Each acknowledges first, then acts for the person who clicked: the
// domain decides whether they may (a replayed payload from someone else opens nothing and changes nothing).
import type { App, BlockButtonAction, RespondFn } from "@slack/bolt";
import { getReviewForm } from "../../../../domain/reviews/get-review-form.ts";
import { launchReviewCycle } from "../../../../domain/reviews/launch-review-cycle.ts";
import { nudgePending } from "../../../../domain/reviews/nudge-pending.ts";
import { readReview } from "../../../../domain/reviews/read-review.ts";
import { releaseReview } from "../../../../domain/reviews/release-review.ts";
import { AppError } from "../../../../shared/errors.ts";
import { identifyActor } from "../../slack-people.ts";
import { REVIEW_OPEN_ACTION_PATTERN, REVIEW_READ_ACTION, REVIEW_SHARE_ACTION } from "../../views/review-messages.ts";
import { readReviewModal, reviewFormModal } from "../../views/review-modals.ts";
import {
  nudgedMessage,
  REVIEW_LAUNCH_ACTION,
  REVIEW_NUDGE_CONFIRM_ACTION,
  reviewLaunchedMessage,
} from "../../views/review-replies.ts";
import { section } from "../../views/text.ts";
import { slackErrorCode } from "../../web-client.ts";
import { ephemeralReply, replyWithError, type Reply } from "../ephemeral-reply.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { BlockActionPayload } from "../payloads.ts";

interface Click {
  personId: string;
  value: string;
  triggerId: string;
  reply: Reply;
}

type Handler = (deps: SlackListenerDeps, click: Click) => Promise<void>;

const HANDLERS: [string | RegExp, string, Handler][] = [
  [
    REVIEW_OPEN_ACTION_PATTERN,
    "Open review",
    async (deps, click) =>
      openModal(
        deps,
        click.triggerId,
        reviewFormModal(await getReviewForm(deps.domain, { actorId: click.personId, reviewId: click.value })),
      ),
  ],
  [
    REVIEW_READ_ACTION,
    "Read my review",
    async (deps, click) =>
      openModal(
        deps,
        click.triggerId,
        readReviewModal(await readReview(deps.domain, { actorId: click.personId, reviewId: click.value })),
      ),
  ],
  [
    REVIEW_SHARE_ACTION,
    "Share review",
    async (deps, click) => {
      const result = await releaseReview(deps.domain, { actorId: click.personId, reviewId: click.value });
      deps.kickDeliveries();
      const text = result.releasedNow
        ? `:white_check_mark: Shared with ${result.subjectName}. They can read it now.`
        : `You already shared this review with ${result.subjectName}.`;
      await click.reply({ text, blocks: [section(text)] });
    },
  ],
  [
    REVIEW_LAUNCH_ACTION,
    "Launch review cycle",
    async (deps, click) => {
      const launched = await launchReviewCycle(deps.domain, { actorId: click.personId, cycleId: click.value });
      deps.kickDeliveries();
      await click.reply(reviewLaunchedMessage(launched));
    },
  ],
  [
    REVIEW_NUDGE_CONFIRM_ACTION,
    "Nudge",
    async (deps, click) => {
      const [cycleId = "", runId = ""] = click.value.split("|");
      const result = await nudgePending(deps.domain, { actorId: click.personId, cycleId, runId });
      deps.kickDeliveries();
      await click.reply(nudgedMessage(result));
    },
  ],
];

export function registerReviewButtons(app: App, deps: SlackListenerDeps): void {
  for (const [actionId, what, handler] of HANDLERS) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, respond }) => {
      await ack();
      await deps.inFlight.track(handleClick(deps, body, respond, what, handler));
    });
  }
}

async function handleClick(
  deps: SlackListenerDeps,
  body: unknown,
  respond: RespondFn,
  what: string,
  handler: Handler,
): Promise<void> {
  const reply = ephemeralReply(respond);
  try {
    const parsed = BlockActionPayload.safeParse(body);
    if (!parsed.success)
      throw new AppError("VALIDATION", "Slack sent a click Momentum couldn't read. Please try again.");
    const click = parsed.data;
    const actor = await identifyActor(
      deps.domain,
      deps.directory,
      click.team?.id ?? click.user.team_id ?? "",
      click.user.id,
    );
    await handler(deps, {
      personId: actor.id,
      value: click.actions[0]?.value ?? "",
      triggerId: click.trigger_id,
      reply,
    });
  } catch (error) {
    await replyWithError(reply, deps.logger, error, what);
  }
}

async function openModal(
  deps: SlackListenerDeps,
  triggerId: string,
  view: Parameters<SlackListenerDeps["client"]["views"]["open"]>[0]["view"],
): Promise<void> {
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
