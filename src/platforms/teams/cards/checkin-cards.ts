// The weekly check-in prompt and its reminder. The button is an Action.Submit: Teams delivers it as a message
// whose `value` carries { action: "checkin_start", periodKey }, so the click is tied to the period it was for.
import { adaptiveCard, heading, paragraph, subtle, type AdaptiveCard } from "./card.ts";

export const CHECKIN_START_ACTION = "checkin_start";

function startButton(periodKey: string) {
  return { type: "Action.Submit", title: "Start check-in", style: "positive", data: { action: CHECKIN_START_ACTION, periodKey } };
}

export function checkInPromptCard(view: { periodKey: string; deadlineLabel: string }): AdaptiveCard {
  return adaptiveCard(
    [heading("🗓️ Time for your weekly check-in"), paragraph("How did your week go? It takes about two minutes."), subtle(`Please answer by ${view.deadlineLabel}.`)],
    [startButton(view.periodKey)],
  );
}

export function checkInReminderCard(view: { periodKey: string; deadlineLabel: string }): AdaptiveCard {
  return adaptiveCard(
    [heading("⏰ Reminder: your check-in is still open"), subtle(`It closes ${view.deadlineLabel}.`)],
    [startButton(view.periodKey)],
  );
}
