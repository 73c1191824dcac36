// The weekly check-in prompt, its reminder, and what `checkin` answers. Every "Start check-in" button is an
// Action.Submit with `msteams: { type: "task/fetch" }`: Teams turns the click into a `task/fetch` invoke and opens
// the check-in dialog, which always loads the person's current period (the periodKey only says what the card was for).
import { adaptiveCard, heading, paragraph, subtle, type AdaptiveCard, type CardElement } from "./card.ts";

export const CHECKIN_START_ACTION = "checkin_start";

/** The Action.Submit that makes Teams open the check-in dialog. */
export function openCheckInFormAction(options: { periodKey?: string; title?: string } = {}): CardElement {
  return {
    type: "Action.Submit",
    title: options.title ?? "Start check-in",
    style: "positive",
    data: {
      msteams: { type: "task/fetch" },
      action: CHECKIN_START_ACTION,
      ...(options.periodKey ? { periodKey: options.periodKey } : {}),
    },
  };
}

export function checkInPromptCard(view: { periodKey: string; deadlineLabel: string }): AdaptiveCard {
  return adaptiveCard(
    [
      heading("🗓️ Time for your weekly check-in"),
      paragraph("How did your week go? It takes about two minutes."),
      subtle(`Please answer by ${view.deadlineLabel}.`),
    ],
    [openCheckInFormAction({ periodKey: view.periodKey })],
  );
}

export function checkInReminderCard(view: { periodKey: string; deadlineLabel: string }): AdaptiveCard {
  return adaptiveCard(
    [heading("⏰ Reminder: your check-in is still open"), subtle(`It closes ${view.deadlineLabel}.`)],
    [openCheckInFormAction({ periodKey: view.periodKey })],
  );
}

/** What `checkin` answers: one button that opens the dialog, already saying whether this week's is done. */
export function checkInStartCard(view: { deadlineLabel: string; submitted: boolean }): AdaptiveCard {
  return view.submitted
    ? adaptiveCard(
        [
          paragraph("You've already checked in this week. You can still change your answers."),
          subtle(`Editable until ${view.deadlineLabel}.`),
        ],
        [openCheckInFormAction({ title: "Edit check-in" })],
      )
    : adaptiveCard(
        [
          paragraph("How did your week go? Open the form to check in."),
          subtle(`Please answer by ${view.deadlineLabel}.`),
        ],
        [openCheckInFormAction()],
      );
}

/** After a submission: when it can still be edited, and a button to do so. */
export function checkInSavedCard(view: { created: boolean; weekLabel: string; deadlineLabel: string }): AdaptiveCard {
  const verb = view.created ? "saved" : "updated";
  return adaptiveCard(
    [
      paragraph(
        `✅ Thanks! Your check-in for the week of ${view.weekLabel} is ${verb}; you can edit it until ${view.deadlineLabel}.`,
      ),
    ],
    [openCheckInFormAction({ title: "Edit check-in" })],
  );
}
