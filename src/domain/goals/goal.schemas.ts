// Goal input, validated field by field so a Slack modal or a Teams dialog can show each problem next to its field
// and keep everything else the person entered. Platforms hand numbers over as strings ("42", "" for empty).
import { DateTime } from "luxon";
import { z } from "zod";
import { freeText } from "../text.schemas.ts";

export const GOAL_TITLE_MAX = 200;
export const GOAL_COMMENT_MAX = 1000;
export const GOAL_LEVELS = ["company", "team", "person"] as const;
export const GOAL_STATUSES = ["on_track", "at_risk", "off_track", "done"] as const;
export const GOAL_MEASURES = ["percent", "number"] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type GoalMeasure = (typeof GOAL_MEASURES)[number];

export const GOAL_LEVEL_LABELS: Record<GoalLevel, string> = { company: "Company", team: "Team", person: "Personal" };
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  done: "Done",
};

/** Every field a goal form can show an error next to. */
export const GOAL_FIELDS = [
  "level",
  "title",
  "measure",
  "startValue",
  "targetValue",
  "dueDate",
  "parentId",
  "goalId",
  "value",
  "status",
  "comment",
] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];

/** Values beyond this are typos, not goals; it also keeps them exact in a double. */
const NUMBER_LIMIT = 1e12;

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : (value ?? undefined);

/** "42", "42.5", " 1,000 " or 42 → a number; anything else is refused with `message`. */
export const goalNumber = (message: string) =>
  z.preprocess(
    (value) => {
      const blank = blankToUndefined(value);
      if (typeof blank !== "string") return blank;
      const cleaned = blank
        .trim()
        .replace(/[,_\s]/g, "")
        .replace(/%$/, "");
      return cleaned === "" || Number.isNaN(Number(cleaned)) ? blank : Number(cleaned);
    },
    z.number({ error: message }).refine((n) => Number.isFinite(n) && Math.abs(n) <= NUMBER_LIMIT, message),
  );

export const dueDate = z
  .string({ error: "Pick a due date." })
  .trim()
  .min(1, "Pick a due date.")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the due date as YYYY-MM-DD, e.g. 2026-12-31.")
  .refine(
    (value) => DateTime.fromISO(value, { zone: "UTC" }).isValid,
    "That due date isn't a real day of the calendar.",
  );

const comment = z.preprocess(
  blankToUndefined,
  freeText(
    z.string().trim().max(GOAL_COMMENT_MAX, `Please keep the comment under ${GOAL_COMMENT_MAX} characters.`),
  ).optional(),
);

export const CreateGoalSchema = z.object({
  actorId: z.string().min(1, "Missing person."),
  level: z.enum(GOAL_LEVELS, { error: "Pick a level: company, team or personal." }),
  title: freeText(
    z
      .string()
      .trim()
      .min(1, "Give the goal a title.")
      .max(GOAL_TITLE_MAX, `Please keep the title under ${GOAL_TITLE_MAX} characters.`),
    "Give the goal a title.",
  ),
  measure: z.enum(GOAL_MEASURES, { error: "Pick how progress is measured: percent or a number." }),
  startValue: z.preprocess(blankToUndefined, goalNumber("The start must be a number, e.g. 0.").optional()),
  targetValue: z.preprocess(blankToUndefined, goalNumber("The target must be a number, e.g. 100.").optional()),
  dueDate,
  parentId: z.preprocess(blankToUndefined, z.string().max(64).optional()),
});
export type CreateGoalInput = z.input<typeof CreateGoalSchema>;

export const UpdateGoalProgressSchema = z.object({
  actorId: z.string().min(1, "Missing person."),
  goalId: z
    .string({ error: "Pick one of your goals." })
    .trim()
    .min(1, "Pick one of your goals.")
    .max(64, "Pick one of your goals."),
  value: goalNumber("Give the new progress as a number, e.g. 40."),
  status: z.preprocess(
    blankToUndefined,
    z.enum(GOAL_STATUSES, { error: "Pick a status: on track, at risk, off track or done." }).optional(),
  ),
  comment,
});
export type UpdateGoalProgressInput = z.input<typeof UpdateGoalProgressSchema>;

export const PersonIdSchema = z.string().min(1, "Missing person.");
