// The raw payload shapes Momentum relies on, checked at the edge. Anything else in a payload is ignored.
import { z } from "zod";

export const SlashCommandPayload = z.object({
  team_id: z.string().min(1),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  channel_name: z.string().optional(),
  trigger_id: z.string().min(1),
  text: z.string().default(""),
});
export type SlashCommandPayload = z.infer<typeof SlashCommandPayload>;

const SelectedOption = z.object({ value: z.string() }).nullish();

export const ViewSubmissionPayload = z.object({
  team: z.object({ id: z.string().min(1) }).nullish(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  view: z.object({
    id: z.string().min(1),
    private_metadata: z.string().max(3000).default(""),
    state: z.object({
      values: z.record(
        z.string(),
        z.record(
          z.string(),
          z.object({
            value: z.string().nullish(),
            selected_users: z.array(z.string()).nullish(),
            selected_option: SelectedOption,
            // datepicker (the goal form's due date), "YYYY-MM-DD"
            selected_date: z.string().nullish(),
          }),
        ),
      ),
    }),
  }),
});
export type ViewSubmissionPayload = z.infer<typeof ViewSubmissionPayload>;

/** A click on a button in a message Momentum sent (the check-in prompt's "Start check-in"). */
export const BlockActionPayload = z.object({
  team: z.object({ id: z.string().min(1) }).nullish(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  trigger_id: z.string().min(1),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().max(2000).optional() })).min(1),
});
export type BlockActionPayload = z.infer<typeof BlockActionPayload>;

export const AppHomeOpenedPayload = z.object({
  team_id: z.string().min(1),
  event: z.object({ user: z.string().min(1), tab: z.string().optional() }),
});

/** A channel Momentum may post in later; direct and group messages with people are not. */
export function postableChannel(payload: Pick<SlashCommandPayload, "channel_id" | "channel_name">): string | null {
  if (
    payload.channel_id.startsWith("D") ||
    payload.channel_name === "directmessage" ||
    payload.channel_name?.startsWith("mpdm-")
  )
    return null;
  return payload.channel_id;
}
