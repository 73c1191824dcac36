// The preview HR sees before launching: the questions exactly as people will be asked, who is asked and how many,
// when, for how long, and the privacy promise people will read. "Launch" starts it; "Back" returns to the form.
import type { KnownBlock, ModalView } from "@slack/types";
import type { PulsePreview } from "../../../domain/pulses/launch-pulse.ts";
import type { PulseDraftOptions } from "../../../domain/pulses/pulse.schemas.ts";
import { CADENCE_LABELS } from "../../../domain/pulses/pulse.schemas.ts";
import { pulsePrivacyLines } from "../../../domain/pulses/pulse-privacy.ts";
import { weekdayName } from "../../../domain/schedule/local-time.ts";
import { context, escapeMrkdwn, joinNames, plain, section } from "./text.ts";
import { questionScaleLabel } from "./pulse-survey-modal.ts";

export const PULSE_PREVIEW_CALLBACK = "pulse_preview";

export function pulsePreviewModal(preview: PulsePreview, minGroupSize: number, commentMinGroupSize: number): ModalView {
  const { draft } = preview;
  const audience =
    draft.audience.kind === "everyone"
      ? "everyone Momentum can reach"
      : `the teams of ${joinNames(preview.teamNames.map(escapeMrkdwn))} (everyone under them)`;
  const schedule = `${CADENCE_LABELS[draft.cadence]}, ${weekdayName(draft.weekday)} at ${draft.time} in each person's own time zone, open for ${draft.openDays} ${draft.openDays === 1 ? "day" : "days"}. First round: ${preview.firstDate}.`;
  const questions = preview.questions
    .map((question, index) => `${index + 1}. ${escapeMrkdwn(question.text)} _(${questionScaleLabel(question.kind)})_`)
    .join("\n");
  const privacy = pulsePrivacyLines({ minGroupSize, commentMinGroupSize, closesLabel: "the round closes" });
  const blocks: KnownBlock[] = [
    section(
      `*${escapeMrkdwn(draft.title)}*\nAsks *${preview.audienceCount}* ${preview.audienceCount === 1 ? "person" : "people"}: ${audience}.`,
    ),
    section(`*When:* ${escapeMrkdwn(schedule)}`),
    section(`*Questions*\n${questions}`),
    section(
      draft.shareResults
        ? "*Results* will be shared back with everyone asked when each round closes (org-level numbers only)."
        : "*Results* stay with HR.",
    ),
    context(`What people read before answering: ${escapeMrkdwn(privacy.join(" "))}`),
  ];
  const metadata: PulseDraftOptions = { ...draft };
  return {
    type: "modal",
    callback_id: PULSE_PREVIEW_CALLBACK,
    title: plain("Preview the pulse", 24),
    submit: plain("Launch", 24),
    close: plain("Back", 24),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}
