// "Add a private note" on a 1:1 agenda: stored for the next agenda, visible to that manager only.
import { randomUUID } from "node:crypto";
import type { DomainContext } from "../context.ts";
import { onceInTransaction } from "../request-keys.ts";
import { parseInput } from "../validation.ts";
import { AddOneOnOneNoteInput, type AddOneOnOneNoteOptions } from "./one-on-one.schemas.ts";
import { requireCurrentManager } from "./report-access.ts";

export interface AddOneOnOneNoteResult {
  noteId: string;
  reportName: string;
  /** Notes still open for this report, this one included: all of them appear in the next agenda. */
  openNotes: number;
}

/** With a request key: null when that request has already been handled (a retried copy), and nothing is stored. */
export async function addOneOnOneNote(
  ctx: DomainContext,
  options: AddOneOnOneNoteOptions & { requestKey: string },
): Promise<AddOneOnOneNoteResult | null>;
export async function addOneOnOneNote(
  ctx: DomainContext,
  options: AddOneOnOneNoteOptions,
): Promise<AddOneOnOneNoteResult>;
export async function addOneOnOneNote(
  ctx: DomainContext,
  options: AddOneOnOneNoteOptions & { requestKey?: string },
): Promise<AddOneOnOneNoteResult | null> {
  const input = parseInput(AddOneOnOneNoteInput, options);
  const { report } = await requireCurrentManager(ctx, input.managerId, input.reportId);
  const noteId = randomUUID();
  const now = ctx.clock.now();
  const openNotes = await onceInTransaction(ctx.prisma, options.requestKey, now, async (tx) => {
    await tx.oneOnOneNote.create({
      data: { id: noteId, managerId: input.managerId, reportId: report.id, text: input.text, createdAt: now },
    });
    return tx.oneOnOneNote.count({ where: { managerId: input.managerId, reportId: report.id, closedAt: null } });
  });
  if (openNotes === null) return null;
  // Never the note itself in the log: it is the manager's private text.
  ctx.logger.info({ managerId: input.managerId, reportId: report.id, noteId }, "1:1 note added");
  return { noteId, reportName: report.name, openNotes };
}
