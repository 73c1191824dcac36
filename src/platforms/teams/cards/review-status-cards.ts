// HR's review replies on Teams: a cycle's status, the nudge preview with its confirm button, and one-line notices.
import type { NudgePreview } from "../../../domain/reviews/nudge-pending.ts";
import type { ReviewStatusReport, StepCompletion } from "../../../domain/reviews/review-status.ts";
import { adaptiveCard, heading, listNames, paragraph, plain, type AdaptiveCard } from "./card.ts";
import { REVIEW_NUDGE_CONFIRM_ACTION } from "./review-forms.ts";

const step = (completion: StepCompletion) => `${completion.submitted}/${completion.total}`;

export function reviewStatusCard(report: ReviewStatusReport): AdaptiveCard {
  const byManager = report.byManager
    .slice(0, 40)
    .map((group) => `- ${plain(group.managerName)}: self ${step(group.self)} · manager ${step(group.manager)}`);
  const pending = report.pending.map((item) =>
    item.kind === "self"
      ? `- ${plain(item.authorName)}: self-review`
      : `- ${plain(item.authorName)}: review of ${plain(item.subjectName)}`,
  );
  if (report.pendingCount > report.pending.length)
    pending.push(`- …and ${report.pendingCount - report.pending.length} more`);
  return adaptiveCard([
    heading(
      `${plain(report.cycle.name)} (${report.cycle.status}) · ${report.scope === "team" ? "your team" : "everyone"}`,
    ),
    paragraph(
      `Self-reviews ${step(report.steps.self)} (due ${report.cycle.selfDueLabel}) · manager reviews ${step(report.steps.manager)} (due ${report.cycle.managerDueLabel})`,
    ),
    ...(byManager.length > 0 ? [paragraph(`**By manager**\n\n${byManager.join("\n")}`)] : []),
    paragraph(
      pending.length > 0 ? `**Pending (${report.pendingCount})**\n\n${pending.join("\n")}` : "Nobody is pending.",
    ),
  ]);
}

export function nudgePreviewCard(preview: NudgePreview): AdaptiveCard {
  if (preview.people === 0)
    return adaptiveCard([paragraph(`Nobody is pending in ${plain(preview.cycleName)}: there is nobody to nudge.`)]);
  const more = preview.people - preview.sampleNames.length;
  const names = preview.sampleNames.map(plain);
  return adaptiveCard(
    [
      paragraph(
        `This will remind ${preview.people} ${preview.people === 1 ? "person" : "people"} with ${preview.reviews} pending reviews in ${plain(preview.cycleName)}: ${listNames(more > 0 ? [...names, `${more} more`] : names)}.`,
      ),
    ],
    [
      {
        type: "Action.Submit",
        title: `Nudge ${preview.people} ${preview.people === 1 ? "person" : "people"}`,
        style: "positive",
        data: { action: REVIEW_NUDGE_CONFIRM_ACTION, cycleId: preview.cycleId, runId: preview.runId },
      },
    ],
  );
}

/** A one-line answer (launched, closed, shared, saved…) as a card. */
export function reviewNoticeCard(text: string): AdaptiveCard {
  return adaptiveCard([paragraph(plain(text))]);
}
