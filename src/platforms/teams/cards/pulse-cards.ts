// Pulse cards in chat: the ask and the reminder (their button opens the survey dialog), the results shared back,
// HR's start card and results, and the private "answered" card whose button carries the respondent's change key.
import type { SubmitPulseResult } from "../../../domain/pulses/answer-pulse.ts";
import type { OutboundMessage } from "../../../domain/notifications/messages.ts";
import type { SharedPulseResults } from "../../../domain/pulses/pulse-messages.ts";
import type { PulseRoundResults } from "../../../domain/pulses/pulse-results.ts";
import type { GroupStats } from "../../../domain/pulses/pulse-stats.ts";
import { adaptiveCard, heading, paragraph, plain, subtle, type AdaptiveCard, type CardElement } from "./card.ts";

export const PULSE_ANSWER_OPEN_ACTION = "pulse_answer_open";
export const PULSE_SETUP_OPEN_ACTION = "pulse_setup_open";
const COMMENTS_SHOWN = 20;

type Ask = Extract<OutboundMessage, { type: "pulse.ask" }>;
type Reminder = Extract<OutboundMessage, { type: "pulse.reminder" }>;
type Results = Extract<OutboundMessage, { type: "pulse.results" }>;

/** The Action.Submit that makes Teams open the survey dialog; with the token it opens the respondent's answers. */
export function openPulseSurveyAction(roundId: string, options: { token?: string; title?: string } = {}): CardElement {
  return {
    type: "Action.Submit",
    title: options.title ?? "Answer the pulse",
    style: "positive",
    data: {
      msteams: { type: "task/fetch" },
      action: PULSE_ANSWER_OPEN_ACTION,
      roundId,
      ...(options.token ? { token: options.token } : {}),
    },
  };
}

export function pulseAskCard(message: Ask): AdaptiveCard {
  const questions = `${message.questionCount} quick ${message.questionCount === 1 ? "question" : "questions"}`;
  return adaptiveCard(
    [
      heading(`📊 ${plain(message.title)}`),
      paragraph(`${questions}, anonymous. Open until ${plain(message.closesLabel)}.`),
      subtle("Your answers are stored without your name; the form says exactly who sees what before you answer."),
    ],
    [openPulseSurveyAction(message.roundId)],
  );
}

export function pulseReminderCard(message: Reminder): AdaptiveCard {
  return adaptiveCard(
    [
      paragraph(
        `⏳ ${plain(message.title)} closes ${plain(message.closesLabel)}. It takes a minute, and it's anonymous.`,
      ),
      subtle(
        "Already answered? Thank you, there's nothing more to do. Everyone who was asked gets this reminder, so it says nothing about who has answered.",
      ),
    ],
    [openPulseSurveyAction(message.roundId)],
  );
}

export function sharedResultsLines(results: SharedPulseResults): string[] {
  const rate = results.participationRate === null ? "" : ` (${results.participationRate}%)`;
  const lines = [`${results.answered} of ${results.asked} people answered${rate}.`];
  if (results.enps === null && results.items === null)
    return [
      ...lines,
      `Fewer than ${results.minGroupSize} people answered, so no scores are shown: that keeps everyone anonymous.`,
    ];
  if (results.enps !== null) lines.push(`eNPS: ${signed(results.enps)}`);
  for (const item of results.items ?? [])
    lines.push(`${item.text} ${item.average === null ? "no answers" : `${item.average.toFixed(1)} / 5`}`);
  return lines;
}

export function pulseResultsSharedCard(message: Results): AdaptiveCard {
  const { results } = message;
  return adaptiveCard([
    heading(`📊 Results of ${plain(results.title)} (round ${results.roundNumber})`),
    ...sharedResultsLines(results).map((line) => paragraph(plain(line))),
    subtle("Org-wide numbers only; no team or comment is shared."),
  ]);
}

export function pulseStartCard(): AdaptiveCard {
  return adaptiveCard(
    [
      paragraph(
        "Ask everyone, or some managers' teams, a short anonymous pulse: eNPS and 1–5 statements, at each person's local time.",
      ),
      subtle('"pulse results" shows the latest round; "pulse close" closes it now.'),
    ],
    [
      {
        type: "Action.Submit",
        title: "Create a pulse survey",
        style: "positive",
        data: { msteams: { type: "task/fetch" }, action: PULSE_SETUP_OPEN_ACTION },
      },
    ],
  );
}

export function pulseAnsweredCard(result: SubmitPulseResult, closesLabel: string): AdaptiveCard {
  const verb = result.outcome === "changed" ? "changed" : "saved";
  return adaptiveCard(
    [
      paragraph(
        `✅ Thanks! Your answers to ${plain(result.title)} are ${verb}, anonymously. You can change them until ${plain(closesLabel)}.`,
      ),
      subtle(
        "This button carries a key only you have: Momentum can't link your answers to you without it, so keep this message if you may want to change them.",
      ),
    ],
    [openPulseSurveyAction(result.roundId, { token: result.token, title: "Change my answers" })],
  );
}

export const signed = (value: number) => `${value > 0 ? "+" : ""}${value}`;

function statsElements(stats: GroupStats): CardElement[] {
  const facts = stats.questions.map((question) => ({
    title: plain(question.text.length > 60 ? `${question.text.slice(0, 59)}…` : question.text),
    value: `${question.average === null ? "–" : question.average.toFixed(1)} (${question.kind === "enps" ? "0–10" : "1–5"}) · ${question.distribution.join(" / ")}`,
  }));
  return [
    ...(stats.enps !== null ? [paragraph(`eNPS ${signed(stats.enps)}`, { weight: "Bolder", size: "Large" })] : []),
    { type: "FactSet", facts },
  ];
}

export function pulseResultsCard(results: PulseRoundResults): AdaptiveCard {
  const rate = results.participationRate === null ? "" : ` (${results.participationRate}%)`;
  const body: CardElement[] = [
    heading(`📊 ${plain(results.title)}, round ${results.round.number}`),
    subtle(
      `${results.round.localDate}, ${results.open ? "open" : "closed"}. ${results.answered} of ${results.asked} asked answered${rate}.`,
    ),
  ];
  if (results.open)
    body.push(
      subtle(
        'Scores appear when the round closes: comparing results before and after one answer would reveal it. "pulse close" closes it now.',
      ),
    );
  else if (!results.overall)
    body.push(paragraph(`Fewer than ${results.minGroupSize} people answered, so no scores are shown.`));
  else {
    body.push(...statsElements(results.overall));
    if (results.teams.length > 1) {
      body.push(paragraph("By team", { weight: "Bolder", separator: true }));
      body.push({
        type: "FactSet",
        facts: results.teams.map((team) => ({
          title: plain(team.label),
          value: team.stats
            ? `${team.stats.enps !== null ? `eNPS ${signed(team.stats.enps)}, ` : ""}${team.stats.respondents} answers`
            : team.hidden === "small"
              ? `fewer than ${results.minGroupSize} people`
              : "hidden so the smaller team can't be worked out",
        })),
      });
    }
    if (results.comments === null)
      body.push(subtle(`Comments are shown only when at least ${results.commentMinGroupSize} people answered.`));
    else if (results.comments.length > 0) {
      body.push(paragraph("Comments (word for word, unattributed)", { weight: "Bolder", separator: true }));
      body.push(
        ...results.comments
          .slice(0, COMMENTS_SHOWN)
          .map((comment) =>
            paragraph(`“${plain(comment.length > 280 ? `${comment.slice(0, 279)}…` : comment)}”`, { isSubtle: true }),
          ),
      );
    }
  }
  if (results.trend.length > 1)
    body.push(
      subtle(
        `eNPS trend: ${results.trend.map((point) => `R${point.number}: ${point.enps === null ? "–" : signed(point.enps)}`).join(" → ")}`,
      ),
    );
  return adaptiveCard(body);
}
