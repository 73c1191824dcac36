// Active people who manage at least one active report, by name: the choices of a "which teams" picker.
import type { DomainContext } from "../context.ts";

export interface ManagerChoice {
  id: string;
  name: string;
}

export async function listActiveManagers(
  ctx: Pick<DomainContext, "prisma">,
  options: { limit: number },
): Promise<ManagerChoice[]> {
  const managerIds = await ctx.prisma.person.findMany({
    where: { active: true, managerId: { not: null } },
    select: { managerId: true },
    distinct: ["managerId"],
  });
  return ctx.prisma.person.findMany({
    where: { id: { in: managerIds.map((row) => row.managerId!) }, active: true },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: options.limit,
  });
}
