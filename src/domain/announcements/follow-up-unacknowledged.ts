// HR's one follow-up: a DM to each person of the audience who has not acknowledged, once ever per person and
// announcement (the delivery key has no period), so a second follow-up only reaches people who were not pending
// the first time. DMs wait for each person's working hours, like every other nudge.
import { validationError } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { enqueueDeliveries } from "../notifications/outbox.ts";
import { countUnreachable, countUnreachableActiveExcept } from "../directory/list-reachability.ts";
import { parseInput } from "../validation.ts";
import { announcementFollowUpKey, FollowUpInput, type FollowUpOptions } from "./announcement.schemas.ts";
import { loadAnnouncement } from "./announcement-audience.ts";
import { requireActorRole, splitAudience } from "./announcement-status.ts";

export interface FollowUpResult {
  announcementId: string;
  /** DMs queued now. */
  queued: number;
  /** Of those, how many go to someone Momentum can message now (the rest wait until the person is found). */
  reaching: number;
  /** Pending people who had their follow-up before: nothing new for them. */
  alreadyFollowedUp: number;
  /**
   * How many of the people this reminder is for Momentum can't message on any platform yet: the reminded it has no
   * chat for, plus everyone active who hasn't acknowledged and was never found on chat (imported, not linked).
   */
  unreachable: number;
}

export async function followUpUnacknowledged(ctx: DomainContext, options: FollowUpOptions): Promise<FollowUpResult> {
  const input = parseInput(FollowUpInput, options);
  await requireActorRole(ctx, input.actorId, "send announcement reminders");
  const announcement = await loadAnnouncement(ctx, input.announcementId);
  if (!announcement.withAck)
    throw validationError("That announcement didn't ask people to acknowledge it, so there's no one to remind.");
  const { acknowledged, pending, remindable } = await splitAudience(ctx, announcement);
  const now = ctx.clock.now();
  const queued = await enqueueDeliveries(
    ctx.prisma,
    remindable.map((person) => ({
      key: announcementFollowUpKey(announcement.id, person.personId),
      kind: "announcement.followup",
      target: { kind: "person" as const, personId: person.personId },
      message: {
        type: "announcement.followup" as const,
        announcementId: announcement.id,
        authorName: announcement.authorName,
        text: announcement.text,
      },
      respectQuietHours: true,
    })),
    now,
  );
  await ctx.prisma.auditEvent.create({
    data: {
      actor: input.actorId,
      action: "announcement.follow_up",
      subject: announcement.id,
      detail: { queued },
      createdAt: now,
    },
  });
  // People with no chat identity are outside the audience (nothing could DM them), yet the reminder is for them too.
  const neverFound = await countUnreachableActiveExcept(ctx, [
    announcement.authorId,
    ...pending.map((person) => person.personId),
    ...acknowledged.map((person) => person.personId),
  ]);
  const unreachableReminded = await countUnreachable(
    ctx,
    remindable.map((person) => person.personId),
  );
  const reaching = Math.max(0, queued - unreachableReminded);
  return {
    announcementId: announcement.id,
    queued,
    reaching,
    alreadyFollowedUp: pending.length - remindable.length,
    unreachable: unreachableReminded + neverFound,
  };
}
