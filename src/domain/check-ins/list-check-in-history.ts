// A person's own last check-ins (`/checkin history`). Only ever the caller's own: managers read their reports'
// check-ins through the summary use cases, not through this one.
import { z } from "zod";
import { DateTime } from "luxon";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { PersonIdSchema } from "./check-in.schemas.ts";

const HistoryInput = z.object({
  personId: PersonIdSchema,
  limit: z
    .number()
    .int()
    .min(1, "Ask for at least one check-in.")
    .max(50, "I can show at most 50 check-ins at once.")
    .default(5),
});

export interface ListCheckInHistoryOptions {
  personId: string;
  /** 1 … 50, default 5. */
  limit?: number;
}

export interface CheckInHistoryItem {
  id: string;
  periodKey: string;
  /** "Week 48, 2026". */
  periodLabel: string;
  mood: number;
  progress: string;
  plans: string;
  blockers: string | null;
  forManager: string | null;
  submittedAt: Date;
  updatedAt: Date;
}

/** Newest period first. */
export async function listCheckInHistory(
  ctx: DomainContext,
  options: ListCheckInHistoryOptions,
): Promise<CheckInHistoryItem[]> {
  const input = parseInput(HistoryInput, options);
  const rows = await ctx.prisma.checkIn.findMany({
    where: { personId: input.personId },
    // "2026-W48" keys sort as text in calendar order (four-digit year, two-digit week).
    orderBy: { periodKey: "desc" },
    take: input.limit,
    select: {
      id: true,
      periodKey: true,
      mood: true,
      progress: true,
      plans: true,
      blockers: true,
      forManager: true,
      submittedAt: true,
      updatedAt: true,
    },
  });
  return rows.map((row) => ({ ...row, periodLabel: periodLabel(row.periodKey) }));
}

/** "2026-W48" → "Week 48, 2026" (falls back to the key for anything else). */
export function periodLabel(periodKey: string): string {
  const week = DateTime.fromISO(periodKey);
  return week.isValid ? `Week ${week.weekNumber}, ${week.weekYear}` : periodKey;
}
