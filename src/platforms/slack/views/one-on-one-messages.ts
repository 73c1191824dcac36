// The 1:1 agenda DM (to the report's manager only), the private-note modal and the replies to its buttons. The
// buttons carry the pair and the week; the listeners check again that whoever clicks is the report's manager.
import type { ActionsBlock, KnownBlock, ModalView } from "@slack/types";
import type { OneOnOneAgenda } from "../../../domain/one-on-ones/one-on-one-agenda.types.ts";
import { ONE_ON_ONE_NOTE_MAX } from "../../../domain/one-on-ones/one-on-one.schemas.ts";
import type { AddOneOnOneNoteResult } from "../../../domain/one-on-ones/add-one-on-one-note.ts";
import type { MarkOneOnOneDoneResult } from "../../../domain/one-on-ones/mark-one-on-one-done.ts";
import type { SetOneOnOneSlotResult } from "../../../domain/one-on-ones/set-one-on-one-slot.ts";
import { context, escapedText, escapeMrkdwn, plain, quote, section, type SlackMessage } from "./text.ts";

export const ONE_ON_ONE_NOTE_ACTION = "one_on_one_add_note";
export const ONE_ON_ONE_DONE_ACTION = "one_on_one_done";
export const ONE_ON_ONE_NOTE_CALLBACK = "one_on_one_note";
export const ONE_ON_ONE_NOTE_BLOCK = "one_on_one_note_text";
export const ONE_ON_ONE_NOTE_INPUT = "note";

const TREND_WORDS = { up: "trending up", down: "trending down", steady: "steady" } as const;

/** "reportId|periodKey|builtAt": what both buttons carry. */
export function agendaButtonValue(agenda: Pick<OneOnOneAgenda, "reportId" | "periodKey" | "builtAt">): string {
  return `${agenda.reportId}|${agenda.periodKey}|${agenda.builtAt}`;
}

export function readAgendaButtonValue(
  value: string | undefined,
): { reportId: string; periodKey: string; builtAt: string } | null {
  const [reportId, periodKey, builtAt] = (value ?? "").split("|");
  return reportId && periodKey && builtAt ? { reportId, periodKey, builtAt } : null;
}

export function oneOnOneAgendaMessage(agenda: OneOnOneAgenda): SlackMessage {
  const name = escapeMrkdwn(agenda.reportName);
  const blocks: KnownBlock[] = [
    section(
      `:handshake: *Your 1:1 with ${name}* is on *${escapeMrkdwn(agenda.slotLabel)}*. Here's what to talk about.`,
    ),
  ];
  blocks.push(section(checkInLines(agenda).join("\n")));
  if (agenda.goals.length > 0) {
    const lines = agenda.goals.map(
      (goal) =>
        `• ${escapeMrkdwn(goal.title)}: ${goal.progressPercent}%${goal.atRisk.length ? ` :warning: ${goal.atRisk.join(", ")}` : ""}${goal.updatedThisWeek ? " (updated this week)" : ""}`,
    );
    blocks.push(section(`*Goals at risk or updated this week*\n${lines.join("\n")}`));
  }
  if (agenda.kudos.count > 0) {
    const lines = agenda.kudos.publicItems.map(
      (item) => `• from ${escapeMrkdwn(item.giverName)}: ${escapeMrkdwn(item.message)}`,
    );
    const privateLine =
      agenda.kudos.privateCount > 0
        ? [`• and ${agenda.kudos.privateCount} private ${agenda.kudos.privateCount === 1 ? "one" : "ones"}`]
        : [];
    blocks.push(section([`*Kudos received this week: ${agenda.kudos.count}*`, ...lines, ...privateLine].join("\n")));
  }
  if (agenda.feedback.count > 0) {
    blocks.push(
      section(
        [
          `*Feedback shared with you this week: ${agenda.feedback.count}*`,
          ...agenda.feedback.excerpts.map((text) => quote(text)),
        ].join("\n"),
      ),
    );
  }
  if (agenda.pendingReviews.length > 0) {
    const lines = agenda.pendingReviews.map(
      (review) =>
        `• ${escapeMrkdwn(review.cycleName)}: ${review.kind === "self" ? "self-review" : "your manager review"} (${review.status})`,
    );
    blocks.push(section(`*Pending reviews*\n${lines.join("\n")}`));
  }
  if (agenda.notes.length > 0) {
    const lines = agenda.notes.map((note) => `• ${note.dateLabel}: ${escapeMrkdwn(note.text)}`);
    blocks.push(section(`*Your private notes* (only you see them)\n${lines.join("\n")}`));
  }
  const actions: ActionsBlock = {
    type: "actions",
    block_id: "one_on_one_actions",
    elements: [
      {
        type: "button",
        action_id: ONE_ON_ONE_NOTE_ACTION,
        text: plain("Add a private note", 75),
        value: agendaButtonValue(agenda),
      },
      {
        type: "button",
        action_id: ONE_ON_ONE_DONE_ACTION,
        style: "primary",
        text: plain("Mark 1:1 done", 75),
        value: agendaButtonValue(agenda),
      },
    ],
  };
  blocks.push(
    actions,
    context("Only you receive this agenda. Notes you add stay private to you and appear in the next one."),
  );
  return { text: escapedText`Your 1:1 with ${agenda.reportName} is on ${agenda.slotLabel}`, blocks };
}

function checkInLines(agenda: OneOnOneAgenda): string[] {
  const checkIn = agenda.checkIn;
  if (!checkIn) return ["*Latest check-in*", "No check-in in the last weeks."];
  const trend = checkIn.trend ? ` (${TREND_WORDS[checkIn.trend]}: ${checkIn.moodTrend.join(" → ")})` : "";
  return [
    `*Latest check-in* (${escapeMrkdwn(checkIn.weekLabel)}): mood *${checkIn.mood}/5*${trend}`,
    ...(checkIn.blockers ? ["Blockers:", quote(checkIn.blockers)] : ["No blockers."]),
    ...(checkIn.forManager ? ["Wants to discuss:", quote(checkIn.forManager)] : []),
  ];
}

export function oneOnOneNoteModal(options: { reportId: string; periodKey: string; reportName: string }): ModalView {
  return {
    type: "modal",
    callback_id: ONE_ON_ONE_NOTE_CALLBACK,
    title: plain("Private 1:1 note", 24),
    submit: plain("Save", 24),
    close: plain("Cancel", 24),
    private_metadata: JSON.stringify({ reportId: options.reportId, periodKey: options.periodKey }),
    blocks: [
      context(`For your next 1:1 with ${escapeMrkdwn(options.reportName)}. Only you will see it.`),
      {
        type: "input",
        block_id: ONE_ON_ONE_NOTE_BLOCK,
        label: plain("Note"),
        element: {
          type: "plain_text_input",
          action_id: ONE_ON_ONE_NOTE_INPUT,
          multiline: true,
          max_length: ONE_ON_ONE_NOTE_MAX,
        },
      },
    ],
  };
}

export function oneOnOneNoteSavedMessage(result: AddOneOnOneNoteResult): SlackMessage {
  const text = `Saved. Your note will be in the agenda of your next 1:1 with ${result.reportName} (${result.openNotes} open ${result.openNotes === 1 ? "note" : "notes"}).`;
  return { text, blocks: [section(`:memo: ${escapeMrkdwn(text)}`)] };
}

export function oneOnOneDoneMessage(result: MarkOneOnOneDoneResult): SlackMessage {
  const text = result.newlyDone
    ? `Your 1:1 with ${result.reportName} for ${result.weekLabel} is marked done${result.closedNotes > 0 ? `, and ${result.closedNotes} ${result.closedNotes === 1 ? "note was" : "notes were"} closed` : ""}.`
    : `Your 1:1 with ${result.reportName} for ${result.weekLabel} was already marked done.`;
  return { text, blocks: [section(`:white_check_mark: ${escapeMrkdwn(text)}`)] };
}

export function oneOnOneSlotMessage(result: SetOneOnOneSlotResult): SlackMessage {
  const text = `Your weekly 1:1 with ${result.reportName} is ${result.isDefault ? "back on the default, " : ""}${result.weekdayName} at ${result.time} (${result.timeZone}). The next one is ${result.nextSlotLabel}; its agenda arrives ${result.nextAgendaLabel}.`;
  return { text, blocks: [section(`:calendar: ${escapeMrkdwn(text)}`)] };
}
