// The "give kudos" modal opened by `/kudos` with no text. Block and action ids are exported because the
// submission parser reads the state by them and inline errors are keyed by block id.
import type { InputBlock, ModalView, PlainTextOption } from "@slack/types";
import { KUDOS_MAX_LENGTH, KUDOS_MAX_RECIPIENTS } from "../../../domain/kudos/kudos.schemas.ts";
import { plain } from "./text.ts";

export const KUDOS_MODAL_CALLBACK = "kudos_modal";
export const KUDOS_BLOCKS = {
  recipients: "kudos_recipients",
  message: "kudos_message",
  value: "kudos_value",
  visibility: "kudos_visibility",
} as const;
export const KUDOS_ACTIONS = {
  recipients: "recipients",
  message: "message",
  value: "value",
  visibility: "visibility",
} as const;

/** What the modal remembers between opening and submission (Slack's private_metadata, ≤ 3000 chars). */
export interface KudosModalMetadata {
  /** The channel `/kudos` was used in: where the public post goes when no kudos channel is configured. */
  channelId: string | null;
}

export function kudosModal(options: { values: string[]; metadata: KudosModalMetadata }): ModalView {
  const valueOptions: PlainTextOption[] = options.values
    .slice(0, 100)
    .map((value) => ({ text: plain(`#${value}`, 75), value: value.slice(0, 150) }));
  const blocks: InputBlock[] = [
    {
      type: "input",
      block_id: KUDOS_BLOCKS.recipients,
      label: plain("Who do you want to thank?"),
      element: {
        type: "multi_users_select",
        action_id: KUDOS_ACTIONS.recipients,
        placeholder: plain("Choose people"),
        max_selected_items: KUDOS_MAX_RECIPIENTS,
      },
    },
    {
      type: "input",
      block_id: KUDOS_BLOCKS.message,
      label: plain("What for?"),
      element: {
        type: "plain_text_input",
        action_id: KUDOS_ACTIONS.message,
        multiline: true,
        max_length: KUDOS_MAX_LENGTH,
        placeholder: plain("Thanks for the great demo!"),
      },
    },
  ];
  if (valueOptions.length > 0) {
    blocks.push({
      type: "input",
      block_id: KUDOS_BLOCKS.value,
      optional: true,
      label: plain("Company value"),
      element: {
        type: "static_select",
        action_id: KUDOS_ACTIONS.value,
        placeholder: plain("Pick a value"),
        options: valueOptions,
      },
    });
  }
  const publicOption: PlainTextOption = { text: plain("Public: post it in the kudos channel"), value: "public" };
  blocks.push({
    type: "input",
    block_id: KUDOS_BLOCKS.visibility,
    label: plain("Who can see it?"),
    element: {
      type: "radio_buttons",
      action_id: KUDOS_ACTIONS.visibility,
      initial_option: publicOption,
      options: [publicOption, { text: plain("Private: only the people you thank"), value: "private" }],
    },
  });
  return {
    type: "modal",
    callback_id: KUDOS_MODAL_CALLBACK,
    title: plain("Give kudos", 24),
    submit: plain("Send", 24),
    close: plain("Cancel", 24),
    private_metadata: JSON.stringify(options.metadata),
    blocks,
  };
}
