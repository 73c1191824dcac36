// The weekly team summary card: check-in completion, blockers first, the team's mood as a sparkline (or why it is
// hidden), flagged goals, kudos and pending reviews. Built only from the summary DTO, which never carries feedback,
// 1:1 notes or an individual's mood.
import type { TeamSummary } from "../../../domain/summaries/team-summary.types.ts";
import { adaptiveCard, heading, paragraph, plain, subtle, type AdaptiveCard, type CardElement } from "./card.ts";

const STATUS_LABEL = { submitted: "checked in", missing: "not checked in yet", excused: "away" } as const;
const MAX_LISTED_REPORTS = 40;

export function teamSummaryCard(summary: TeamSummary, options: { forSomeoneElse?: boolean } = {}): AdaptiveCard {
  const { completion } = summary;
  const whose = options.forSomeoneElse ? `${plain(summary.managerName)}'s team` : "Your team";
  const body: CardElement[] = [
    heading(`📊 ${whose}, ${summary.weekLabel}`),
    {
      type: "FactSet",
      facts: [
        {
          title: "Check-ins",
          value: `${completion.submitted} of ${completion.expected}${completion.excused ? ` (${completion.excused} away, not counted)` : ""}`,
        },
        { title: "Blockers", value: String(summary.blockersCount) },
        { title: "Goals at risk", value: String(summary.goalsAtRiskCount) },
        { title: "Kudos this week", value: `${summary.kudos.given} given, ${summary.kudos.received} received` },
        { title: "Reviews pending", value: String(summary.reviewsPending.count) },
      ],
    },
  ];
  const listed = summary.reports.slice(0, MAX_LISTED_REPORTS);
  body.push({
    type: "Container",
    items: [
      ...listed.map((report) =>
        paragraph(
          report.blockers
            ? `🚧 **${plain(report.name)}**, blocked: ${plain(report.blockers)}`
            : `${plain(report.name)}: ${STATUS_LABEL[report.status]}`,
          { spacing: "None" },
        ),
      ),
      ...(summary.reports.length > listed.length
        ? [subtle(`…and ${summary.reports.length - listed.length} more`)]
        : []),
    ],
  });
  const mood = summary.mood;
  body.push(
    mood.shown
      ? {
          type: "TextBlock",
          wrap: true,
          fontType: "Monospace",
          text: `Team mood, last ${mood.weeks} weeks: ${mood.sparkline} ${mood.latest === null ? "(too few answers this week)" : `${mood.latest}/5`}`,
        }
      : paragraph(`Team mood: hidden. ${mood.reason}`),
  );
  if (summary.goalsAtRisk.length > 0) {
    body.push(paragraph("Goals at risk", { weight: "Bolder" }));
    for (const goal of summary.goalsAtRisk)
      body.push(
        paragraph(
          `• ${plain(goal.ownerName)}: ${plain(goal.title)} (${goal.progressPercent}%, due ${goal.dueDate}): ${goal.reasons.join(", ")}`,
          { spacing: "None" },
        ),
      );
    if (summary.moreGoalsAtRisk > 0) body.push(subtle(`…and ${summary.moreGoalsAtRisk} more`));
  }
  if (summary.reviewsPending.people.length > 0) {
    body.push(
      paragraph(
        `Reviews pending: ${summary.reviewsPending.people.map((person) => `${plain(person.name)} (${person.count})`).join(", ")}`,
      ),
    );
  }
  if (summary.pulse) {
    const pulse = summary.pulse;
    const head = `Pulse: ${plain(pulse.title)} (round ${pulse.roundNumber})`;
    if (!pulse.shown)
      body.push(
        paragraph(
          `${head}: hidden, fewer than ${pulse.minGroupSize} people behind your team's numbers (or the next-smallest team's).`,
        ),
      );
    else {
      const enps = pulse.enps === null ? "" : ` eNPS ${pulse.enps > 0 ? "+" : ""}${pulse.enps},`;
      body.push(paragraph(`${head}:${enps} ${pulse.respondents} answers`, { weight: "Bolder" }));
      for (const item of pulse.items)
        body.push(
          paragraph(`${plain(item.text)} ${item.average === null ? "–" : item.average.toFixed(1)}`, {
            spacing: "None",
          }),
        );
    }
  }
  body.push(subtle("Only direct reports are included. Private feedback and 1:1 notes are never part of a summary."));
  return adaptiveCard(body);
}
