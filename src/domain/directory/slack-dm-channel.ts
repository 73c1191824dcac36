// The DM channel Slack opened for an account, cached on its identity so the next message skips conversations.open.
import type { DomainContext } from "../context.ts";

export async function rememberSlackDmChannel(
  ctx: Pick<DomainContext, "prisma">,
  account: { teamId: string; userId: string; channel: string },
): Promise<void> {
  await ctx.prisma.slackIdentity.updateMany({
    where: { teamId: account.teamId, userId: account.userId },
    data: { dmChannel: account.channel },
  });
}
