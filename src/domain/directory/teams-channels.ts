// The team channels Momentum has been added to (TeamsChannel rows): stored when a message or an install comes
// from one, offered to HR for announcements, and used by the outbox to post there.
import type { DomainContext } from "../context.ts";

export interface TeamsChannelToRemember {
  tenantId: string;
  conversationId: string;
  name: string;
  /** The conversation reference proactive posts use (stored as JSON). */
  reference: unknown;
}

export interface TeamsChannelChoice {
  conversationId: string;
  name: string;
}

/** Stores (or refreshes) a team channel, so channel posts work later. */
export async function rememberTeamsChannel(
  ctx: Pick<DomainContext, "prisma" | "clock">,
  channel: TeamsChannelToRemember,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.prisma.teamsChannel.upsert({
    where: { conversationId: channel.conversationId },
    create: {
      tenantId: channel.tenantId,
      conversationId: channel.conversationId,
      name: channel.name,
      conversationReference: channel.reference as object,
      createdAt: now,
      updatedAt: now,
    },
    update: { name: channel.name, conversationReference: channel.reference as object, updatedAt: now },
  });
}

/** The tenant's channels by name. */
export async function listTeamsChannels(
  ctx: Pick<DomainContext, "prisma">,
  options: { tenantId: string },
): Promise<TeamsChannelChoice[]> {
  return ctx.prisma.teamsChannel.findMany({
    where: { tenantId: options.tenantId },
    select: { conversationId: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** Names of the given channels (unknown ids are left out). */
export async function teamsChannelNames(
  ctx: Pick<DomainContext, "prisma">,
  conversationIds: string[],
): Promise<Map<string, string>> {
  const channels = await ctx.prisma.teamsChannel.findMany({
    where: { conversationId: { in: conversationIds } },
    select: { conversationId: true, name: true },
  });
  return new Map(channels.map((channel) => [channel.conversationId, channel.name]));
}

/** The stored reference of a channel, or null when Momentum has not been added to it. */
export async function teamsChannelReference(
  ctx: Pick<DomainContext, "prisma">,
  conversationId: string,
): Promise<unknown> {
  const channel = await ctx.prisma.teamsChannel.findUnique({
    where: { conversationId },
    select: { conversationReference: true },
  });
  return channel?.conversationReference ?? null;
}
