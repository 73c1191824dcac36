// The 1:1 agenda card (to the report's manager only), the private-note dialog and the answers to its buttons.
// "Add a private note" opens a dialog (task/fetch); "Mark 1:1 done" is a plain submit. Both carry the pair and the
// week; the handlers check again that whoever clicks is the report's current manager.
import type { OneOnOneAgenda } from "../../../domain/one-on-ones/one-on-one-agenda.types.ts";
import { ONE_ON_ONE_NOTE_MAX } from "../../../domain/one-on-ones/one-on-one.schemas.ts";
import { adaptiveCard, heading, paragraph, plain, subtle, type AdaptiveCard, type CardElement } from "./card.ts";

export const ONE_ON_ONE_NOTE_OPEN_ACTION = "one_on_one_note_open";
export const ONE_ON_ONE_NOTE_SUBMIT_ACTION = "one_on_one_note_submit";
export const ONE_ON_ONE_DONE_ACTION = "one_on_one_done";
export const ONE_ON_ONE_NOTE_TITLE = "Private 1:1 note";

const TREND_WORDS = { up: "trending up", down: "trending down", steady: "steady" } as const;

export interface AgendaButtonData {
  reportId: string;
  periodKey: string;
  builtAt: string;
}

export function oneOnOneAgendaCard(agenda: OneOnOneAgenda): AdaptiveCard {
  const pair: AgendaButtonData = { reportId: agenda.reportId, periodKey: agenda.periodKey, builtAt: agenda.builtAt };
  const body: CardElement[] = [
    heading(`🤝 Your 1:1 with ${plain(agenda.reportName)}`),
    subtle(agenda.slotLabel),
    ...checkInElements(agenda),
  ];
  if (agenda.goals.length > 0) {
    body.push(
      section(
        "Goals at risk or updated this week",
        agenda.goals.map(
          (goal) =>
            `${plain(goal.title)}: ${goal.progressPercent}%${goal.atRisk.length ? ` ⚠️ ${goal.atRisk.join(", ")}` : ""}${goal.updatedThisWeek ? " (updated this week)" : ""}`,
        ),
      ),
    );
  }
  if (agenda.kudos.count > 0) {
    const lines = agenda.kudos.publicItems.map((item) => `from ${plain(item.giverName)}: ${plain(item.message)}`);
    if (agenda.kudos.privateCount > 0)
      lines.push(`and ${agenda.kudos.privateCount} private ${agenda.kudos.privateCount === 1 ? "one" : "ones"}`);
    body.push(section(`Kudos received this week: ${agenda.kudos.count}`, lines));
  }
  if (agenda.feedback.count > 0)
    body.push(
      section(
        `Feedback shared with you this week: ${agenda.feedback.count}`,
        agenda.feedback.excerpts.map((text) => `"${plain(text)}"`),
      ),
    );
  if (agenda.pendingReviews.length > 0) {
    body.push(
      section(
        "Pending reviews",
        agenda.pendingReviews.map(
          (review) =>
            `${plain(review.cycleName)}: ${review.kind === "self" ? "self-review" : "your manager review"} (${review.status})`,
        ),
      ),
    );
  }
  if (agenda.notes.length > 0)
    body.push(
      section(
        "Your private notes (only you see them)",
        agenda.notes.map((note) => `${note.dateLabel}: ${plain(note.text)}`),
      ),
    );
  body.push(subtle("Only you receive this agenda. Notes you add stay private to you and appear in the next one."));
  return adaptiveCard(body, [
    {
      type: "Action.Submit",
      title: "Add a private note",
      data: { msteams: { type: "task/fetch" }, action: ONE_ON_ONE_NOTE_OPEN_ACTION, ...pair },
    },
    {
      type: "Action.Submit",
      title: "Mark 1:1 done",
      style: "positive",
      data: { action: ONE_ON_ONE_DONE_ACTION, ...pair },
    },
  ]);
}

function checkInElements(agenda: OneOnOneAgenda): CardElement[] {
  const checkIn = agenda.checkIn;
  if (!checkIn) return [section("Latest check-in", ["No check-in in the last weeks."])];
  const trend = checkIn.trend ? ` (${TREND_WORDS[checkIn.trend]}: ${checkIn.moodTrend.join(" → ")})` : "";
  return [
    section(`Latest check-in (${checkIn.weekLabel})`, [
      `Mood ${checkIn.mood}/5${trend}`,
      checkIn.blockers ? `Blockers: ${plain(checkIn.blockers)}` : "No blockers.",
      ...(checkIn.forManager ? [`Wants to discuss: ${plain(checkIn.forManager)}`] : []),
    ]),
  ];
}

function section(title: string, lines: string[]): CardElement {
  return {
    type: "Container",
    spacing: "Medium",
    items: [
      paragraph(title, { weight: "Bolder" }),
      ...lines.map((line) => paragraph(`• ${line}`, { spacing: "None" })),
    ],
  };
}

export function oneOnOneNoteFormCard(view: {
  reportName: string;
  pair: AgendaButtonData;
  error?: string;
  text?: string;
}): AdaptiveCard {
  return adaptiveCard(
    [
      subtle(`For your next 1:1 with ${plain(view.reportName)}. Only you will see it.`),
      ...(view.error ? [paragraph(view.error, { color: "Attention" })] : []),
      {
        type: "Input.Text",
        id: "note",
        label: "Note",
        isMultiline: true,
        maxLength: ONE_ON_ONE_NOTE_MAX,
        isRequired: true,
        errorMessage: "Write your note first.",
        ...(view.text ? { value: view.text } : {}),
      },
    ],
    [
      {
        type: "Action.Submit",
        title: "Save",
        style: "positive",
        data: { action: ONE_ON_ONE_NOTE_SUBMIT_ACTION, ...view.pair },
      },
    ],
  );
}

export function oneOnOneReplyCard(text: string): AdaptiveCard {
  return adaptiveCard([paragraph(text)]);
}
