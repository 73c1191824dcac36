// Who an announcement is for, and so who "has not acknowledged" it.
//
// The audience is every active person (other than the author) who has an identity on a platform the announcement
// was posted on: a Slack identity when it went to a Slack channel, a Teams identity when it went to a Teams channel.
// It is deliberately org-wide rather than per channel: HR announcements go to company channels, channel membership
// would need a platform call per channel and person (conversations.members, Graph) inside the domain, and a
// person's membership can change after the post. People who never used Momentum have no identity, so Momentum could
// not DM them a follow-up either; they are not counted.
import { notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";

export interface AnnouncementRecord {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  withAck: boolean;
  cycleId: string | null;
  createdAt: Date;
  targets: { platform: "slack" | "teams"; channel: string }[];
}

export interface AudiencePerson {
  personId: string;
  name: string;
}

/** The announcement with this id, or the latest one when no id is given; a friendly NOT_FOUND otherwise. */
export async function loadAnnouncement(
  ctx: DomainContext,
  announcementId: string | null | undefined,
): Promise<AnnouncementRecord> {
  const select = {
    id: true,
    authorId: true,
    text: true,
    withAck: true,
    cycleId: true,
    createdAt: true,
    targets: { select: { platform: true, channel: true }, orderBy: { channel: "asc" as const } },
  };
  const found = announcementId
    ? await ctx.prisma.announcement.findUnique({ where: { id: announcementId }, select })
    : await ctx.prisma.announcement.findFirst({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select });
  if (!found) throw notFound(announcementId ? "I couldn't find that announcement." : "There are no announcements yet.");
  const author = await ctx.prisma.person.findUnique({ where: { id: found.authorId }, select: { name: true } });
  return { ...found, authorName: author?.name ?? "Someone" };
}

export async function audienceOf(ctx: DomainContext, announcement: AnnouncementRecord): Promise<AudiencePerson[]> {
  const platforms = new Set(announcement.targets.map((target) => target.platform));
  const reachable = [
    ...(platforms.has("slack") ? [{ slackIdentities: { some: { deactivatedAt: null } } }] : []),
    ...(platforms.has("teams") ? [{ teamsIdentities: { some: {} } }] : []),
  ];
  if (reachable.length === 0) return [];
  const people = await ctx.prisma.person.findMany({
    where: { active: true, id: { not: announcement.authorId }, OR: reachable },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return people.map((person) => ({ personId: person.id, name: person.name }));
}
