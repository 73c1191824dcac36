// HR posts an announcement to up to 20 channels. The announcement, its targets and one outbox delivery per channel
// are written in one transaction; the delivery engine then posts each exactly once (deterministic keys), under the
// fleet-wide rate limit, with retries. The request key makes a second copy of the same request (a double submit,
// a redelivered activity) a no-op that answers like the first.
import { randomUUID } from "node:crypto";
import { AppError, isUniqueViolation, notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import type { NewDelivery } from "../notifications/outbox.ts";
import { enqueueDeliveries } from "../notifications/outbox.ts";
import { requireRole } from "../people/person.ts";
import { parseInput } from "../validation.ts";
import {
  announcementPostKey,
  CreateAnnouncementInput,
  type AnnouncementTargetInput,
  type CreateAnnouncementOptions,
} from "./announcement.schemas.ts";

export interface CreateAnnouncementResult {
  announcementId: string;
  targets: AnnouncementTargetInput[];
  withAck: boolean;
  /** True when this request had been handled before: nothing new was stored or queued. */
  duplicate: boolean;
}

export async function createAnnouncement(
  ctx: DomainContext,
  options: CreateAnnouncementOptions,
): Promise<CreateAnnouncementResult> {
  const input = parseInput(CreateAnnouncementInput, options);
  const author = await ctx.prisma.person.findUnique({
    where: { id: input.authorId },
    select: { id: true, name: true, role: true, active: true },
  });
  if (!author || !author.active)
    throw new AppError("FORBIDDEN", "Your Momentum account is deactivated, so you can't send announcements.");
  requireRole(author, "hr", "send announcements");

  const previous = await findByRequestKey(ctx, input.requestKey);
  if (previous) return previous;
  if (input.cycleId) {
    const cycle = await ctx.prisma.reviewCycle.findUnique({ where: { id: input.cycleId }, select: { id: true } });
    if (!cycle) throw notFound("That review cycle no longer exists, so it can't be announced.");
  }

  const targets = uniqueTargets(input.targets);
  const announcementId = randomUUID();
  const now = ctx.clock.now();
  const deliveries: NewDelivery[] = targets.map((target) => ({
    key: announcementPostKey(announcementId, target.platform, target.channel),
    kind: "announcement.posted",
    target:
      target.platform === "slack"
        ? { kind: "slack-channel", channel: target.channel, ...(target.teamId ? { teamId: target.teamId } : {}) }
        : { kind: "teams-channel", conversationId: target.channel },
    message: {
      type: "announcement.posted",
      announcementId,
      authorName: author.name,
      text: input.text,
      withAck: input.withAck,
    },
  }));
  try {
    await ctx.prisma.$transaction(async (tx) => {
      await tx.announcement.create({
        data: {
          id: announcementId,
          requestKey: input.requestKey,
          authorId: author.id,
          text: input.text,
          withAck: input.withAck,
          cycleId: input.cycleId ?? null,
          createdAt: now,
        },
      });
      await tx.announcementTarget.createMany({
        data: targets.map((target) => ({ announcementId, platform: target.platform, channel: target.channel })),
      });
      await enqueueDeliveries(tx, deliveries, now);
    });
  } catch (error) {
    // The same request arrived twice at once: the other copy stored it.
    if (!isUniqueViolation(error)) throw error;
    const stored = await findByRequestKey(ctx, input.requestKey);
    if (!stored) throw error;
    return stored;
  }
  ctx.logger.info({ announcementId, channels: targets.length, withAck: input.withAck }, "announcement queued");
  return { announcementId, targets, withAck: input.withAck, duplicate: false };
}

function uniqueTargets(targets: AnnouncementTargetInput[]): AnnouncementTargetInput[] {
  const seen = new Map<string, AnnouncementTargetInput>();
  for (const target of targets) seen.set(`${target.platform}:${target.channel}`, target);
  return [...seen.values()];
}

async function findByRequestKey(ctx: DomainContext, requestKey: string): Promise<CreateAnnouncementResult | null> {
  const stored = await ctx.prisma.announcement.findUnique({
    where: { requestKey },
    select: { id: true, withAck: true, targets: { select: { platform: true, channel: true } } },
  });
  return stored
    ? { announcementId: stored.id, targets: stored.targets, withAck: stored.withAck, duplicate: true }
    : null;
}
