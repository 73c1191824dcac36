// A team summary on request (`/momentum summary @manager`, `summary @Manager`): a manager sees only their own
// team; HR and admins may look at any manager's. Nobody else sees one.
import { AppError, forbidden, notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { hasRole } from "../people/person.ts";
import { buildTeamSummaries } from "./build-team-summaries.ts";
import type { TeamSummary } from "./team-summary.types.ts";

export interface GetTeamSummaryOptions {
  viewerId: string;
  /** Whose team; the viewer's own when absent. */
  managerId?: string;
}

export async function getTeamSummary(ctx: DomainContext, options: GetTeamSummaryOptions): Promise<TeamSummary> {
  const targetId = options.managerId ?? options.viewerId;
  const people = await ctx.prisma.person.findMany({
    where: { id: { in: [options.viewerId, targetId] } },
    select: { id: true, name: true, role: true, active: true },
  });
  const viewer = people.find((person) => person.id === options.viewerId);
  const target = people.find((person) => person.id === targetId);
  if (!viewer || !viewer.active)
    throw new AppError("FORBIDDEN", "Your Momentum account is deactivated, so you can't see team summaries.");
  if (target?.id !== viewer.id && !hasRole(viewer, "hr"))
    throw forbidden("Sorry, only HR can see another manager's team summary. Yours is `summary` on its own.");
  if (!target) throw notFound("I couldn't find that person in Momentum.");
  const [summary] = await buildTeamSummaries(ctx, { managerIds: [target.id] });
  if (!summary)
    throw notFound(
      target.id === viewer.id
        ? "You have no direct reports in Momentum, so there's no team summary to show."
        : `${target.name} has no direct reports in Momentum.`,
    );
  ctx.logger.info({ viewerId: viewer.id, managerId: target.id }, "team summary viewed");
  return summary;
}
