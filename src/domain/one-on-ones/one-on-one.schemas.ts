// Inputs of the 1:1 use cases, validated once at the domain's edge (both platforms call the same use cases).
import { z } from "zod";
import { freeText } from "../text.schemas.ts";
import { CLOCK_TIME_PATTERN } from "../schedule/local-time.ts";

export const ONE_ON_ONE_NOTE_MAX = 2000;
const PERIOD_KEY = /^\d{4}-W\d{2}$/;

const personId = (message: string) => z.string({ error: message }).min(1, message);

export const SetOneOnOneSlotInput = z.object({
  actorId: personId("I couldn't tell who you are. Please try again."),
  reportId: personId("Mention the person whose 1:1 you want to set, e.g. `one-on-one @alice friday 10:00`."),
  /** null weekday and time: back to the default (the manager's Monday 09:00). */
  weekday: z.number().int().min(1).max(7).nullable(),
  time: z.string().regex(CLOCK_TIME_PATTERN, "Use 24-hour time, e.g. 10:00.").nullable(),
});
export type SetOneOnOneSlotOptions = z.input<typeof SetOneOnOneSlotInput>;

export const AddOneOnOneNoteInput = z.object({
  managerId: personId("I couldn't tell who you are. Please try again."),
  reportId: personId("That note isn't attached to anyone. Open it again from the 1:1 agenda."),
  text: freeText(
    z
      .string()
      .trim()
      .min(1, "Write your note first.")
      .max(ONE_ON_ONE_NOTE_MAX, `Please keep a note under ${ONE_ON_ONE_NOTE_MAX} characters.`),
    "Write your note first.",
  ),
});
export type AddOneOnOneNoteOptions = z.input<typeof AddOneOnOneNoteInput>;

export const MarkOneOnOneDoneInput = z.object({
  managerId: personId("I couldn't tell who you are. Please try again."),
  reportId: personId("That button isn't attached to anyone. Use the one on the latest 1:1 agenda."),
  periodKey: z.string().regex(PERIOD_KEY, "That button is from an agenda Momentum can't read. Use the latest one."),
  /** The instant the agenda was built: notes written before it were shown in it and are closed. */
  shownAt: z.coerce.date({ error: "That button is from an agenda Momentum can't read. Use the latest one." }),
});
export type MarkOneOnOneDoneOptions = z.input<typeof MarkOneOnOneDoneInput>;
