// The "give kudos" dialog (task module). Recipients come from Teams' people picker, whose values are AAD object
// ids. A re-render after a validation error keeps what the person typed and shows the problem at the top.
import { KUDOS_MAX_LENGTH } from "../../../domain/kudos/kudos.schemas.ts";
import { adaptiveCard, paragraph, plain, type AdaptiveCard, type CardElement } from "./card.ts";

export const KUDOS_FORM_OPEN_ACTION = "kudos_form";
export const KUDOS_FORM_SUBMIT_ACTION = "kudos_submit";
export const KUDOS_FORM_TITLE = "Give kudos";

export interface PickablePerson {
  aadObjectId: string;
  name: string;
}

export interface KudosFormView {
  values: string[];
  /**
   * People listed before anyone types (colleagues Momentum already knows). The picker searches the whole
   * organisation as well; the list is never empty because a choice set without choices is invalid.
   */
  suggestions: PickablePerson[];
  error?: string;
  /** What the person entered before, so an error never makes them start again. */
  input?: {
    recipients?: PickablePerson[];
    message?: string;
    value?: string | null;
    visibility?: "public" | "private";
  };
}

export function kudosFormCard(view: KudosFormView): AdaptiveCard {
  const input = view.input ?? {};
  const recipients = input.recipients ?? [];
  const body: CardElement[] = [];
  if (view.error) body.push(paragraph(plain(view.error), { color: "Attention", weight: "Bolder", id: "formError" }));
  body.push(
    {
      type: "Input.ChoiceSet",
      id: "recipients",
      label: "Who do you want to thank?",
      isRequired: true,
      errorMessage: "Choose at least one person.",
      isMultiSelect: true,
      placeholder: "Type a name",
      // Already chosen people stay visible by name when the form comes back with an error.
      choices: uniqueByAadObjectId([...recipients, ...view.suggestions]).map((person) => ({
        title: person.name,
        value: person.aadObjectId,
      })),
      "choices.data": { type: "Data.Query", dataset: "graph.microsoft.com/users" },
      ...(recipients.length > 0 ? { value: recipients.map((person) => person.aadObjectId).join(",") } : {}),
    },
    {
      type: "Input.Text",
      id: "message",
      label: "What are you thanking them for?",
      isMultiline: true,
      isRequired: true,
      errorMessage: "Add a few words.",
      maxLength: KUDOS_MAX_LENGTH,
      placeholder: "Thanks for the great demo!",
      ...(input.message ? { value: input.message } : {}),
    },
    {
      type: "Input.ChoiceSet",
      id: "value",
      label: "Company value (optional)",
      style: "compact",
      placeholder: "None",
      choices: view.values.map((value) => ({ title: `#${value}`, value })),
      ...(input.value ? { value: input.value } : {}),
    },
    {
      type: "Input.ChoiceSet",
      id: "visibility",
      label: "Who can see it?",
      style: "expanded",
      value: input.visibility ?? "public",
      choices: [
        { title: "Everyone (posted in the channel, counts on the leaderboard)", value: "public" },
        { title: "Only the people I thank", value: "private" },
      ],
    },
  );
  return adaptiveCard(body, [
    { type: "Action.Submit", title: "Send kudos", style: "positive", data: { action: KUDOS_FORM_SUBMIT_ACTION } },
  ]);
}

/** The Action.Submit that makes Teams open the dialog (a `task/fetch` invoke). */
export function openKudosFormAction(): CardElement {
  return {
    type: "Action.Submit",
    title: "Give kudos",
    data: { msteams: { type: "task/fetch" }, action: KUDOS_FORM_OPEN_ACTION },
  };
}

function uniqueByAadObjectId(people: PickablePerson[]): PickablePerson[] {
  const seen = new Set<string>();
  return people.filter((person) => !seen.has(person.aadObjectId) && seen.add(person.aadObjectId));
}
