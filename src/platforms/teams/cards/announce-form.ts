// The announcement dialog (task module): the team channels where Momentum is installed, the message, and the
// acknowledge toggle. After a refusal it comes back with the problem on top and everything chosen and typed kept.
// The form id is minted when the dialog opens: submitting the same dialog twice creates one announcement.
import { ANNOUNCEMENT_TEXT_MAX } from "../../../domain/announcements/announcement.schemas.ts";
import { adaptiveCard, paragraph, plain, subtle, type AdaptiveCard, type CardElement } from "./card.ts";

export const ANNOUNCE_SUBMIT_ACTION = "announce_submit";
export const ANNOUNCE_FORM_TITLE = "New announcement";

export interface AnnounceFormValues {
  /** Conversation ids of the chosen channels. */
  channels?: string[];
  text?: string;
  withAck?: boolean;
}

export interface AnnounceFormView {
  formId: string;
  cycleId?: string | null;
  channels: { conversationId: string; name: string }[];
  values: AnnounceFormValues;
  formError?: string;
}

export function announceFormCard(view: AnnounceFormView): AdaptiveCard {
  const values = view.values;
  const offered = new Set(view.channels.map((channel) => channel.conversationId));
  const chosen = (values.channels ?? []).filter((id) => offered.has(id));
  const body: CardElement[] = [
    ...(view.formError
      ? [paragraph(plain(view.formError), { color: "Attention", weight: "Bolder", id: "formError" })]
      : []),
    subtle(
      "Momentum posts it once in each channel you choose. Channels appear here once Momentum has been added to their team.",
    ),
    {
      type: "Input.ChoiceSet",
      id: "channels",
      label: "Post in",
      isMultiSelect: true,
      style: "expanded",
      isRequired: true,
      errorMessage: "Choose at least one channel.",
      choices: view.channels.map((channel) => ({ title: channel.name, value: channel.conversationId })),
      ...(chosen.length > 0 ? { value: chosen.join(",") } : {}),
    },
    {
      type: "Input.Text",
      id: "text",
      label: "Message",
      isMultiline: true,
      isRequired: true,
      errorMessage: "Write the announcement first.",
      maxLength: ANNOUNCEMENT_TEXT_MAX,
      placeholder: "Our review cycle starts on Monday…",
      ...(values.text ? { value: values.text } : {}),
    },
    {
      type: "Input.Toggle",
      id: "withAck",
      title: "Ask people to acknowledge",
      valueOn: "true",
      valueOff: "false",
      value: values.withAck ? "true" : "false",
    },
  ];
  const data = {
    action: ANNOUNCE_SUBMIT_ACTION,
    formId: view.formId,
    ...(view.cycleId ? { cycleId: view.cycleId } : {}),
  };
  return adaptiveCard(body, [{ type: "Action.Submit", title: "Post", style: "positive", data }]);
}
