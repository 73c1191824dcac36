// The survey form a person opens from the pulse DM: first what is kept and who sees what, then the questions (eNPS
// 0–10 as a select, agreement items 1–5 as radio buttons, the optional comment). Reopened with the respondent's
// change key, it shows their answers. The key travels only in this modal's private_metadata and their own DM.
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { PulseForm } from "../../../domain/pulses/answer-pulse.ts";
import {
  AGREEMENT_LABELS,
  COMMENT_MAX_LENGTH,
  type PulseQuestion,
  type PulseQuestionKind,
} from "../../../domain/pulses/pulse-questions.ts";
import { pulsePrivacyLines } from "../../../domain/pulses/pulse-privacy.ts";
import { context, escapeMrkdwn, plain, section } from "./text.ts";

export const PULSE_SURVEY_CALLBACK = "pulse_survey";
export const PULSE_ANSWER_ACTION = "answer";
export const pulseQuestionBlock = (questionId: string) => `pulse_q_${questionId}`;

export interface PulseSurveyMetadata {
  roundId: string;
  token?: string;
}

export function questionScaleLabel(kind: PulseQuestionKind): string {
  return kind === "enps" ? "0–10" : kind === "agreement" ? "1 strongly disagree – 5 strongly agree" : "optional text";
}

const ENPS_OPTIONS: PlainTextOption[] = Array.from({ length: 11 }, (_unused, score) => ({
  text: plain(score === 0 ? "0 (not at all likely)" : score === 10 ? "10 (extremely likely)" : String(score)),
  value: String(score),
}));
const AGREEMENT_OPTIONS: PlainTextOption[] = AGREEMENT_LABELS.map((label, index) => ({
  text: plain(`${index + 1} ${label}`),
  value: String(index + 1),
}));

function questionBlock(question: PulseQuestion, form: PulseForm): InputBlock {
  const block_id = pulseQuestionBlock(question.id);
  const label = plain(question.text, 2000);
  if (question.kind === "comment") {
    const initial = form.values.comment ?? undefined;
    return {
      type: "input",
      block_id,
      optional: true,
      label,
      hint: plain(
        `Shown word for word and without your name, only when at least ${form.commentMinGroupSize} people answered.`,
      ),
      element: {
        type: "plain_text_input",
        action_id: PULSE_ANSWER_ACTION,
        multiline: true,
        max_length: COMMENT_MAX_LENGTH,
        ...(initial ? { initial_value: initial } : {}),
      },
    };
  }
  const options = question.kind === "enps" ? ENPS_OPTIONS : AGREEMENT_OPTIONS;
  const initial = options.find((candidate) => candidate.value === String(form.values.scores[question.id]));
  return question.kind === "enps"
    ? {
        type: "input",
        block_id,
        label,
        element: {
          type: "static_select",
          action_id: PULSE_ANSWER_ACTION,
          placeholder: plain("Choose 0–10"),
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      }
    : {
        type: "input",
        block_id,
        label,
        element: {
          type: "radio_buttons",
          action_id: PULSE_ANSWER_ACTION,
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      };
}

export function pulseSurveyModal(form: PulseForm, closesLabel: string, token?: string): ModalView {
  const metadata: PulseSurveyMetadata = { roundId: form.roundId, ...(token ? { token } : {}) };
  const privacy = pulsePrivacyLines({
    minGroupSize: form.minGroupSize,
    commentMinGroupSize: form.commentMinGroupSize,
    closesLabel,
  });
  const blocks: KnownBlock[] = [
    section(
      `*${escapeMrkdwn(form.title)}*${form.editing ? "\nThese are your current answers: change any of them and submit." : ""}`,
    ),
    section(`:lock: *Who sees what*\n${privacy.map((line) => `• ${escapeMrkdwn(line)}`).join("\n")}`),
    ...form.questions.map((question) => questionBlock(question, form)),
    context("Open until " + escapeMrkdwn(closesLabel) + "."),
  ];
  return {
    type: "modal",
    callback_id: PULSE_SURVEY_CALLBACK,
    title: plain(form.editing ? "Change my answers" : "Pulse survey", 24),
    submit: plain(form.editing ? "Save changes" : "Send answers", 24),
    close: plain("Cancel", 24),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}
