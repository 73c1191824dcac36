// Who Momentum can message, on which platform, and why not: `people reach` lists it; review launches,
// announcement follow-ups and the admin's home count the people it cannot reach yet.
import { Prisma } from "../../db/database.ts";
import type { DomainContext, Tx } from "../context.ts";
import type { PlatformName } from "../notifications/notifier.ts";
import { hasUsableEmail, REACH_REASONS, type ReachReason } from "./reach.ts";

export interface PlatformReach {
  reachable: boolean;
  /** Why not, in HR's words; null when reachable. */
  reason: string | null;
}

export interface PersonReach {
  personId: string;
  email: string;
  name: string;
  platforms: Partial<Record<PlatformName, PlatformReach>>;
  /** Reachable on at least one of the platforms asked about. */
  reachable: boolean;
}

const REACH_SELECT = {
  id: true,
  email: true,
  name: true,
  slackIdentities: { where: { deactivatedAt: null }, select: { id: true }, take: 1 },
  teamsIdentities: {
    where: { NOT: { conversationReference: { equals: Prisma.DbNull } } },
    select: { id: true },
    take: 1,
  },
  reachability: { select: { platform: true, reachable: true, reason: true } },
} as const;

export async function listReachability(
  ctx: Pick<DomainContext, "prisma"> | { prisma: Tx },
  options: { platforms: PlatformName[]; personIds?: string[] },
): Promise<PersonReach[]> {
  const people = await ctx.prisma.person.findMany({
    where: { active: true, ...(options.personIds ? { id: { in: options.personIds } } : {}) },
    select: REACH_SELECT,
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return people.map((person) => {
    const platforms: Partial<Record<PlatformName, PlatformReach>> = {};
    for (const platform of options.platforms) {
      const linked = platform === "slack" ? person.slackIdentities.length > 0 : person.teamsIdentities.length > 0;
      const stored = person.reachability.find((row) => row.platform === platform);
      platforms[platform] = linked
        ? { reachable: true, reason: null }
        : {
            reachable: false,
            reason: reasonText(person.email, platform, stored?.reachable === false ? stored.reason : null),
          };
    }
    const reachable = Object.values(platforms).some((reach) => reach?.reachable);
    return { personId: person.id, email: person.email, name: person.name, platforms, reachable };
  });
}

function reasonText(email: string, platform: PlatformName, stored: string | null): string {
  if (!hasUsableEmail(email)) return REACH_REASONS.no_email;
  if (stored && stored in REACH_REASONS) return REACH_REASONS[stored as ReachReason];
  return platform === "slack" ? REACH_REASONS.slack_not_checked : REACH_REASONS.teams_not_checked;
}

/**
 * How many of these people Momentum cannot message on any platform yet (no usable Slack account, no Teams personal
 * chat). One query, so a 10,000-person launch can say it.
 */
export async function countUnreachable(ctx: { prisma: Tx }, personIds: string[]): Promise<number> {
  if (personIds.length === 0) return 0;
  const reachable = await ctx.prisma.person.count({
    where: {
      id: { in: personIds },
      OR: [
        { slackIdentities: { some: { deactivatedAt: null } } },
        { teamsIdentities: { some: { NOT: { conversationReference: { equals: Prisma.DbNull } } } } },
      ],
    },
  });
  return new Set(personIds).size - reachable;
}

/** Active people, other than these, whom Momentum cannot message on any platform yet. One query. */
export async function countUnreachableActiveExcept(ctx: { prisma: Tx }, excludedIds: string[]): Promise<number> {
  return ctx.prisma.person.count({
    where: {
      active: true,
      id: { notIn: excludedIds },
      NOT: {
        OR: [
          { slackIdentities: { some: { deactivatedAt: null } } },
          { teamsIdentities: { some: { NOT: { conversationReference: { equals: Prisma.DbNull } } } } },
        ],
      },
    },
  });
}

/** Active people Momentum cannot message anywhere yet, for the admin's home. */
export async function countUnreachableActive(ctx: { prisma: Tx }): Promise<{ unreachable: number; active: number }> {
  const [active, reachable] = await Promise.all([
    ctx.prisma.person.count({ where: { active: true } }),
    ctx.prisma.person.count({
      where: {
        active: true,
        OR: [
          { slackIdentities: { some: { deactivatedAt: null } } },
          { teamsIdentities: { some: { NOT: { conversationReference: { equals: Prisma.DbNull } } } } },
        ],
      },
    }),
  ]);
  return { unreachable: active - reachable, active };
}
