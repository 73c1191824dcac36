// The view payloads of the review modals: besides text, radio and user pickers they carry a users_select
// (selected_user), a datepicker (selected_date) and checkboxes (selected_options), which the shared payload shape
// doesn't read. `view_closed` carries the same view, so closing the review form can save a draft.
import { z } from "zod";

const ElementState = z.object({
  value: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_users: z.array(z.string()).nullish(),
  selected_date: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
});

export const ReviewViewPayload = z.object({
  team: z.object({ id: z.string().min(1) }).nullish(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  view: z.object({
    id: z.string().min(1),
    private_metadata: z.string().max(3000).default(""),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), ElementState)) }).default({ values: {} }),
  }),
});
export type ReviewViewPayload = z.infer<typeof ReviewViewPayload>;
export type ElementState = z.infer<typeof ElementState>;

export function teamIdOf(payload: ReviewViewPayload): string {
  return payload.team?.id ?? payload.user.team_id ?? "";
}
