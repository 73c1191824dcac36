// What a check-in form needs to open: the current period, its deadline and, when the person already submitted
// this period, their saved answers so the form reopens filled in.
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { PersonIdSchema, type CheckInAnswers } from "./check-in.schemas.ts";
import { loadPersonPeriod } from "./current-period.ts";

export interface GetCheckInFormOptions {
  personId: string;
  now?: Date;
}

export interface CheckInForm {
  periodKey: string;
  periodStart: Date;
  deadline: Date;
  /** "Friday 27 November, 15:00" in the person's zone. */
  deadlineLabel: string;
  /** Saved answers of this period, or null when nothing was submitted yet. */
  answers: CheckInAnswers | null;
  submittedAt: Date | null;
  /** The mood scale the form offers (value 1 … 5). */
  moodOptions: { value: number; label: string }[];
}

export const MOOD_OPTIONS: CheckInForm["moodOptions"] = [
  { value: 1, label: "1 · Rough week" },
  { value: 2, label: "2 · Meh" },
  { value: 3, label: "3 · Okay" },
  { value: 4, label: "4 · Good" },
  { value: 5, label: "5 · Great week" },
];

export async function getCheckInForm(ctx: DomainContext, options: GetCheckInFormOptions): Promise<CheckInForm> {
  const personId = parseInput(PersonIdSchema, options.personId);
  const { period, deadlineLabel } = await loadPersonPeriod(ctx, personId, options.now ?? ctx.clock.now());
  const saved = await ctx.prisma.checkIn.findUnique({
    where: { personId_periodKey: { personId, periodKey: period.key } },
    select: { mood: true, progress: true, plans: true, blockers: true, forManager: true, submittedAt: true },
  });
  const { submittedAt, ...answers } = saved ?? { submittedAt: null };
  return {
    periodKey: period.key,
    periodStart: period.start,
    deadline: period.deadline,
    deadlineLabel,
    answers: saved ? (answers as CheckInAnswers) : null,
    submittedAt,
    moodOptions: MOOD_OPTIONS,
  };
}
