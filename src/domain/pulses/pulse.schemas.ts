// Inputs of the pulse use cases, checked once in the domain; the platform forms reuse the field schemas so a
// problem shows next to its field.
import { z } from "zod";
import { freeText } from "../text.schemas.ts";
import { CLOCK_TIME_PATTERN } from "../schedule/local-time.ts";
import {
  COMMENT_MAX_LENGTH,
  CUSTOM_QUESTION_MAX_LENGTH,
  CUSTOM_QUESTIONS_MAX,
  LIBRARY_IDS,
} from "./pulse-questions.ts";

const id = z.string().trim().min(1).max(200);

export const PULSE_CADENCES = ["once", "biweekly", "monthly"] as const;
export type PulseCadence = (typeof PULSE_CADENCES)[number];
export const CADENCE_LABELS: Record<PulseCadence, string> = {
  once: "Once",
  biweekly: "Every 2 weeks",
  monthly: "Monthly",
};
export const OPEN_DAYS_MAX = 7;
export const AUDIENCE_TEAMS_MAX = 20;

export const PulseAudience = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("everyone") }),
  z.object({
    kind: z.literal("teams"),
    managerIds: z
      .array(id)
      .min(1, "Choose at least one manager whose team is asked.")
      .max(AUDIENCE_TEAMS_MAX, `Choose at most ${AUDIENCE_TEAMS_MAX} teams.`),
  }),
]);
export type PulseAudience = z.infer<typeof PulseAudience>;

export const PulseDraftFields = {
  title: freeText(
    z.string().trim().min(1, "Give the pulse a name.").max(80, "A pulse name can be at most 80 characters."),
    "Give the pulse a name.",
  ),
  libraryIds: z.array(z.enum(LIBRARY_IDS)).max(LIBRARY_IDS.length).default([]),
  customQuestions: z
    .array(
      freeText(
        z
          .string()
          .trim()
          .min(1)
          .max(CUSTOM_QUESTION_MAX_LENGTH, `Each question can be at most ${CUSTOM_QUESTION_MAX_LENGTH} characters.`),
      ),
    )
    .max(CUSTOM_QUESTIONS_MAX, `Write at most ${CUSTOM_QUESTIONS_MAX} questions of your own.`)
    .default([]),
  audience: PulseAudience,
  cadence: z.enum(PULSE_CADENCES, { error: "Choose how often to ask." }),
  weekday: z.coerce.number({ error: "Choose a day." }).int().min(1, "Choose a day.").max(7, "Choose a day."),
  time: z
    .string({ error: "Choose a time such as 10:00." })
    .trim()
    .regex(CLOCK_TIME_PATTERN, "Choose a time such as 10:00."),
  openDays: z.coerce
    .number({ error: "Choose how long it stays open." })
    .int()
    .min(1, "It stays open at least 1 day.")
    .max(OPEN_DAYS_MAX, `It stays open at most ${OPEN_DAYS_MAX} days.`),
  shareResults: z.boolean().default(false),
};

export const PulseDraftInput = z
  .object({ actorId: id, ...PulseDraftFields })
  .refine(
    (draft) => draft.libraryIds.some((questionId) => questionId !== "comment") || draft.customQuestions.length > 0,
    {
      message: "Choose at least one question to score (a comment alone can't be summarised).",
      path: ["libraryIds"],
    },
  );
export type PulseDraftOptions = z.input<typeof PulseDraftInput>;
export type PulseDraft = z.output<typeof PulseDraftInput>;

export const LaunchPulseInput = z.object({
  draft: PulseDraftInput,
  /** Idempotency key of the request (the Slack view id, the Teams dialog's form id). */
  requestKey: z.string().trim().min(1).max(300),
});
export type LaunchPulseOptions = z.input<typeof LaunchPulseInput>;

export const PulseActorInput = z.object({ actorId: id, surveyId: id.nullish() });
export type PulseActorOptions = z.input<typeof PulseActorInput>;

export const PulseFormInput = z.object({
  personId: id,
  roundId: id,
  /** The respondent's own change key, when they come back to change their answers. */
  token: z.string().trim().min(20).max(200).nullish(),
});
export type PulseFormOptions = z.input<typeof PulseFormInput>;

export const SubmitPulseInput = z.object({
  personId: id,
  roundId: id,
  token: z.string().trim().min(20).max(200).nullish(),
  /** Raw values by question id ("7", 7, "" …): checked against the round's questions. */
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.null()]).optional()),
  comment: freeText(
    z.string().max(COMMENT_MAX_LENGTH, `A comment can be at most ${COMMENT_MAX_LENGTH} characters.`),
  ).nullish(),
});
export type SubmitPulseOptions = z.input<typeof SubmitPulseInput>;

/** Outbox keys: one ask, one reminder and one shared result per person and round, ever. */
export const pulseAskKey = (roundId: string, personId: string) => `pulse-ask:${roundId}:${personId}`;
export const pulseReminderKey = (roundId: string, personId: string) => `pulse-reminder:${roundId}:${personId}`;
export const pulseResultsKey = (roundId: string, personId: string) => `pulse-results:${roundId}:${personId}`;
