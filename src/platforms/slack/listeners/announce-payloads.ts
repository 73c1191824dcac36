// The raw shapes of the announce modal's submission, checked at the edge (payloads.ts covers the other modals).
import { z } from "zod";
import { ACK_OPTION_VALUE, ANNOUNCE_ACTIONS, ANNOUNCE_BLOCKS } from "../views/announce-modal.ts";

const Element = z.object({
  value: z.string().nullish(),
  selected_conversations: z.array(z.string()).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
});

export const AnnounceViewSubmission = z.object({
  team: z.object({ id: z.string().min(1) }).nullish(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  view: z.object({
    id: z.string().min(1),
    private_metadata: z.string().max(3000).default(""),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), Element)) }),
  }),
});
export type AnnounceViewSubmission = z.infer<typeof AnnounceViewSubmission>;

export interface AnnounceFormInput {
  channels: string[];
  text: string;
  withAck: boolean;
}

export function readAnnounceForm(payload: AnnounceViewSubmission): AnnounceFormInput {
  const values = payload.view.state.values;
  return {
    channels: values[ANNOUNCE_BLOCKS.channels]?.[ANNOUNCE_ACTIONS.channels]?.selected_conversations ?? [],
    text: values[ANNOUNCE_BLOCKS.text]?.[ANNOUNCE_ACTIONS.text]?.value ?? "",
    withAck: (values[ANNOUNCE_BLOCKS.ack]?.[ANNOUNCE_ACTIONS.ack]?.selected_options ?? []).some(
      (option) => option.value === ACK_OPTION_VALUE,
    ),
  };
}
