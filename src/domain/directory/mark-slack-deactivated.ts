// Slack told the outbox an account is deactivated (conversations.open: user_disabled / account_inactive): stop
// messaging it now rather than at the next directory sync, and show why in `people reach`.
import type { PrismaClient } from "../../db/database.ts";
import { recordReachability } from "./record-reachability.ts";

export async function markSlackAccountDeactivated(prisma: PrismaClient, account: { teamId: string; userId: string }, now: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const identity = await tx.slackIdentity.findUnique({ where: { teamId_userId: account }, select: { id: true, personId: true, deactivatedAt: true } });
    if (!identity || identity.deactivatedAt) return;
    await tx.slackIdentity.update({ where: { id: identity.id }, data: { deactivatedAt: now } });
    const stillUsable = await tx.slackIdentity.count({ where: { personId: identity.personId, deactivatedAt: null } });
    if (stillUsable === 0) await recordReachability(tx, [{ personId: identity.personId, platform: "slack", reachable: false, reason: "slack_deactivated" }], now);
  });
}
