// "Mark 1:1 done": records the week's 1:1 once (a second click, or the other platform's button, changes nothing)
// and closes the notes the agenda showed, so the next agenda starts from the notes written after it.
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { periodLabel } from "../check-ins/list-check-in-history.ts";
import { MarkOneOnOneDoneInput, type MarkOneOnOneDoneOptions } from "./one-on-one.schemas.ts";
import { requireCurrentManager } from "./report-access.ts";

export interface MarkOneOnOneDoneResult {
  reportName: string;
  periodKey: string;
  weekLabel: string;
  /** False when this week's 1:1 was already marked done. */
  newlyDone: boolean;
  closedNotes: number;
}

export async function markOneOnOneDone(
  ctx: DomainContext,
  options: MarkOneOnOneDoneOptions,
): Promise<MarkOneOnOneDoneResult> {
  const input = parseInput(MarkOneOnOneDoneInput, options);
  const { report } = await requireCurrentManager(ctx, input.managerId, input.reportId);
  const now = ctx.clock.now();
  const { newlyDone, closedNotes } = await ctx.prisma.$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING rather than catching a unique violation, which would abort the transaction.
    const inserted = await tx.oneOnOneDone.createMany({
      data: [{ managerId: input.managerId, reportId: report.id, periodKey: input.periodKey, doneAt: now }],
      skipDuplicates: true,
    });
    const closed = await tx.oneOnOneNote.updateMany({
      where: { managerId: input.managerId, reportId: report.id, closedAt: null, createdAt: { lte: input.shownAt } },
      data: { closedAt: now },
    });
    return { newlyDone: inserted.count === 1, closedNotes: closed.count };
  });
  ctx.logger.info(
    { managerId: input.managerId, reportId: report.id, periodKey: input.periodKey, newlyDone, closedNotes },
    "1:1 marked done",
  );
  return {
    reportName: report.name,
    periodKey: input.periodKey,
    weekLabel: periodLabel(input.periodKey),
    newlyDone,
    closedNotes,
  };
}
