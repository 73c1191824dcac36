// The pulse dialogs: HR's form (questions, audience, cadence, local day and time, open days, share back), its
// preview with Launch and Back, and the survey form a person answers, which starts with who sees what.
import type { PulseForm } from "../../../domain/pulses/answer-pulse.ts";
import type { PulsePreview } from "../../../domain/pulses/launch-pulse.ts";
import { CADENCE_LABELS, OPEN_DAYS_MAX, PULSE_CADENCES } from "../../../domain/pulses/pulse.schemas.ts";
import {
  AGREEMENT_LABELS,
  COMMENT_MAX_LENGTH,
  CUSTOM_QUESTIONS_MAX,
  LIBRARY,
} from "../../../domain/pulses/pulse-questions.ts";
import { pulsePrivacyLines } from "../../../domain/pulses/pulse-privacy.ts";
import { WEEKDAY_NAMES, weekdayName } from "../../../domain/schedule/local-time.ts";
import {
  adaptiveCard,
  heading,
  listNames,
  paragraph,
  plain,
  subtle,
  type AdaptiveCard,
  type CardElement,
} from "./card.ts";

export const PULSE_SETUP_SUBMIT_ACTION = "pulse_setup_submit";
export const PULSE_LAUNCH_ACTION = "pulse_launch";
export const PULSE_BACK_ACTION = "pulse_back";
export const PULSE_ANSWER_SUBMIT_ACTION = "pulse_answer_submit";
export const PULSE_SETUP_TITLE = "New pulse survey";

export interface PulseSetupValues {
  title?: string;
  library?: string;
  custom?: string;
  audience?: string;
  managers?: string;
  cadence?: string;
  weekday?: string;
  time?: string;
  openDays?: string;
  share?: string;
}

const DEFAULTS: Required<PulseSetupValues> = {
  title: "Team pulse",
  library: LIBRARY.map((question) => question.id).join(","),
  custom: "",
  audience: "everyone",
  managers: "",
  cadence: "biweekly",
  weekday: "2",
  time: "10:00",
  openDays: "3",
  share: "true",
};

const choice = (title: string, value: string) => ({ title, value });
const SHORT: Record<string, string> = { enps: "eNPS (0–10)", comment: "One optional comment" };

export function pulseSetupCard(view: {
  formId: string;
  managers: { id: string; name: string }[];
  values: PulseSetupValues;
  formError?: string;
}): AdaptiveCard {
  const values = {
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(view.values).filter(([, value]) => value !== undefined)),
  };
  const body: CardElement[] = [
    ...(view.formError
      ? [paragraph(plain(view.formError), { color: "Attention", weight: "Bolder", id: "formError" })]
      : []),
    subtle(
      "Answers are anonymous: results only for groups of at least the minimum size, once a round closes. You'll see a preview before anything is sent.",
    ),
    {
      type: "Input.Text",
      id: "title",
      label: "Name",
      isRequired: true,
      errorMessage: "Give the pulse a name.",
      maxLength: 80,
      value: values.title,
    },
    {
      type: "Input.ChoiceSet",
      id: "library",
      label: "Questions from the library",
      isMultiSelect: true,
      style: "expanded",
      choices: LIBRARY.map((question) => choice(SHORT[question.id] ?? question.text, question.id)),
      value: values.library,
    },
    {
      type: "Input.Text",
      id: "custom",
      label: `Your own statements (1–5 agreement), one per line, up to ${CUSTOM_QUESTIONS_MAX}`,
      isMultiline: true,
      maxLength: 800,
      value: values.custom,
    },
    {
      type: "Input.ChoiceSet",
      id: "audience",
      label: "Who is asked",
      style: "expanded",
      choices: [choice("Everyone", "everyone"), choice("Only these managers' teams (everyone under them)", "teams")],
      value: values.audience,
    },
    {
      type: "Input.ChoiceSet",
      id: "managers",
      label: "Managers whose teams are asked",
      isMultiSelect: true,
      choices: view.managers.map((manager) => choice(manager.name, manager.id)),
      value: values.managers,
    },
    {
      type: "Input.ChoiceSet",
      id: "cadence",
      label: "How often",
      choices: PULSE_CADENCES.map((cadence) => choice(CADENCE_LABELS[cadence], cadence)),
      value: values.cadence,
    },
    {
      type: "Input.ChoiceSet",
      id: "weekday",
      label: "Day (each person's local day)",
      choices: WEEKDAY_NAMES.map((name, index) => choice(name, String(index + 1))),
      value: values.weekday,
    },
    {
      type: "Input.Time",
      id: "time",
      label: "Time (each person's local time)",
      isRequired: true,
      errorMessage: "Choose a time such as 10:00.",
      value: values.time,
    },
    {
      type: "Input.ChoiceSet",
      id: "openDays",
      label: "Open for",
      choices: Array.from({ length: OPEN_DAYS_MAX }, (_unused, index) =>
        choice(`${index + 1} ${index === 0 ? "day" : "days"}`, String(index + 1)),
      ),
      value: values.openDays,
    },
    {
      type: "Input.Toggle",
      id: "share",
      title: "Share the results with everyone asked when a round closes",
      valueOn: "true",
      valueOff: "false",
      value: values.share,
    },
  ];
  return adaptiveCard(body, [
    {
      type: "Action.Submit",
      title: "Preview",
      style: "positive",
      data: { action: PULSE_SETUP_SUBMIT_ACTION, formId: view.formId },
    },
  ]);
}

export function questionScaleLabel(kind: string): string {
  return kind === "enps" ? "0–10" : kind === "agreement" ? "1 strongly disagree – 5 strongly agree" : "optional text";
}

export function pulsePreviewCard(view: {
  formId: string;
  preview: PulsePreview;
  values: PulseSetupValues;
  minGroupSize: number;
  commentMinGroupSize: number;
}): AdaptiveCard {
  const { preview } = view;
  const { draft } = preview;
  const audience =
    draft.audience.kind === "everyone"
      ? "everyone Momentum can reach"
      : `the teams of ${listNames(preview.teamNames.map(plain))} (everyone under them)`;
  const body: CardElement[] = [
    heading(plain(draft.title)),
    paragraph(`Asks ${preview.audienceCount} ${preview.audienceCount === 1 ? "person" : "people"}: ${audience}.`),
    paragraph(
      `${CADENCE_LABELS[draft.cadence]}, ${weekdayName(draft.weekday)} at ${draft.time} in each person's own time zone, open for ${draft.openDays} ${draft.openDays === 1 ? "day" : "days"}. First round: ${preview.firstDate}.`,
    ),
    paragraph("Questions", { weight: "Bolder", separator: true }),
    ...preview.questions.map((question, index) =>
      paragraph(`${index + 1}. ${plain(question.text)} (${questionScaleLabel(question.kind)})`),
    ),
    paragraph(
      draft.shareResults
        ? "Results will be shared back with everyone asked when each round closes (org-level numbers only)."
        : "Results stay with HR.",
      { separator: true },
    ),
    subtle(
      `What people read before answering: ${pulsePrivacyLines({ minGroupSize: view.minGroupSize, commentMinGroupSize: view.commentMinGroupSize, closesLabel: "the round closes" }).join(" ")}`,
    ),
  ];
  const carry = { formId: view.formId, values: view.values };
  return adaptiveCard(body, [
    { type: "Action.Submit", title: "Launch", style: "positive", data: { action: PULSE_LAUNCH_ACTION, ...carry } },
    { type: "Action.Submit", title: "Back", data: { action: PULSE_BACK_ACTION, ...carry } },
  ]);
}

export function pulseSurveyCard(view: {
  form: PulseForm;
  closesLabel: string;
  token?: string;
  fieldErrors?: Record<string, string>;
  formError?: string;
  values?: Record<string, string>;
}): AdaptiveCard {
  const { form } = view;
  const current = view.values ?? {
    ...Object.fromEntries(Object.entries(form.values.scores).map(([id, score]) => [`q_${id}`, String(score)])),
    ...(form.values.comment ? { comment: form.values.comment } : {}),
  };
  const privacy = pulsePrivacyLines({
    minGroupSize: form.minGroupSize,
    commentMinGroupSize: form.commentMinGroupSize,
    closesLabel: view.closesLabel,
  });
  const body: CardElement[] = [
    ...(view.formError
      ? [paragraph(plain(view.formError), { color: "Attention", weight: "Bolder", id: "formError" })]
      : []),
    heading(plain(form.title)),
    ...(form.editing ? [paragraph("These are your current answers: change any of them and save.")] : []),
    paragraph("🔒 Who sees what", { weight: "Bolder" }),
    ...privacy.map((line) => subtle(`• ${plain(line)}`)),
  ];
  for (const question of form.questions) {
    const error = view.fieldErrors?.[question.id];
    if (question.kind === "comment") {
      body.push({
        type: "Input.Text",
        id: "comment",
        label: question.text,
        isMultiline: true,
        maxLength: COMMENT_MAX_LENGTH,
        ...(current.comment ? { value: current.comment } : {}),
      });
      continue;
    }
    const choices =
      question.kind === "enps"
        ? Array.from({ length: 11 }, (_unused, score) => ({
            title: score === 0 ? "0 (not at all likely)" : score === 10 ? "10 (extremely likely)" : String(score),
            value: String(score),
          }))
        : AGREEMENT_LABELS.map((label, index) => ({ title: `${index + 1} ${label}`, value: String(index + 1) }));
    const id = `q_${question.id}`;
    body.push({
      type: "Input.ChoiceSet",
      id,
      label: plain(question.text),
      style: question.kind === "enps" ? "compact" : "expanded",
      isRequired: true,
      errorMessage: error ?? "Choose an answer.",
      choices,
      ...(current[id] ? { value: current[id] } : {}),
    });
    if (error) body.push(paragraph(plain(error), { color: "Attention", size: "Small" }));
  }
  body.push(subtle(`Open until ${plain(view.closesLabel)}.`));
  const data = {
    action: PULSE_ANSWER_SUBMIT_ACTION,
    roundId: form.roundId,
    ...(view.token ? { token: view.token } : {}),
  };
  return adaptiveCard(body, [
    { type: "Action.Submit", title: form.editing ? "Save changes" : "Send answers", style: "positive", data },
  ]);
}
