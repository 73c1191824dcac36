// `review`, `review status|nudge|close …` typed to the bot, and the review cards' plain submits (Launch, Share,
// Nudge). Everything answers the person who acted only; role checks are the domain's.
import { deliveryPromise } from "../../../domain/directory/reach.ts";
import { CardFactory, type TurnContext } from "botbuilder";
import { z } from "zod";
import { requireRole } from "../../../domain/people/person.ts";
import { closeReviewCycle } from "../../../domain/reviews/close-review-cycle.ts";
import { launchReviewCycle } from "../../../domain/reviews/launch-review-cycle.ts";
import { nudgePending, nudgePreview } from "../../../domain/reviews/nudge-pending.ts";
import { releaseReview } from "../../../domain/reviews/release-review.ts";
import { reviewStatus } from "../../../domain/reviews/review-status.ts";
import { AppError } from "../../../shared/errors.ts";
import type { AdaptiveCard } from "../cards/card.ts";
import { REVIEW_SHARE_ACTION } from "../cards/review-cards.ts";
import { REVIEW_CREATE_ACTION, REVIEW_LAUNCH_ACTION, REVIEW_NUDGE_CONFIRM_ACTION } from "../cards/review-forms.ts";
import { nudgePreviewCard, reviewNoticeCard, reviewStatusCard } from "../cards/review-status-cards.ts";
import { openAnnounceFormAction } from "../cards/announce-cards.ts";
import { adaptiveCard, paragraph, plain } from "../cards/card.ts";
import { identifyActor } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { oncePerActivity } from "./once-per-activity.ts";
import { replyPrivately } from "./tell-actor.ts";

export const REVIEW_CARD_ACTIONS = new Set([REVIEW_LAUNCH_ACTION, REVIEW_SHARE_ACTION, REVIEW_NUDGE_CONFIRM_ACTION]);
const OPEN_A_CHAT =
  "Reviews are private, so I answer them in our personal chat. Open a chat with Momentum (Apps → Momentum) and type it there.";
const USAGE = "Try: review (HR: new cycle) · review status [cycle] · review nudge [cycle] · review close CYCLE";

async function answer(deps: TeamsHandlerDeps, context: TurnContext, card: AdaptiveCard): Promise<void> {
  await replyPrivately(deps, context, { attachments: [CardFactory.adaptiveCard(card)] }, OPEN_A_CHAT);
}

export async function handleReviewCommand(deps: TeamsHandlerDeps, context: TurnContext, rest: string): Promise<void> {
  const [verb = "", ...words] = rest.split(" ");
  const cycle = words.join(" ").trim() || undefined;
  const actor = await identifyActor(deps.domain, context);
  switch (verb.toLowerCase()) {
    case "":
      requireRole(actor, "hr", "create a review cycle");
      return answer(
        deps,
        context,
        adaptiveCard(
          [paragraph("Create a review cycle: who takes part, the due dates and the questions.")],
          [
            {
              type: "Action.Submit",
              title: "New review cycle",
              style: "positive",
              data: { msteams: { type: "task/fetch" }, action: REVIEW_CREATE_ACTION },
            },
          ],
        ),
      );
    case "status":
      return answer(
        deps,
        context,
        reviewStatusCard(await reviewStatus(deps.domain, { actorId: actor.id, cycleId: cycle })),
      );
    case "nudge":
      return answer(
        deps,
        context,
        nudgePreviewCard(await nudgePreview(deps.domain, { actorId: actor.id, cycleId: cycle })),
      );
    case "close": {
      if (!cycle) throw new AppError("VALIDATION", "Which cycle should be closed? Try: review close H2 2026");
      const outcome = await oncePerActivity(deps, context, (domain) =>
        closeReviewCycle(domain, { actorId: actor.id, cycleId: cycle }),
      );
      if (!outcome.done) return;
      const closed = outcome.result;
      deps.kickDeliveries();
      return answer(
        deps,
        context,
        reviewNoticeCard(
          `${closed.name} is closed. ${closed.readyToShare} manager reviews are ready for their manager to share; ${closed.unfinished} were left unfinished.`,
        ),
      );
    }
    default:
      return answer(deps, context, reviewNoticeCard(USAGE));
  }
}

const CardSubmit = z.object({
  action: z.string(),
  cycleId: z.string().max(200).optional(),
  reviewId: z.string().max(64).optional(),
  runId: z.string().max(64).optional(),
});

export async function handleReviewCardSubmit(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const parsed = CardSubmit.safeParse(context.activity.value);
  if (!parsed.success) throw new AppError("VALIDATION", "That button couldn't be read. Please try again.");
  const { action, cycleId = "", reviewId = "", runId = "" } = parsed.data;
  const actor = await identifyActor(deps.domain, context);
  if (action === REVIEW_LAUNCH_ACTION) {
    const outcome = await oncePerActivity(deps, context, (domain) =>
      launchReviewCycle(domain, { actorId: actor.id, cycleId }),
    );
    if (!outcome.done) return;
    const launched = outcome.result;
    deps.kickDeliveries();
    const promise = deliveryPromise({
      total: launched.selfReviews,
      unreachable: launched.unreachable,
      what: "taking part",
    });
    const launchedText = `${launched.name} is launched: ${launched.selfReviews} self-reviews and ${launched.managerReviews} manager reviews. ${promise}`;
    // HR usually wants to tell everyone: the button opens the announcement dialog filled with the cycle's own words.
    return answer(
      deps,
      context,
      adaptiveCard(
        [paragraph(plain(launchedText))],
        [openAnnounceFormAction({ cycleId: launched.cycleId, title: "Announce this cycle" })],
      ),
    );
  }
  if (action === REVIEW_SHARE_ACTION) {
    const outcome = await oncePerActivity(deps, context, (domain) =>
      releaseReview(domain, { actorId: actor.id, reviewId }),
    );
    if (!outcome.done) return;
    const released = outcome.result;
    deps.kickDeliveries();
    return answer(
      deps,
      context,
      reviewNoticeCard(
        released.releasedNow
          ? `Shared with ${released.subjectName}. They can read it now.`
          : `You already shared this review with ${released.subjectName}.`,
      ),
    );
  }
  const outcome = await oncePerActivity(deps, context, (domain) =>
    nudgePending(domain, { actorId: actor.id, cycleId, runId }),
  );
  if (!outcome.done) return;
  const result = outcome.result;
  deps.kickDeliveries();
  return answer(
    deps,
    context,
    reviewNoticeCard(
      result.queued === 0
        ? "Those people were already nudged from this preview: nobody gets it twice."
        : `Nudged ${result.queued} people about ${result.cycleName}.`,
    ),
  );
}
