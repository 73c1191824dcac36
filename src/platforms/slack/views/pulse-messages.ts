// The pulse DMs: the ask (with "Answer the pulse"), the one reminder near the close, and the results shared back
// when a round closes. None of them names anyone.
import type { ActionsBlock, KnownBlock } from "@slack/types";
import type { OutboundMessage } from "../../../domain/notifications/messages.ts";
import type { SharedPulseResults } from "../../../domain/pulses/pulse-messages.ts";
import { context, escapeMrkdwn, plain, section, truncate, type SlackMessage } from "./text.ts";

export const PULSE_OPEN_ACTION = "pulse_open";

type Ask = Extract<OutboundMessage, { type: "pulse.ask" }>;
type Reminder = Extract<OutboundMessage, { type: "pulse.reminder" }>;
type Results = Extract<OutboundMessage, { type: "pulse.results" }>;

function answerButton(roundId: string, blockId: string): ActionsBlock {
  return {
    type: "actions",
    block_id: blockId,
    elements: [
      {
        type: "button",
        action_id: PULSE_OPEN_ACTION,
        style: "primary",
        text: plain("Answer the pulse", 75),
        value: roundId,
      },
    ],
  };
}

export function pulseAskMessage(message: Ask): SlackMessage {
  const title = escapeMrkdwn(message.title);
  return {
    text: truncate(`Pulse survey: ${message.title} (open until ${message.closesLabel})`, 300),
    blocks: [
      section(
        `:bar_chart: *${title}*: ${message.questionCount} quick ${message.questionCount === 1 ? "question" : "questions"}, anonymous. Open until *${escapeMrkdwn(message.closesLabel)}*.`,
      ),
      context("Your answers are stored without your name; the form says exactly who sees what before you answer."),
      answerButton(message.roundId, "pulse_ask"),
    ],
  };
}

/** Everyone asked gets the reminder, so it can't tell who has answered. */
const ALREADY_ANSWERED =
  "Already answered? Thank you, there's nothing more to do. Everyone who was asked gets this reminder, so it says nothing about who has answered.";

export function pulseReminderMessage(message: Reminder): SlackMessage {
  return {
    text: truncate(
      `Reminder: the pulse "${escapeMrkdwn(message.title)}" closes ${escapeMrkdwn(message.closesLabel)}`,
      300,
    ),
    blocks: [
      section(
        `:hourglass_flowing_sand: *${escapeMrkdwn(message.title)}* closes *${escapeMrkdwn(message.closesLabel)}*. It takes a minute, and it's anonymous.`,
      ),
      context(ALREADY_ANSWERED),
      answerButton(message.roundId, "pulse_reminder"),
    ],
  };
}

export function sharedResultsLines(results: SharedPulseResults): string[] {
  const rate = results.participationRate === null ? "" : ` (${results.participationRate}%)`;
  const lines = [`${results.answered} of ${results.asked} people answered${rate}.`];
  if (results.enps === null && results.items === null) {
    lines.push(
      `Fewer than ${results.minGroupSize} people answered, so no scores are shown: that keeps everyone anonymous.`,
    );
    return lines;
  }
  if (results.enps !== null) lines.push(`eNPS: ${results.enps > 0 ? "+" : ""}${results.enps}`);
  for (const item of results.items ?? [])
    lines.push(`${item.text} ${item.average === null ? "no answers" : `${item.average.toFixed(1)} / 5`}`);
  return lines;
}

export function pulseResultsSharedMessage(message: Results): SlackMessage {
  const { results } = message;
  const blocks: KnownBlock[] = [
    section(`:bar_chart: *Results of ${escapeMrkdwn(results.title)}* (round ${results.roundNumber})`),
    section(
      sharedResultsLines(results)
        .map((line) => `• ${escapeMrkdwn(line)}`)
        .join("\n"),
    ),
    context("Org-wide numbers only; no team or comment is shared."),
  ];
  return { text: truncate(`Results of the pulse "${results.title}"`, 300), blocks };
}
