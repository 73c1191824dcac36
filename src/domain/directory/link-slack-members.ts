// Links people to Slack users by normalised email, never by name. Bots, guests and deleted users are never
// linked; a linked account Slack now reports deleted is marked deactivated, so the outbox stops messaging it (and
// a reactivated one is used again). A zone HR or the person chose is kept; an unset one takes Slack's `tz`.
// Every finding (reachable, or why not) is stored for `people reach`. One transaction per call.
import { randomUUID } from "node:crypto";
import type { DomainContext } from "../context.ts";
import { normaliseEmail } from "../people/person.ts";
import { isIanaTimeZone } from "../schedule/local-time.ts";
import type { SlackMember } from "./directory-ports.ts";
import { hasUsableEmail, type ReachFinding, type ReachReason } from "./reach.ts";
import { recordReachability } from "./record-reachability.ts";

export interface LinkSlackMembersOptions {
  /** What Slack answered: the whole workspace (a sync) or the answer for `personIds` (a lookup). */
  members: SlackMember[];
  /** Only these people (a lookup); every active person when omitted (a sync). */
  personIds?: string[];
}

export interface LinkSlackMembersResult {
  linked: number;
  findings: ReachFinding[];
}

const PERSON_SELECT = {
  id: true,
  email: true,
  timeZone: true,
  timeZoneExplicit: true,
  slackIdentities: { select: { id: true, teamId: true, userId: true, deactivatedAt: true } },
} as const;

export async function linkSlackMembers(
  ctx: DomainContext,
  options: LinkSlackMembersOptions,
): Promise<LinkSlackMembersResult> {
  const now = ctx.clock.now();
  const byEmail = new Map<string, SlackMember>();
  const byId = new Map<string, SlackMember>();
  for (const member of options.members) {
    byId.set(`${member.teamId}:${member.userId}`, member);
    if (!member.email) continue;
    const email = normaliseEmail(member.email);
    // Two accounts with one email (an old deleted one and a new one): the usable one wins.
    const known = byEmail.get(email);
    if (!known || (eligible(member) && !eligible(known))) byEmail.set(email, member);
  }

  return ctx.prisma.$transaction(
    async (tx) => {
      const people = await tx.person.findMany({
        where: { active: true, ...(options.personIds ? { id: { in: options.personIds } } : {}) },
        select: PERSON_SELECT,
      });
      const teamIds = [...new Set(options.members.map((member) => member.teamId))];
      const taken = new Set(
        (
          await tx.slackIdentity.findMany({
            where: { teamId: { in: teamIds } },
            select: { teamId: true, userId: true },
          })
        ).map((identity) => `${identity.teamId}:${identity.userId}`),
      );
      const creates: { id: string; personId: string; teamId: string; userId: string; createdAt: Date }[] = [];
      const deactivate: string[] = [];
      const reactivate: string[] = [];
      const zones = new Map<string, string[]>();
      const findings: ReachFinding[] = [];
      const found = (personId: string, reason: ReachReason | null) =>
        findings.push({ personId, platform: "slack", reachable: reason === null, reason });

      for (const person of people) {
        if (!hasUsableEmail(person.email)) {
          found(person.id, person.slackIdentities.some((identity) => !identity.deactivatedAt) ? null : "no_email");
          continue;
        }
        const member = byEmail.get(normaliseEmail(person.email));
        // An account already linked (they used Momentum, or an earlier sync) is judged by what Slack says of it.
        const linked = person.slackIdentities.map((identity) => ({
          identity,
          member: byId.get(`${identity.teamId}:${identity.userId}`),
        }));
        const listed = linked.filter((entry) => entry.member);
        for (const { identity, member: current } of listed) {
          if (current!.deleted && !identity.deactivatedAt) deactivate.push(identity.id);
          if (!current!.deleted && identity.deactivatedAt) reactivate.push(identity.id);
        }
        const usable = linked.some((entry) => (entry.member ? !entry.member.deleted : !entry.identity.deactivatedAt));
        if (usable) {
          found(person.id, null);
          continue;
        }
        if (!member || member.isBot) {
          found(person.id, listed.length > 0 ? "slack_deactivated" : "slack_not_in_workspace");
          continue;
        }
        if (member.deleted) {
          found(person.id, "slack_deactivated");
          continue;
        }
        if (member.isGuest) {
          found(person.id, "slack_guest");
          continue;
        }
        const key = `${member.teamId}:${member.userId}`;
        if (taken.has(key)) {
          // The Slack account belongs to someone else in Momentum (they changed emails): never steal it.
          found(person.id, "slack_not_in_workspace");
          continue;
        }
        taken.add(key);
        creates.push({
          id: randomUUID(),
          personId: person.id,
          teamId: member.teamId,
          userId: member.userId,
          createdAt: now,
        });
        if (
          !person.timeZoneExplicit &&
          member.timeZone &&
          member.timeZone !== person.timeZone &&
          isIanaTimeZone(member.timeZone)
        ) {
          zones.set(member.timeZone, [...(zones.get(member.timeZone) ?? []), person.id]);
        }
        found(person.id, null);
      }

      if (creates.length > 0) await tx.slackIdentity.createMany({ data: creates, skipDuplicates: true });
      if (deactivate.length > 0)
        await tx.slackIdentity.updateMany({ where: { id: { in: deactivate } }, data: { deactivatedAt: now } });
      if (reactivate.length > 0)
        await tx.slackIdentity.updateMany({ where: { id: { in: reactivate } }, data: { deactivatedAt: null } });
      for (const [zone, ids] of zones) {
        // Conditional: a zone chosen between the read and now is not overwritten.
        await tx.person.updateMany({
          where: { id: { in: ids }, timeZoneExplicit: false },
          data: { timeZone: zone, updatedAt: now },
        });
      }
      await recordReachability(tx, findings, now);
      return { linked: creates.length, findings };
    },
    { timeout: 120_000 },
  );
}

function eligible(member: SlackMember): boolean {
  return !member.isBot && !member.deleted && !member.isGuest;
}
