// HR's `/pulse` modal: name, questions from the library (eNPS first) and up to five of their own, audience
// (everyone or managers' teams), cadence with the local day and time, how long it stays open, and whether results
// are shared back. Submitting it pushes the preview (pulse-preview-modal.ts); "Back" there returns here as filled.
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { CADENCE_LABELS, OPEN_DAYS_MAX, PULSE_CADENCES } from "../../../domain/pulses/pulse.schemas.ts";
import { CUSTOM_QUESTIONS_MAX, LIBRARY } from "../../../domain/pulses/pulse-questions.ts";
import { WEEKDAY_NAMES } from "../../../domain/schedule/local-time.ts";
import { context, plain } from "./text.ts";

export const PULSE_SETUP_CALLBACK = "pulse_setup";
export const PULSE_BLOCKS = {
  title: "pulse_title",
  library: "pulse_library",
  custom: "pulse_custom",
  audience: "pulse_audience",
  managers: "pulse_managers",
  cadence: "pulse_cadence",
  weekday: "pulse_weekday",
  time: "pulse_time",
  openDays: "pulse_open_days",
  share: "pulse_share",
} as const;
export const PULSE_INPUT_ACTION = "value";
export const SHARE_OPTION_VALUE = "share";

const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });
const SHORT_LABELS: Record<string, string> = {
  enps: "eNPS: would you recommend working here? (0–10)",
  recognition: "Recognition",
  growth: "Growth",
  workload: "Workload",
  manager_support: "Manager support",
  alignment: "Alignment",
  comment: "One optional comment",
};

export function pulseSetupModal(): ModalView {
  const libraryOptions = LIBRARY.map((question) => ({
    ...option(SHORT_LABELS[question.id] ?? question.id, question.id),
    ...(question.kind === "agreement" ? { description: plain(question.text, 75) } : {}),
  }));
  const audienceOptions = [
    option("Everyone", "everyone"),
    option("Only these managers' teams (everyone under them)", "teams"),
  ];
  const cadenceOptions = PULSE_CADENCES.map((cadence) => option(CADENCE_LABELS[cadence], cadence));
  const weekdayOptions = WEEKDAY_NAMES.map((name, index) => option(name, String(index + 1)));
  const dayOptions = Array.from({ length: OPEN_DAYS_MAX }, (_unused, index) =>
    option(`${index + 1} ${index === 0 ? "day" : "days"}`, String(index + 1)),
  );
  const shareOption = option("Share the results with everyone asked when a round closes", SHARE_OPTION_VALUE);
  const blocks: KnownBlock[] = [
    context(
      "Answers are anonymous: results only for groups of at least the minimum size, once a round closes. You'll see a preview before anything is sent.",
    ),
    {
      type: "input",
      block_id: PULSE_BLOCKS.title,
      label: plain("Name"),
      element: { type: "plain_text_input", action_id: PULSE_INPUT_ACTION, max_length: 80, initial_value: "Team pulse" },
    },
    {
      type: "input",
      block_id: PULSE_BLOCKS.library,
      optional: true,
      label: plain("Questions from the library"),
      element: {
        type: "checkboxes",
        action_id: PULSE_INPUT_ACTION,
        options: libraryOptions,
        initial_options: libraryOptions,
      },
    },
    {
      type: "input",
      block_id: PULSE_BLOCKS.custom,
      optional: true,
      label: plain("Your own statements (1–5 agreement), one per line"),
      hint: plain(`Up to ${CUSTOM_QUESTIONS_MAX}, asked after the library items.`),
      element: { type: "plain_text_input", action_id: PULSE_INPUT_ACTION, multiline: true, max_length: 800 },
    },
    {
      type: "input",
      block_id: PULSE_BLOCKS.audience,
      label: plain("Who is asked"),
      element: {
        type: "radio_buttons",
        action_id: PULSE_INPUT_ACTION,
        options: audienceOptions,
        initial_option: audienceOptions[0],
      },
    },
    {
      type: "input",
      block_id: PULSE_BLOCKS.managers,
      optional: true,
      label: plain("Managers whose teams are asked"),
      hint: plain('Only used with "Only these managers\' teams".'),
      element: { type: "multi_users_select", action_id: PULSE_INPUT_ACTION, max_selected_items: 20 },
    },
    {
      type: "input",
      block_id: PULSE_BLOCKS.cadence,
      label: plain("How often"),
      element: {
        type: "static_select",
        action_id: PULSE_INPUT_ACTION,
        options: cadenceOptions,
        initial_option: cadenceOptions[1],
      },
    },
    {
      type: "input",
      block_id: PULSE_BLOCKS.weekday,
      label: plain("Day (each person's local day)"),
      element: {
        type: "static_select",
        action_id: PULSE_INPUT_ACTION,
        options: weekdayOptions,
        initial_option: weekdayOptions[1],
      },
    },
    {
      type: "input",
      block_id: PULSE_BLOCKS.time,
      label: plain("Time (each person's local time)"),
      element: { type: "timepicker", action_id: PULSE_INPUT_ACTION, initial_time: "10:00" },
    },
    {
      type: "input",
      block_id: PULSE_BLOCKS.openDays,
      label: plain("Open for"),
      element: {
        type: "static_select",
        action_id: PULSE_INPUT_ACTION,
        options: dayOptions,
        initial_option: dayOptions[2],
      },
    },
    {
      type: "input",
      block_id: PULSE_BLOCKS.share,
      optional: true,
      label: plain("Results"),
      element: {
        type: "checkboxes",
        action_id: PULSE_INPUT_ACTION,
        options: [shareOption],
        initial_options: [shareOption],
      },
    },
  ];
  return {
    type: "modal",
    callback_id: PULSE_SETUP_CALLBACK,
    title: plain("New pulse survey", 24),
    submit: plain("Preview", 24),
    close: plain("Cancel", 24),
    blocks,
  };
}
