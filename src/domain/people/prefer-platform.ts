// Acting on a platform means that is where the person is: later DMs go there first. Only a person with no
// preference yet, or one preferring the other platform, is moved; the update is a no-op otherwise.
import type { DomainContext } from "../context.ts";

export type ChatPlatform = "slack" | "teams";

export async function preferPlatform(
  ctx: Pick<DomainContext, "prisma" | "clock">,
  personId: string,
  platform: ChatPlatform,
): Promise<void> {
  await ctx.prisma.person.updateMany({
    where: { id: personId, OR: [{ preferredPlatform: null }, { preferredPlatform: { not: platform } }] },
    data: { preferredPlatform: platform, updatedAt: ctx.clock.now() },
  });
}
