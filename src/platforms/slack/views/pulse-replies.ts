// Replies around pulses, seen only by the person who acted: the confirmation with "Change my answers" (its value is
// the respondent's change key, in their DM only), HR's results, the close, the launch, and help.
import type { KnownBlock } from "@slack/types";
import type { SubmitPulseResult } from "../../../domain/pulses/answer-pulse.ts";
import type { ClosePulseResult } from "../../../domain/pulses/close-pulse-round.ts";
import type { LaunchPulseResult } from "../../../domain/pulses/launch-pulse.ts";
import type { GroupStats } from "../../../domain/pulses/pulse-stats.ts";
import type { PulseRoundResults } from "../../../domain/pulses/pulse-results.ts";
import { context, escapedText, escapeMrkdwn, plain, section, type SlackMessage, truncate } from "./text.ts";

export const PULSE_CHANGE_ACTION = "pulse_change";
const COMMENTS_SHOWN = 20;

export function pulseAnsweredMessage(result: SubmitPulseResult, closesLabel: string): SlackMessage {
  const verb = result.outcome === "changed" ? "changed" : "saved";
  const text = `Thanks! Your answers to "${result.title}" are ${verb}, anonymously. You can change them until ${closesLabel}.`;
  return {
    text,
    blocks: [
      section(`:white_check_mark: ${escapeMrkdwn(text)}`),
      {
        type: "actions",
        block_id: "pulse_change",
        elements: [
          {
            type: "button",
            action_id: PULSE_CHANGE_ACTION,
            text: plain("Change my answers", 75),
            value: `${result.roundId}:${result.token}`,
          },
        ],
      },
      context(
        "This button carries a key only you have: Momentum can't link your answers to you without it, so keep this message if you may want to change them.",
      ),
    ],
  };
}

export const signed = (value: number) => `${value > 0 ? "+" : ""}${value}`;

function statsLines(stats: GroupStats): string[] {
  const lines: string[] = [];
  if (stats.enps !== null) lines.push(`*eNPS ${signed(stats.enps)}*`);
  for (const question of stats.questions) {
    const scale = question.kind === "enps" ? "0–10" : "1–5";
    const average = question.average === null ? "–" : question.average.toFixed(1);
    lines.push(
      `${escapeMrkdwn(truncate(question.text, 90))}: *${average}* (${scale}) · ${question.distribution.join(" / ")}`,
    );
  }
  return lines;
}

export function pulseResultsMessage(results: PulseRoundResults): SlackMessage {
  const rate = results.participationRate === null ? "" : ` (${results.participationRate}%)`;
  const state = results.open ? "open" : "closed";
  const blocks: KnownBlock[] = [
    section(
      `:bar_chart: *${escapeMrkdwn(results.title)}*, round ${results.round.number} (${results.round.localDate}, ${state})\n${results.answered} of ${results.asked} asked answered${rate}.`,
    ),
  ];
  if (results.open)
    blocks.push(
      context(
        "Scores appear when the round closes: comparing results before and after one answer would reveal it. `/pulse close` closes it now.",
      ),
    );
  else if (!results.overall)
    blocks.push(section(`Fewer than ${results.minGroupSize} people answered, so no scores are shown.`));
  else {
    blocks.push(section(statsLines(results.overall).join("\n")));
    const teamLines = results.teams.map((team) =>
      team.stats
        ? `• ${escapeMrkdwn(team.label)}: ${team.stats.enps !== null ? `eNPS ${signed(team.stats.enps)}, ` : ""}${team.stats.respondents} answers`
        : `• ${escapeMrkdwn(team.label)}: ${team.hidden === "small" ? `fewer than ${results.minGroupSize} people` : "hidden so the smaller team can't be worked out"}`,
    );
    if (teamLines.length > 1) blocks.push(section(`*By team*\n${teamLines.join("\n")}`));
    if (results.comments === null)
      blocks.push(context(`Comments are shown only when at least ${results.commentMinGroupSize} people answered.`));
    else if (results.comments.length > 0) {
      const shown = results.comments
        .slice(0, COMMENTS_SHOWN)
        .map((comment) => `> ${escapeMrkdwn(truncate(comment.replace(/\n+/g, " "), 280))}`);
      const more = results.comments.length - shown.length;
      blocks.push(
        section(
          `*Comments* (word for word, unattributed)\n${shown.join("\n")}${more > 0 ? `\n…and ${more} more in the export` : ""}`,
        ),
      );
    }
  }
  const trend = results.trend.map((point) => `R${point.number}: ${point.enps === null ? "–" : signed(point.enps)}`);
  if (trend.length > 1) blocks.push(context(`eNPS trend: ${trend.join(" → ")}`));
  return { text: escapedText`Pulse results: ${results.title}`, blocks };
}

export function pulseLaunchedMessage(result: LaunchPulseResult): SlackMessage {
  const text = `"${result.draft.title}" is launched: ${result.audienceCount} people will be asked at ${result.draft.time} their time on ${result.firstDate}. \`/pulse results\` shows participation, then scores once the round closes.`;
  return { text, blocks: [section(`:rocket: ${escapeMrkdwn(text)}`)] };
}

export function pulseClosedMessage(result: ClosePulseResult): SlackMessage {
  const text = result.closed
    ? `Round ${result.roundNumber} of "${result.title}" is closed.${result.sharedWith > 0 ? ` Results are on their way to ${result.sharedWith} people.` : ""} /pulse results shows the scores.`
    : `Round ${result.roundNumber} of "${result.title}" was already closed.`;
  return { text, blocks: [section(escapeMrkdwn(text))] };
}

export const PULSE_HELP =
  "`/pulse`: create a pulse survey (HR)\n`/pulse results`: results of the latest round\n`/pulse close`: close the open round now\n`/pulse stop`: no further rounds of the latest pulse";

export function pulseHelpMessage(problem?: string): SlackMessage {
  return {
    text: escapeMrkdwn(problem ?? "How to use /pulse"),
    blocks: [...(problem ? [section(escapeMrkdwn(truncate(problem, 500)))] : []), section(PULSE_HELP)],
  };
}
