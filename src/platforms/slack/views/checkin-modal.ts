// The weekly check-in modal, opened by the "Start check-in" button and by `/checkin`. It reopens with the answers
// saved this period, so submitting again edits them. Block ids are keyed by the domain's field names: the
// submission parser reads the state by them and the domain's per-field errors map straight onto them.
import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { CheckInField } from "../../../domain/check-ins/check-in.schemas.ts";
import { CHECK_IN_TEXT_MAX } from "../../../domain/check-ins/check-in.schemas.ts";
import type { CheckInForm } from "../../../domain/check-ins/get-check-in-form.ts";
import type { CheckInGoal } from "../../../domain/goals/check-in-goals.ts";
import { checkInGoalBlocks, readShownGoalValues, shownGoalValues } from "./goal-checkin-blocks.ts";
import { context, escapeMrkdwn, plain } from "./text.ts";

export const CHECKIN_MODAL_CALLBACK = "checkin_modal";
export const CHECKIN_BLOCKS: Record<CheckInField, string> = {
  mood: "checkin_mood",
  progress: "checkin_progress",
  plans: "checkin_plans",
  blockers: "checkin_blockers",
  forManager: "checkin_for_manager",
};
export const CHECKIN_ACTIONS: Record<CheckInField, string> = {
  mood: "mood",
  progress: "progress",
  plans: "plans",
  blockers: "blockers",
  forManager: "for_manager",
};

/** What the modal remembers between opening and submission (Slack's private_metadata, ≤ 3000 chars). */
export interface CheckInModalMetadata {
  /** The period the form was opened for: if its deadline passes while the modal is open, the confirmation says so. */
  periodKey: string;
  /** The goal values the form showed ({ goalId: value }): only a changed one becomes a goal update. */
  goals?: Record<string, number>;
}

export interface CheckInModalOptions {
  form: CheckInForm;
  /** Shown above the form, e.g. when a prompt of an earlier, closed week was clicked. */
  note?: string;
  /** The person's open goals (up to five), offered for a quick progress update. */
  goals?: CheckInGoal[];
}

export function checkInModal({ form, note, goals = [] }: CheckInModalOptions): ModalView {
  const saved = form.answers;
  const moodOptions: PlainTextOption[] = form.moodOptions.map((option) => ({
    text: plain(option.label, 75),
    value: String(option.value),
  }));
  const savedMood = saved ? moodOptions.find((option) => option.value === String(saved.mood)) : undefined;
  const deadline = `*${escapeMrkdwn(form.deadlineLabel)}*`;
  const intro = saved
    ? `You already checked in this week. Change anything and press Update: you can edit it until ${deadline} (your time).`
    : `How did your week go? This check-in is open until ${deadline} (your time), and you can edit it until then.`;

  const blocks: KnownBlock[] = [
    ...(note ? [context(`:information_source: ${escapeMrkdwn(note)}`)] : []),
    context(intro),
    {
      type: "input",
      block_id: CHECKIN_BLOCKS.mood,
      label: plain("How was your week?"),
      element: {
        type: "radio_buttons",
        action_id: CHECKIN_ACTIONS.mood,
        options: moodOptions,
        ...(savedMood ? { initial_option: savedMood } : {}),
      },
    },
    textInput("progress", "What did you move forward this week?", saved?.progress, {
      placeholder: "Shipped the importer, reviewed the API design…",
    }),
    textInput("plans", "What do you plan for next week?", saved?.plans, {
      placeholder: "Finish the docs, start on reminders…",
    }),
    textInput("blockers", "Anything blocking you?", saved?.blockers, { optional: true }),
    textInput("forManager", "Anything for your manager?", saved?.forManager, {
      optional: true,
      hint: "Your manager reads this with your check-in.",
    }),
    ...checkInGoalBlocks(goals),
  ];
  const metadata: CheckInModalMetadata = {
    periodKey: form.periodKey,
    ...(goals.length > 0 ? { goals: shownGoalValues(goals) } : {}),
  };
  return {
    type: "modal",
    callback_id: CHECKIN_MODAL_CALLBACK,
    title: plain("Weekly check-in", 24),
    submit: plain(saved ? "Update" : "Save", 24),
    close: plain("Cancel", 24),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

function textInput(
  field: Exclude<CheckInField, "mood">,
  label: string,
  initial: string | null | undefined,
  options: { optional?: boolean; placeholder?: string; hint?: string },
): InputBlock {
  return {
    type: "input",
    block_id: CHECKIN_BLOCKS[field],
    optional: options.optional ?? false,
    label: plain(label),
    ...(options.hint ? { hint: plain(options.hint) } : {}),
    element: {
      type: "plain_text_input",
      action_id: CHECKIN_ACTIONS[field],
      multiline: true,
      max_length: CHECK_IN_TEXT_MAX,
      ...(options.placeholder ? { placeholder: plain(options.placeholder, 150) } : {}),
      ...(initial ? { initial_value: initial.slice(0, CHECK_IN_TEXT_MAX) } : {}),
    },
  };
}

/** The period the modal was opened for; null when the metadata is missing or unreadable. */
export function readCheckInModalMetadata(raw: string): CheckInModalMetadata | null {
  try {
    const parsed = JSON.parse(raw) as { periodKey?: unknown; goals?: unknown };
    return typeof parsed.periodKey === "string" && parsed.periodKey.length <= 40
      ? { periodKey: parsed.periodKey, goals: readShownGoalValues(parsed.goals) }
      : null;
  } catch {
    return null;
  }
}
