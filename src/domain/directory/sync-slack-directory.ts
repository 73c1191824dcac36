// The Slack directory sync (after an import, daily, `people sync`): read every users.list page, then link in one
// transaction. And the one-person lookup the outbox tries before failing a delivery for want of an identity.
import type { DomainContext } from "../context.ts";
import {
  DirectoryBusyError,
  type DirectorySyncSummary,
  type LinkOutcome,
  type SlackMember,
  type SlackMemberSource,
} from "./directory-ports.ts";
import { linkSlackMembers } from "./link-slack-members.ts";
import { REACH_REASONS, hasUsableEmail, type ReachFinding, type ReachReason } from "./reach.ts";

export async function syncSlackDirectory(ctx: DomainContext, source: SlackMemberSource): Promise<DirectorySyncSummary> {
  const members: SlackMember[] = [];
  for await (const page of source.pages()) members.push(...page);
  const { linked, findings } = await linkSlackMembers(ctx, { members });
  const summary = summarise("slack", members.length, linked, findings);
  ctx.logger.info(
    { ...summary, unreachable: undefined, unreachableTotal: findings.length - summary.reachable },
    "Slack directory synced",
  );
  return summary;
}

/** How long a "not found" answer holds before the outbox asks Slack about the same person again. */
export const LOOKUP_COOLDOWN_MS = 60 * 60 * 1000;

export async function linkSlackPersonByEmail(
  ctx: DomainContext,
  source: SlackMemberSource,
  personId: string,
): Promise<LinkOutcome> {
  const person = await ctx.prisma.person.findUnique({
    where: { id: personId },
    select: {
      email: true,
      active: true,
      slackIdentities: { where: { deactivatedAt: null }, select: { id: true }, take: 1 },
      reachability: { where: { platform: "slack" }, select: { reachable: true, reason: true, checkedAt: true } },
    },
  });
  if (!person || !person.active) return { outcome: "unreachable", reason: "no longer active" };
  if (person.slackIdentities.length > 0) return { outcome: "linked" };
  if (!hasUsableEmail(person.email)) return { outcome: "unreachable", reason: REACH_REASONS.no_email };
  const last = person.reachability[0];
  // A recent "no" stands: 10,000 unlinked people must not become 10,000 lookups on every scheduled message.
  if (
    last &&
    !last.reachable &&
    last.reason &&
    ctx.clock.now().getTime() - last.checkedAt.getTime() < LOOKUP_COOLDOWN_MS
  ) {
    return { outcome: "unreachable", reason: REACH_REASONS[last.reason as ReachReason] ?? last.reason };
  }
  let member: SlackMember | null;
  try {
    member = await source.lookupByEmail(person.email);
  } catch (error) {
    if (error instanceof DirectoryBusyError) return { outcome: "busy", waitMs: error.waitMs };
    throw error;
  }
  const { findings } = await linkSlackMembers(ctx, { members: member ? [member] : [], personIds: [personId] });
  const finding = findings[0];
  if (!finding || finding.reachable)
    return finding ? { outcome: "linked" } : { outcome: "unreachable", reason: "no longer active" };
  return { outcome: "unreachable", reason: REACH_REASONS[finding.reason!] };
}

export function summarise(
  platform: "slack" | "teams",
  members: number,
  linked: number,
  findings: ReachFinding[],
): DirectorySyncSummary {
  const unreachable: Record<string, number> = {};
  let reachable = 0;
  for (const finding of findings) {
    if (finding.reachable) reachable++;
    else unreachable[finding.reason!] = (unreachable[finding.reason!] ?? 0) + 1;
  }
  return { platform, members, linked, reachable, unreachable };
}
