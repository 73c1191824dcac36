// Check-in prompt and reminder: a short text and a button that starts the check-in. The button carries the
// period, so a click on an old prompt answers for the period it was sent for.
import type { ActionsBlock } from "@slack/types";
import type { OutboundMessage } from "../../../domain/notifications/messages.ts";
import { escapedText, escapeMrkdwn, plain, section, type SlackMessage } from "./text.ts";

export const CHECKIN_START_ACTION = "checkin_start";

type CheckinPrompt = Extract<OutboundMessage, { type: "checkin.prompt" }>;
type CheckinReminder = Extract<OutboundMessage, { type: "checkin.reminder" }>;

function startButton(periodKey: string, blockId: string): ActionsBlock {
  return {
    type: "actions",
    block_id: blockId,
    elements: [
      {
        type: "button",
        action_id: CHECKIN_START_ACTION,
        style: "primary",
        text: plain("Start check-in", 75),
        value: periodKey,
      },
    ],
  };
}

export function checkinPromptMessage(message: CheckinPrompt): SlackMessage {
  const deadline = escapeMrkdwn(message.deadlineLabel);
  return {
    text: escapedText`Time for your weekly check-in (open until ${message.deadlineLabel})`,
    blocks: [
      section(`:wave: Time for your weekly check-in! How did the week go? It's open until *${deadline}*.`),
      startButton(message.periodKey, "checkin_prompt"),
    ],
  };
}

export function checkinReminderMessage(message: CheckinReminder): SlackMessage {
  const deadline = escapeMrkdwn(message.deadlineLabel);
  return {
    text: escapedText`Reminder: your check-in is still open until ${message.deadlineLabel}`,
    blocks: [
      section(`:hourglass_flowing_sand: Friendly reminder: your check-in is still open until *${deadline}*.`),
      startButton(message.periodKey, "checkin_reminder"),
    ],
  };
}
