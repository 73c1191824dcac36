// Slack told the outbox an account is deactivated (conversations.open: user_disabled / account_inactive): stop
// messaging it now rather than at the next directory sync, and show why in `people reach`.
import type { DomainContext } from "../context.ts";
import { recordReachability } from "./record-reachability.ts";

export async function markSlackAccountDeactivated(
  ctx: Pick<DomainContext, "prisma" | "clock">,
  account: { teamId: string; userId: string },
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.prisma.$transaction(async (tx) => {
    const identity = await tx.slackIdentity.findUnique({
      where: { teamId_userId: account },
      select: { id: true, personId: true, deactivatedAt: true },
    });
    if (!identity || identity.deactivatedAt) return;
    await tx.slackIdentity.update({ where: { id: identity.id }, data: { deactivatedAt: now } });
    const stillUsable = await tx.slackIdentity.count({ where: { personId: identity.personId, deactivatedAt: null } });
    if (stillUsable === 0)
      await recordReachability(
        tx,
        [{ personId: identity.personId, platform: "slack", reachable: false, reason: "slack_deactivated" }],
        now,
      );
  });
}
