// "Acknowledge" on an announcement (in the channel post or in the follow-up DM). Recording it twice is harmless:
// the second click finds the first and says so.
import { validationError } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { AcknowledgeAnnouncementInput, type AcknowledgeAnnouncementOptions } from "./announcement.schemas.ts";
import { loadAnnouncement } from "./announcement-audience.ts";

export interface AcknowledgeResult {
  /** False when this person had already acknowledged it: nothing new was written. */
  recorded: boolean;
  authorName: string;
}

export async function acknowledgeAnnouncement(
  ctx: DomainContext,
  options: AcknowledgeAnnouncementOptions,
): Promise<AcknowledgeResult> {
  const input = parseInput(AcknowledgeAnnouncementInput, options);
  const announcement = await loadAnnouncement(ctx, input.announcementId);
  if (!announcement.withAck)
    throw validationError("This announcement doesn't ask for an acknowledgement, so there's nothing to confirm.");
  const created = await ctx.prisma.announcementAck.createMany({
    data: [{ announcementId: announcement.id, personId: input.personId, createdAt: ctx.clock.now() }],
    skipDuplicates: true,
  });
  return { recorded: created.count === 1, authorName: announcement.authorName };
}
