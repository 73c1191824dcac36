// The kudos dialog: `task/fetch` answers the form, `task/submit` gives the kudos (through giveKudosFromTeams, the
// same path as the typed command) or re-renders the form with the problem and everything the person entered.
import { CardFactory, type TaskModuleResponse, type TurnContext } from "botbuilder";
import { z } from "zod";
import { listKnownTeamsPeople } from "../../../domain/directory/teams-people.ts";
import type { PersonRecord } from "../../../domain/people/person.ts";
import { userMessageFor } from "../../../shared/errors.ts";
import { tenantIdOf } from "../activity.ts";
import { KUDOS_FORM_TITLE, kudosFormCard, type KudosFormView, type PickablePerson } from "../cards/kudos-form.ts";
import { identifyActor } from "../identity.ts";
import { giveKudosFromTeams } from "./give-kudos-from-teams.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { kudosResultText } from "./kudos-result.ts";
import { logError } from "../../../shared/log-error.ts";

const emptyToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/** The raw shape Teams posts for the form (every input arrives as a string; absent when left empty). */
const KudosFormSubmission = z.object({
  recipients: z
    .string()
    .optional()
    .transform((value) => [
      ...new Set(
        (value ?? "")
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ]),
  message: z.string().optional().default(""),
  value: z.preprocess(emptyToNull, z.string().nullish()),
  visibility: z.enum(["public", "private"]).catch("public"),
});

function formResponse(view: KudosFormView): TaskModuleResponse {
  return {
    task: {
      type: "continue",
      value: {
        title: KUDOS_FORM_TITLE,
        width: "medium",
        height: "medium",
        card: CardFactory.adaptiveCard(kudosFormCard(view)),
      },
    },
  };
}

export async function fetchKudosForm(deps: TeamsHandlerDeps, context: TurnContext): Promise<TaskModuleResponse> {
  const giver = await identifyActor(deps.domain, context);
  return formResponse({ values: deps.domain.org.kudosValues, suggestions: await suggestions(deps, context, giver) });
}

const SUGGESTION_LIMIT = 50;

/** Active colleagues in this tenant Momentum already knows; the giver only when nobody else is known yet. */
async function suggestions(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  giver: PersonRecord,
): Promise<PickablePerson[]> {
  const people = await listKnownTeamsPeople(deps.domain, {
    tenantId: tenantIdOf(context.activity),
    limit: SUGGESTION_LIMIT + 1,
  });
  const others = people.filter((person) => person.personId !== giver.id).slice(0, SUGGESTION_LIMIT);
  const chosen =
    others.length > 0
      ? others
      : people
          .filter((person) => person.personId === giver.id)
          .map((person) => ({ ...person, name: `${person.name} (you)` }));
  return chosen.map(({ aadObjectId, name }) => ({ aadObjectId, name }));
}

export async function submitKudosForm(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  data: unknown,
): Promise<TaskModuleResponse> {
  const parsed = KudosFormSubmission.safeParse(data ?? {});
  const input = parsed.success
    ? parsed.data
    : { recipients: [], message: "", value: null, visibility: "public" as const };
  const chosen: PickablePerson[] = input.recipients.map((id) => ({ aadObjectId: id, name: id }));
  try {
    // giveKudos claims the activity's key inside its own transaction: a redelivered submission is a duplicate.
    const result = await giveKudosFromTeams(deps, context, {
      recipients: input.recipients.map((aadObjectId) => ({ id: aadObjectId, aadObjectId })),
      message: input.message,
      value: input.value ?? null,
      visibility: input.visibility,
      onRecipient: (index, person) => (chosen[index].name = person.name),
    });
    const text = result.duplicate ? "That kudos was already recorded." : kudosResultText(result, input.value);
    return { task: { type: "message", value: text } };
  } catch (error) {
    logError(deps.logger, error, "kudos dialog submit failed");
    const giver = await identifyActor(deps.domain, context).catch(() => null);
    const known = giver ? await suggestions(deps, context, giver).catch(() => []) : [];
    return formResponse({
      values: deps.domain.org.kudosValues,
      suggestions: known,
      error: userMessageFor(error),
      input: { recipients: chosen, message: input.message, value: input.value, visibility: input.visibility },
    });
  }
}
