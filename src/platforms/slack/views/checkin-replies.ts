// What a person alone sees about their own check-ins: the confirmation after submitting, and `/checkin history`.
import { MOOD_OPTIONS } from "../../../domain/check-ins/get-check-in-form.ts";
import type { CheckInHistoryItem } from "../../../domain/check-ins/list-check-in-history.ts";
import { formatLocalLabel } from "../../../domain/schedule/local-time.ts";
import { context, escapedText, escapeMrkdwn, plain, quote, section, type SlackMessage, truncate } from "./text.ts";

export interface CheckInSavedConfirmation {
  created: boolean;
  deadlineLabel: string;
  /** The week the form was opened for had closed by the time it was submitted: it counts for the new week. */
  movedToNewPeriod: boolean;
}

export function checkInSavedMessage(confirmation: CheckInSavedConfirmation): SlackMessage {
  const verb = confirmation.created ? "saved" : "updated";
  const deadline = confirmation.deadlineLabel;
  const lines = [
    `${confirmation.created ? ":white_check_mark:" : ":pencil2:"} Check-in ${verb}, thank you! You can edit it until *${escapeMrkdwn(deadline)}* with \`/checkin\`.`,
    ...(confirmation.movedToNewPeriod
      ? ["The week you opened the form for had already closed, so your answers count for this week."]
      : []),
  ];
  return {
    text: escapedText`Check-in ${verb}. You can edit it until ${deadline}.`,
    blocks: [section(lines.join("\n"))],
  };
}

/** Each answer is cut short in the list: five full check-ins would not fit in one Slack message. */
const ANSWER_PREVIEW = 400;

export function checkInHistoryMessage(items: CheckInHistoryItem[], timeZone: string): SlackMessage {
  if (items.length === 0) {
    return {
      text: "You haven't checked in yet.",
      blocks: [section("You haven't checked in yet. Type `/checkin` to start this week's check-in.")],
    };
  }
  const title = items.length === 1 ? "Your last check-in" : `Your last ${items.length} check-ins`;
  const blocks: SlackMessage["blocks"] = [
    { type: "header", text: plain(title, 150) },
    context(":lock: Only you can see this."),
  ];
  for (const item of items) {
    const mood = MOOD_OPTIONS.find((option) => option.value === item.mood)?.label ?? String(item.mood);
    const answers = [
      `*${escapeMrkdwn(item.periodLabel)}* · mood ${escapeMrkdwn(mood)}`,
      answer("Progress", item.progress),
      answer("Plans", item.plans),
      ...(item.blockers ? [answer("Blockers", item.blockers)] : []),
      ...(item.forManager ? [answer("For your manager", item.forManager)] : []),
    ];
    const edited =
      item.updatedAt.getTime() > item.submittedAt.getTime()
        ? `, edited ${formatLocalLabel(item.updatedAt, timeZone)}`
        : "";
    blocks.push(
      { type: "divider" },
      section(answers.join("\n")),
      context(`Submitted ${formatLocalLabel(item.submittedAt, timeZone)}${edited}`),
    );
  }
  return { text: title, blocks };
}

function answer(label: string, text: string): string {
  return `*${label}:*\n${quote(truncate(text, ANSWER_PREVIEW))}`;
}
