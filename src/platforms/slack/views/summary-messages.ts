// The weekly team summary DM: check-in completion, blockers first, the team's mood as a sparkline (or why it is
// hidden), flagged goals, kudos and pending reviews. Built only from the summary DTO, which never carries feedback,
// 1:1 notes or an individual's mood.
import type { KnownBlock } from "@slack/types";
import type { TeamPulse, TeamSummary } from "../../../domain/summaries/team-summary.types.ts";
import { context, escapedText, escapeMrkdwn, section, type SlackMessage } from "./text.ts";

const STATUS_LABEL = { submitted: "checked in", missing: "not checked in yet", excused: "away" } as const;
const MAX_LISTED_REPORTS = 40;

export function teamSummaryMessage(summary: TeamSummary, options: { forSomeoneElse?: boolean } = {}): SlackMessage {
  const { completion } = summary;
  const whose = options.forSomeoneElse ? `${escapeMrkdwn(summary.managerName)}'s team` : "Your team";
  const blocks: KnownBlock[] = [
    section(
      `:bar_chart: *${whose}, ${escapeMrkdwn(summary.weekLabel)}*\nCheck-ins: *${completion.submitted} of ${completion.expected}*${completion.excused ? ` (${completion.excused} away, not counted)` : ""} · blockers: *${summary.blockersCount}*`,
    ),
  ];
  const reportLines = summary.reports
    .slice(0, MAX_LISTED_REPORTS)
    .map((report) =>
      report.blockers
        ? `• :construction: *${escapeMrkdwn(report.name)}*, blocked: ${escapeMrkdwn(report.blockers)}`
        : `• ${escapeMrkdwn(report.name)}: ${STATUS_LABEL[report.status]}`,
    );
  const more = summary.reports.length - MAX_LISTED_REPORTS;
  blocks.push(section([...reportLines, ...(more > 0 ? [`…and ${more} more`] : [])].join("\n")));
  blocks.push(section(moodLine(summary)));
  if (summary.goalsAtRiskCount > 0) {
    const lines = summary.goalsAtRisk.map(
      (goal) =>
        `• ${escapeMrkdwn(goal.ownerName)}: ${escapeMrkdwn(goal.title)} (${goal.progressPercent}%, due ${goal.dueDate}): ${goal.reasons.join(", ")}`,
    );
    blocks.push(
      section(
        [
          `*Goals at risk: ${summary.goalsAtRiskCount}*`,
          ...lines,
          ...(summary.moreGoalsAtRisk > 0 ? [`…and ${summary.moreGoalsAtRisk} more`] : []),
        ].join("\n"),
      ),
    );
  } else {
    blocks.push(section("*Goals at risk:* none"));
  }
  blocks.push(
    section(`*Kudos this week:* ${summary.kudos.given} given, ${summary.kudos.received} received by the team`),
  );
  const reviews = summary.reviewsPending;
  blocks.push(
    section(
      reviews.count > 0
        ? `*Reviews pending: ${reviews.count}*\n${reviews.people.map((person) => `• ${escapeMrkdwn(person.name)}: ${person.count}`).join("\n")}`
        : "*Reviews pending:* none",
    ),
  );
  if (summary.pulse) blocks.push(section(pulseLine(summary.pulse)));
  blocks.push(context("Only direct reports are included. Private feedback and 1:1 notes are never part of a summary."));
  return {
    text: escapedText`${options.forSomeoneElse ? `${summary.managerName}'s team` : "Your team"}, ${summary.weekLabel}: ${completion.submitted} of ${completion.expected} checked in, ${summary.blockersCount} blocked`,
    blocks,
  };
}

function moodLine(summary: TeamSummary): string {
  const mood = summary.mood;
  if (!mood.shown) return `*Team mood:* hidden. ${escapeMrkdwn(mood.reason)}`;
  const latest =
    mood.latest === null
      ? "too few answers this week to show"
      : `${mood.latest}/5${mood.change ? ` (${mood.change > 0 ? "+" : ""}${mood.change})` : ""}`;
  return `*Team mood, last ${mood.weeks} weeks:* \`${mood.sparkline}\` ${latest}`;
}

/** The team's pulse numbers (anonymous, behind the minimum group size), or why they are hidden. */
export function pulseLine(pulse: TeamPulse): string {
  const head = `*Pulse: ${escapeMrkdwn(pulse.title)}* (round ${pulse.roundNumber})`;
  if (!pulse.shown)
    return `${head}: hidden, fewer than ${pulse.minGroupSize} people behind your team's numbers (or the next-smallest team's).`;
  const enps = pulse.enps === null ? "" : ` eNPS ${pulse.enps > 0 ? "+" : ""}${pulse.enps},`;
  const items = pulse.items
    .map((item) => `${escapeMrkdwn(item.text)} ${item.average === null ? "–" : item.average.toFixed(1)}`)
    .join(" · ");
  return `${head}:${enps} ${pulse.respondents} answers${items ? `\n${items}` : ""}`;
}
