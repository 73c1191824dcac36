// Review dialogs: HR's "new review cycle" form, the review form (self or manager) and "Read my review". Fetches
// load what the clicking person may see, whatever the card's data says; submits save a draft or submit, and a
// refused submit comes back with each problem next to its question and everything typed kept.
import { CardFactory, type TaskModuleResponse, type TurnContext } from "botbuilder";
import { DateTime } from "luxon";
import { z } from "zod";
import { findTeamsPerson, listKnownTeamsPeople } from "../../../domain/directory/teams-people.ts";
import { requireRole } from "../../../domain/people/person.ts";
import { createReviewCycle } from "../../../domain/reviews/create-review-cycle.ts";
import { getReviewForm } from "../../../domain/reviews/get-review-form.ts";
import { readReview } from "../../../domain/reviews/read-review.ts";
import { ReviewValidationError } from "../../../domain/reviews/review-validation-error.ts";
import {
  defaultReviewQuestions,
  questionsFromText,
  questionsToText,
  type Participants,
} from "../../../domain/reviews/review.schemas.ts";
import { saveReviewDraft } from "../../../domain/reviews/save-review-draft.ts";
import { submitReview } from "../../../domain/reviews/submit-review.ts";
import { AppError, userMessageFor } from "../../../shared/errors.ts";
import { tenantIdOf } from "../activity.ts";
import type { AdaptiveCard } from "../cards/card.ts";
import { REVIEW_OPEN_ACTION, REVIEW_READ_ACTION } from "../cards/review-cards.ts";
import {
  readReviewCard,
  REVIEW_CREATE_ACTION,
  REVIEW_CREATE_SUBMIT_ACTION,
  REVIEW_FORM_SUBMIT_ACTION,
  reviewCycleCreatedCard,
  reviewCycleFormCard,
  reviewFormCard,
  type PickerSuggestions,
  type ReviewCycleFormValues,
} from "../cards/review-forms.ts";
import { reviewNoticeCard } from "../cards/review-status-cards.ts";
import { identifyActor, identifyMember } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { replyPrivately } from "./tell-actor.ts";
import { logError } from "../../../shared/log-error.ts";

export const REVIEW_FETCH_ACTIONS = new Set([REVIEW_CREATE_ACTION, REVIEW_OPEN_ACTION, REVIEW_READ_ACTION]);
export const REVIEW_SUBMIT_ACTIONS = new Set([REVIEW_CREATE_SUBMIT_ACTION, REVIEW_FORM_SUBMIT_ACTION]);

const dialog = (title: string, card: AdaptiveCard): TaskModuleResponse => ({
  task: { type: "continue", value: { title, width: "large", height: "large", card: CardFactory.adaptiveCard(card) } },
});
const message = (text: string): TaskModuleResponse => ({ task: { type: "message", value: text } });
const text = z.string().max(20_000).optional().catch(undefined);

export async function fetchReviewDialog(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse> {
  const { action, reviewId = "" } = z
    .object({ action: z.string(), reviewId: text })
    .catch({ action: "", reviewId: "" })
    .parse(data);
  try {
    const actor = await identifyActor(deps.domain, context);
    if (action === REVIEW_CREATE_ACTION) {
      requireRole(actor, "hr", "create a review cycle");
      const today = DateTime.fromJSDate(deps.domain.clock.now(), { zone: deps.domain.org.defaultTimeZone });
      return dialog(
        "New review cycle",
        reviewCycleFormCard(
          {
            questions: questionsToText(defaultReviewQuestions(deps.domain.org.kudosValues)),
            selfDueDate: today.plus({ weeks: 2 }).toISODate()!,
            managerDueDate: today.plus({ weeks: 3 }).toISODate()!,
          },
          await pickerSuggestions(deps, context),
        ),
      );
    }
    if (action === REVIEW_READ_ACTION)
      return dialog("Your review", readReviewCard(await readReview(deps.domain, { actorId: actor.id, reviewId })));
    const form = await getReviewForm(deps.domain, { actorId: actor.id, reviewId });
    return dialog(form.kind === "self" ? "Self-review" : `Review ${form.subject.name}`, reviewFormCard(form));
  } catch (error) {
    logError(deps.logger, error, "review dialog fetch failed");
    return message(userMessageFor(error));
  }
}

export async function submitReviewDialog(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse | undefined> {
  const action = (data as { action?: unknown } | undefined)?.action;
  return action === REVIEW_CREATE_SUBMIT_ACTION
    ? submitCycleForm(deps, context, data)
    : submitReviewForm(deps, context, data);
}

const CycleForm = z.object({
  name: text,
  participants: text,
  manager: text,
  people: text,
  selfDueDate: text,
  managerDueDate: text,
  questions: text,
});

async function submitCycleForm(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse | undefined> {
  const values: ReviewCycleFormValues = CycleForm.catch({}).parse(data ?? {});
  try {
    const actor = await identifyActor(deps.domain, context);
    const ids = (raw: string | undefined) =>
      (raw ?? "")
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean);
    const kind = values.participants ?? "everyone";
    if (kind === "organisation" && ids(values.manager).length !== 1)
      throw new AppError("VALIDATION", "Pick the manager whose organisation takes part.");
    if (kind === "people" && ids(values.people).length === 0)
      throw new AppError("VALIDATION", "Pick at least one person to take part.");
    const personOf = async (aadObjectId: string) => {
      const known = await findTeamsPerson(deps.domain, { tenantId: tenantIdOf(context.activity), aadObjectId });
      return known?.id ?? (await identifyMember(deps.domain, context, { id: aadObjectId })).id;
    };
    const participants: Participants =
      kind === "organisation"
        ? { kind, managerId: await personOf(ids(values.manager)[0]) }
        : kind === "people"
          ? { kind, personIds: await Promise.all(ids(values.people).map(personOf)) }
          : { kind: "everyone" };
    const created = await createReviewCycle(deps.domain, {
      actorId: actor.id,
      name: values.name ?? "",
      participants,
      selfDueDate: values.selfDueDate ?? "",
      managerDueDate: values.managerDueDate ?? "",
      questions: questionsFromText(values.questions ?? ""),
    });
    await replyPrivately(
      deps,
      context,
      { attachments: [CardFactory.adaptiveCard(reviewCycleCreatedCard(created))] },
      "The review cycle is created.",
    );
    return undefined;
  } catch (error) {
    logError(deps.logger, error, "review cycle dialog submit failed");
    return dialog(
      "New review cycle",
      reviewCycleFormCard(
        values,
        await pickerSuggestions(deps, context).catch(() => ({ managers: [], people: [] })),
        userMessageFor(error),
      ),
    );
  }
}

async function submitReviewForm(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse | undefined> {
  const raw = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  const reviewId = typeof raw.reviewId === "string" ? raw.reviewId : "";
  const answers: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw))
    if (/^q\d{1,3}$/.test(key) && (typeof value === "string" || typeof value === "number"))
      answers[key] = String(value);
  let actorId: string | undefined;
  try {
    actorId = (await identifyActor(deps.domain, context)).id;
    let confirmation: string;
    if (raw.intent === "final") {
      const submitted = await submitReview(deps.domain, { actorId, reviewId, answers });
      deps.kickDeliveries();
      confirmation =
        submitted.kind === "self"
          ? "Your self-review is submitted. Thank you!"
          : `Your review of ${submitted.subjectName} is submitted. Once HR closes the cycle you can share it with ${submitted.subjectName}.`;
    } else {
      const saved = await saveReviewDraft(deps.domain, { actorId, reviewId, answers });
      confirmation = `${saved.kind === "self" ? "Your self-review" : `Your review of ${saved.subjectName}`} is saved as a draft (${saved.answered} of ${saved.questionCount} answered). Open it again from the same button to carry on.`;
    }
    await replyPrivately(
      deps,
      context,
      { attachments: [CardFactory.adaptiveCard(reviewNoticeCard(confirmation))] },
      "Saved.",
    );
    return undefined;
  } catch (error) {
    logError(deps.logger, error, "review dialog submit failed");
    const form = actorId ? await getReviewForm(deps.domain, { actorId, reviewId }).catch(() => null) : null;
    if (!form) return message(userMessageFor(error));
    const fieldErrors = error instanceof ReviewValidationError ? error.fieldErrors : undefined;
    return dialog(
      form.kind === "self" ? "Self-review" : `Review ${form.subject.name}`,
      reviewFormCard(form, { values: answers, error: userMessageFor(error), fieldErrors }),
    );
  }
}

/** Known Teams people of this tenant (managers first for the manager picker); a card needs at least one choice. */
async function pickerSuggestions(deps: TeamsHandlerDeps, context: TurnContext): Promise<PickerSuggestions> {
  const known = await listKnownTeamsPeople(deps.domain, { tenantId: tenantIdOf(context.activity), limit: 50 });
  const people = known.map(({ aadObjectId, name }) => ({ aadObjectId, name }));
  const managers = known
    .filter((person) => person.role !== "employee")
    .map(({ aadObjectId, name }) => ({ aadObjectId, name }));
  const me = context.activity.from.aadObjectId
    ? [{ aadObjectId: context.activity.from.aadObjectId, name: context.activity.from.name ?? "Me" }]
    : [];
  return { managers: managers.length > 0 ? managers : me, people: people.length > 0 ? people : me };
}
