// The check-in form, validated field by field so a Slack modal or a Teams dialog can show each error next to its
// field and keep everything else the person typed.
import { z } from "zod";
import { freeText } from "../text.schemas.ts";

export const CHECK_IN_TEXT_MAX = 3000;
export const CHECK_IN_FIELDS = ["mood", "progress", "plans", "blockers", "forManager"] as const;
export type CheckInField = (typeof CHECK_IN_FIELDS)[number];

const requiredText = (what: string) =>
  freeText(
    z
      .string()
      .trim()
      .min(1, `Tell us ${what}.`)
      .max(CHECK_IN_TEXT_MAX, `Please keep this under ${CHECK_IN_TEXT_MAX} characters.`),
    `Tell us ${what}.`,
  );

const optionalText = freeText(
  z.string().trim().max(CHECK_IN_TEXT_MAX, `Please keep this under ${CHECK_IN_TEXT_MAX} characters.`),
)
  .nullish()
  .transform((value) => (value ? value : null));

/** Platforms hand over the mood as "3" (Slack radio value, Teams choice) or 3. */
const mood = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
  z
    .number({ error: "Pick your mood, from 1 to 5." })
    .int("Pick your mood, from 1 to 5.")
    .min(1, "Pick your mood, from 1 to 5.")
    .max(5, "Pick your mood, from 1 to 5."),
);

export const CheckInAnswersSchema = z.object({
  mood,
  progress: requiredText("what you moved forward this week"),
  plans: requiredText("what you plan for next week"),
  blockers: optionalText,
  forManager: optionalText,
});

/** What a form submits (strings or numbers, optional fields may be empty). */
export type CheckInAnswersInput = z.input<typeof CheckInAnswersSchema>;
/** Stored answers: trimmed, mood a number, empty optional fields null. */
export type CheckInAnswers = z.output<typeof CheckInAnswersSchema>;

export const PersonIdSchema = z.string().min(1, "Missing person.");

export const HistoryLimitSchema = z.number().int().min(1).max(50).default(5);
