// The raw shapes of the pulse modals' submissions, checked at the edge, and what each form says in domain terms.
import { z } from "zod";
import { PULSE_BLOCKS, PULSE_INPUT_ACTION, SHARE_OPTION_VALUE } from "../views/pulse-setup-modal.ts";
import { PULSE_ANSWER_ACTION, pulseQuestionBlock } from "../views/pulse-survey-modal.ts";
import type { PulseQuestion } from "../../../domain/pulses/pulse-questions.ts";

const Element = z.object({
  value: z.string().nullish(),
  selected_users: z.array(z.string()).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_time: z.string().nullish(),
});

export const PulseViewSubmission = z.object({
  team: z.object({ id: z.string().min(1) }).nullish(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  view: z.object({
    id: z.string().min(1),
    private_metadata: z.string().max(3000).default(""),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), Element)) }).default({ values: {} }),
  }),
});
export type PulseViewSubmission = z.infer<typeof PulseViewSubmission>;

export interface PulseSetupForm {
  title: string;
  libraryIds: string[];
  customQuestions: string[];
  audience: "everyone" | "teams";
  managerUserIds: string[];
  cadence: string;
  weekday: string;
  time: string;
  openDays: string;
  shareResults: boolean;
}

export function readPulseSetupForm(payload: PulseViewSubmission): PulseSetupForm {
  const values = payload.view.state.values;
  const field = (block: string) => values[block]?.[PULSE_INPUT_ACTION];
  return {
    title: field(PULSE_BLOCKS.title)?.value ?? "",
    libraryIds: (field(PULSE_BLOCKS.library)?.selected_options ?? []).map((option) => option.value),
    customQuestions: (field(PULSE_BLOCKS.custom)?.value ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    audience: field(PULSE_BLOCKS.audience)?.selected_option?.value === "teams" ? "teams" : "everyone",
    managerUserIds: field(PULSE_BLOCKS.managers)?.selected_users ?? [],
    cadence: field(PULSE_BLOCKS.cadence)?.selected_option?.value ?? "",
    weekday: field(PULSE_BLOCKS.weekday)?.selected_option?.value ?? "",
    time: field(PULSE_BLOCKS.time)?.selected_time ?? "",
    openDays: field(PULSE_BLOCKS.openDays)?.selected_option?.value ?? "",
    shareResults: (field(PULSE_BLOCKS.share)?.selected_options ?? []).some(
      (option) => option.value === SHARE_OPTION_VALUE,
    ),
  };
}

/** The survey's answers by question id (select and radio values, the comment's text). */
export function readPulseAnswers(
  payload: PulseViewSubmission,
  questions: PulseQuestion[],
): { answers: Record<string, string | null>; comment: string | null } {
  const values = payload.view.state.values;
  const answers: Record<string, string | null> = {};
  let comment: string | null = null;
  for (const question of questions) {
    const element = values[pulseQuestionBlock(question.id)]?.[PULSE_ANSWER_ACTION];
    if (question.kind === "comment") comment = element?.value ?? null;
    else answers[question.id] = element?.selected_option?.value ?? null;
  }
  return { answers, comment };
}
