// HR's view of an announcement: who of its audience (see announcement-audience.ts) has acknowledged it, who has not,
// and how many of those a follow-up would reach now (everyone pending who has not had one yet).
import type { DomainContext } from "../context.ts";
import { requireRole } from "../people/person.ts";
import { parseInput } from "../validation.ts";
import {
  announcementFollowUpKey,
  AnnouncementStatusInput,
  type AnnouncementStatusOptions,
} from "./announcement.schemas.ts";
import { audienceOf, loadAnnouncement, type AnnouncementRecord, type AudiencePerson } from "./announcement-audience.ts";
import { AppError } from "../../shared/errors.ts";

export interface AnnouncementStatus {
  announcement: Pick<AnnouncementRecord, "id" | "authorName" | "text" | "withAck" | "createdAt" | "targets">;
  audienceCount: number;
  acknowledged: AudiencePerson[];
  /** In the audience and not acknowledged, by name. */
  pending: AudiencePerson[];
  /** Pending people who already had their one follow-up. */
  followedUp: number;
  /** The preview of a follow-up: how many people it would DM now. */
  followUpCount: number;
}

export async function announcementStatus(
  ctx: DomainContext,
  options: AnnouncementStatusOptions,
): Promise<AnnouncementStatus> {
  const input = parseInput(AnnouncementStatusInput, options);
  await requireActorRole(ctx, input.actorId, "see who has acknowledged an announcement");
  const announcement = await loadAnnouncement(ctx, input.announcementId);
  const { acknowledged, pending, remindable } = await splitAudience(ctx, announcement);
  return {
    announcement: {
      id: announcement.id,
      authorName: announcement.authorName,
      text: announcement.text,
      withAck: announcement.withAck,
      createdAt: announcement.createdAt,
      targets: announcement.targets,
    },
    audienceCount: acknowledged.length + pending.length,
    acknowledged,
    pending,
    followedUp: pending.length - remindable.length,
    followUpCount: announcement.withAck ? remindable.length : 0,
  };
}

/** HR and admins only; the refusal names the action. */
export async function requireActorRole(ctx: DomainContext, actorId: string, action: string): Promise<void> {
  const actor = await ctx.prisma.person.findUnique({ where: { id: actorId }, select: { role: true, active: true } });
  if (!actor || !actor.active) throw new AppError("FORBIDDEN", "Your Momentum account is deactivated.");
  requireRole(actor, "hr", action);
}

/** Acknowledged (anyone who clicked), pending (audience without an ack) and remindable (pending, never followed up). */
export async function splitAudience(ctx: DomainContext, announcement: AnnouncementRecord) {
  const audience = await audienceOf(ctx, announcement);
  const acks = await ctx.prisma.announcementAck.findMany({
    where: { announcementId: announcement.id },
    select: { personId: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const ackedIds = new Set(acks.map((ack) => ack.personId));
  const names = new Map(audience.map((person) => [person.personId, person.name]));
  const outsiders = acks.filter((ack) => !names.has(ack.personId)).map((ack) => ack.personId);
  if (outsiders.length > 0) {
    for (const person of await ctx.prisma.person.findMany({
      where: { id: { in: outsiders } },
      select: { id: true, name: true },
    }))
      names.set(person.id, person.name);
  }
  const acknowledged = acks.map((ack) => ({ personId: ack.personId, name: names.get(ack.personId) ?? "Someone" }));
  const pending = audience.filter((person) => !ackedIds.has(person.personId));
  const keys = pending.map((person) => announcementFollowUpKey(announcement.id, person.personId));
  const sent = new Set(
    keys.length === 0
      ? []
      : (await ctx.prisma.delivery.findMany({ where: { key: { in: keys } }, select: { key: true } })).map(
          (row) => row.key,
        ),
  );
  const remindable = pending.filter((person) => !sent.has(announcementFollowUpKey(announcement.id, person.personId)));
  return { acknowledged, pending, remindable };
}
