import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { AppError, validationError } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { enqueueDeliveries, type NewDelivery } from "../notifications/outbox.ts";
import { GiveKudosInput, type GiveKudosOptions } from "./kudos.schemas.ts";
import { parseInput } from "../validation.ts";

export interface GivenKudos {
  id: string;
  recipientId: string;
  recipientName: string;
}

export interface GiveKudosResult {
  batchId: string;
  kudos: GivenKudos[];
  /** True when this request had already been handled (a retry or a double click): nothing new was stored. */
  duplicate: boolean;
  /** Recipients Momentum cannot DM yet (no chat identity it can reach); the kudos is stored all the same. */
  unreachable: { personId: string; name: string }[];
  /** Public post target, when one will be posted. */
  announcedIn: NewDelivery["target"] | null;
}

export interface KudosRouting {
  /** The org's kudos channel on each platform, if configured. */
  slackKudosChannel?: string;
}

/**
 * Records one kudos per recipient, and in the same transaction queues a DM to each recipient and, for public
 * kudos, one post in the kudos channel (or the channel it was given in).
 */
export async function giveKudos(
  ctx: DomainContext,
  options: GiveKudosOptions,
  routing: KudosRouting = {},
): Promise<GiveKudosResult> {
  const input = parseInput(GiveKudosInput, options);
  const recipientIds = [...new Set(input.recipientIds)];
  if (recipientIds.includes(input.giverId))
    throw validationError("You can't give kudos to yourself, but thanks for the enthusiasm!");
  if (input.value && !ctx.org.kudosValues.includes(input.value)) {
    throw validationError(
      `#${input.value} isn't one of our company values. Try one of: ${ctx.org.kudosValues.map((v) => `#${v}`).join(", ")}.`,
    );
  }

  const previous = await findBatch(ctx, input.requestKey);
  if (previous) return { ...previous, duplicate: true, unreachable: [], announcedIn: null };

  const people = await ctx.prisma.person.findMany({
    where: { id: { in: [input.giverId, ...recipientIds] } },
    select: {
      id: true,
      name: true,
      active: true,
      timeZone: true,
      slackIdentities: {
        where: { deactivatedAt: null },
        select: { userId: true },
        orderBy: { createdAt: "asc" },
        take: 1,
      },
      teamsIdentities: { select: { conversationReference: true } },
    },
  });
  const byId = new Map(people.map((person) => [person.id, person]));
  const giver = byId.get(input.giverId);
  if (!giver || !giver.active)
    throw new AppError("FORBIDDEN", "Your Momentum account is deactivated, so you can't give kudos.");
  for (const id of recipientIds) {
    const recipient = byId.get(id);
    if (!recipient) throw new AppError("NOT_FOUND", "I couldn't find one of the people you mentioned.");
    if (!recipient.active)
      throw validationError(`${recipient.name} is no longer active in Momentum, so they can't receive kudos.`);
  }

  const batchId = randomUUID();
  const target = announcementTarget(input, routing);
  const rows = recipientIds.map((recipientId) => ({ id: randomUUID(), recipientId }));
  const startOfGiverDay = DateTime.fromJSDate(ctx.clock.now()).setZone(giver.timeZone).startOf("day").toJSDate();

  await ctx.prisma.$transaction(async (tx) => {
    // Serialise this giver's concurrent requests so the daily limit cannot be raced past.
    await tx.$queryRaw`SELECT id FROM "Person" WHERE id = ${giver.id} FOR UPDATE`;
    const givenToday = await tx.kudos.count({ where: { giverId: giver.id, createdAt: { gte: startOfGiverDay } } });
    if (givenToday + rows.length > ctx.org.kudosDailyLimit) {
      const left = Math.max(0, ctx.org.kudosDailyLimit - givenToday);
      throw new AppError(
        "LIMIT_REACHED",
        `You can give ${ctx.org.kudosDailyLimit} kudos a day and have ${left} left today, so this one wasn't sent. Try again tomorrow!`,
      );
    }
    const createdAt = ctx.clock.now();
    await tx.kudos.createMany({
      data: rows.map((row) => ({
        id: row.id,
        batchId,
        requestKey: input.requestKey,
        giverId: giver.id,
        recipientId: row.recipientId,
        message: input.message,
        value: input.value ?? null,
        visibility: input.visibility,
        platform: input.platform,
        createdAt,
      })),
    });
    const deliveries: NewDelivery[] = rows.map((row) => ({
      key: `kudos-dm:${row.id}`,
      kind: "kudos.received",
      target: { kind: "person", personId: row.recipientId },
      message: {
        type: "kudos.received",
        kudosId: row.id,
        giverName: giver.name,
        giverSlackUserId: slackUserIdOf(giver),
        message: input.message,
        value: input.value ?? null,
        visibility: input.visibility,
      },
    }));
    if (target) {
      deliveries.push({
        key: `kudos-post:${batchId}`,
        kind: "kudos.announced",
        target,
        message: {
          type: "kudos.announced",
          batchId,
          giverName: giver.name,
          recipientNames: recipientIds.map((id) => byId.get(id)!.name),
          giverSlackUserId: slackUserIdOf(giver),
          recipientSlackUserIds: recipientIds.map((id) => slackUserIdOf(byId.get(id)!)),
          message: input.message,
          value: input.value ?? null,
        },
      });
    }
    await enqueueDeliveries(tx, deliveries, createdAt);
  });

  const unreachable = recipientIds
    .map((id) => byId.get(id)!)
    .filter(
      (person) =>
        person.slackIdentities.length === 0 &&
        !person.teamsIdentities.some((identity) => identity.conversationReference),
    )
    .map((person) => ({ personId: person.id, name: person.name }));
  return {
    batchId,
    kudos: rows.map((row) => ({
      id: row.id,
      recipientId: row.recipientId,
      recipientName: byId.get(row.recipientId)!.name,
    })),
    duplicate: false,
    unreachable,
    announcedIn: target,
  };
}

/** Slack mentions people who have a Slack identity: they are notified, and Slack shows their current name. */
function slackUserIdOf(person: { slackIdentities: { userId: string }[] }): string | null {
  return person.slackIdentities[0]?.userId ?? null;
}

function announcementTarget(
  input: ReturnType<typeof GiveKudosInput.parse>,
  routing: KudosRouting,
): NewDelivery["target"] | null {
  if (input.visibility === "private") return null;
  if (input.platform === "slack" && routing.slackKudosChannel)
    return { kind: "slack-channel", channel: routing.slackKudosChannel };
  return input.channel ?? null;
}

async function findBatch(ctx: DomainContext, requestKey: string) {
  const existing = await ctx.prisma.kudos.findMany({
    where: { requestKey },
    select: { id: true, batchId: true, recipientId: true, recipient: { select: { name: true } } },
  });
  if (existing.length === 0) return null;
  return {
    batchId: existing[0].batchId,
    kudos: existing.map((row) => ({ id: row.id, recipientId: row.recipientId, recipientName: row.recipient.name })),
  };
}
