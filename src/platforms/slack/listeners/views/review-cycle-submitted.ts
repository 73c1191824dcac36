// HR submitted the "new review cycle" modal: the cycle is created as a draft and HR gets a DM with its summary and
// the Launch button. Refusals (dates, an empty organisation, a role change meanwhile) show inline, nothing stored.
import type { App } from "@slack/bolt";
import { createReviewCycle } from "../../../../domain/reviews/create-review-cycle.ts";
import type { Participants } from "../../../../domain/reviews/review.schemas.ts";
import { questionsFromText } from "../../../../domain/reviews/review.schemas.ts";
import { AppError, userMessageFor } from "../../../../shared/errors.ts";
import { logError, logWarning } from "../../../../shared/log-error.ts";
import { identifyActor, identifyRecipients } from "../../slack-people.ts";
import { REVIEW_CYCLE_BLOCKS, REVIEW_CYCLE_MODAL_CALLBACK } from "../../views/review-modals.ts";
import { reviewCycleCreatedMessage } from "../../views/review-replies.ts";
import type { SlackListenerDeps } from "../listener-deps.ts";
import { ReviewViewPayload, teamIdOf, type ElementState } from "./review-view-payload.ts";

export function registerReviewCycleSubmission(app: App, deps: SlackListenerDeps): void {
  app.view(REVIEW_CYCLE_MODAL_CALLBACK, async ({ ack, body }) => {
    const payload = ReviewViewPayload.safeParse(body);
    if (!payload.success) {
      await ack({
        response_action: "errors",
        errors: { [REVIEW_CYCLE_BLOCKS.name]: "Slack sent a form Momentum couldn't read. Please try again." },
      });
      return;
    }
    const values = payload.data.view.state.values;
    const field = (block: string): ElementState | undefined => Object.values(values[block] ?? {})[0];
    const kind = field(REVIEW_CYCLE_BLOCKS.participants)?.selected_option?.value ?? "everyone";
    const managerUser = field(REVIEW_CYCLE_BLOCKS.manager)?.selected_user ?? null;
    const peopleUsers = field(REVIEW_CYCLE_BLOCKS.people)?.selected_users ?? [];
    if (kind === "organisation" && !managerUser)
      return void (await ack({
        response_action: "errors",
        errors: { [REVIEW_CYCLE_BLOCKS.manager]: "Pick the manager whose organisation takes part." },
      }));
    if (kind === "people" && peopleUsers.length === 0)
      return void (await ack({
        response_action: "errors",
        errors: { [REVIEW_CYCLE_BLOCKS.people]: "Pick at least one person to take part." },
      }));
    try {
      const teamId = teamIdOf(payload.data);
      const actor = await identifyActor(deps.domain, deps.directory, teamId, payload.data.user.id);
      const participants: Participants =
        kind === "organisation"
          ? { kind, managerId: (await identifyRecipients(deps.domain, deps.directory, teamId, [managerUser!]))[0].id }
          : kind === "people"
            ? {
                kind,
                personIds: (await identifyRecipients(deps.domain, deps.directory, teamId, peopleUsers)).map(
                  (person) => person.id,
                ),
              }
            : { kind: "everyone" };
      const created = await createReviewCycle(deps.domain, {
        actorId: actor.id,
        name: field(REVIEW_CYCLE_BLOCKS.name)?.value ?? "",
        participants,
        selfDueDate: field(REVIEW_CYCLE_BLOCKS.selfDue)?.selected_date ?? "",
        managerDueDate: field(REVIEW_CYCLE_BLOCKS.managerDue)?.selected_date ?? "",
        questions: questionsFromText(field(REVIEW_CYCLE_BLOCKS.questions)?.value ?? ""),
      });
      await ack();
      const message = reviewCycleCreatedMessage(created);
      await deps.inFlight.track(
        deps.client.chat
          .postMessage({ channel: payload.data.user.id, text: message.text, blocks: message.blocks })
          .then(
            () => undefined,
            (error: unknown) => logWarning(deps.logger, error, "could not send the new review cycle to HR"),
          ),
      );
    } catch (error) {
      logError(deps.logger, error, "review cycle modal submission failed");
      await ack({ response_action: "errors", errors: { [blockFor(error)]: userMessageFor(error) } });
    }
  });
}

/** Puts a refusal next to the field it is about. */
function blockFor(error: unknown): string {
  const message = error instanceof AppError ? error.userMessage : "";
  if (/manager-review due/i.test(message)) return REVIEW_CYCLE_BLOCKS.managerDue;
  if (/self-review due/i.test(message)) return REVIEW_CYCLE_BLOCKS.selfDue;
  if (/question/i.test(message)) return REVIEW_CYCLE_BLOCKS.questions;
  if (/manager/i.test(message)) return REVIEW_CYCLE_BLOCKS.manager;
  if (/people|person/i.test(message)) return REVIEW_CYCLE_BLOCKS.people;
  return REVIEW_CYCLE_BLOCKS.name;
}
