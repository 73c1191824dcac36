// A manager's team numbers from the latest closed pulse round, for the Monday team summary: the same cells as HR's
// team breakdown (domain/insights/min-group.ts decides, complementary suppression included), so a manager never sees
// a number HR's breakdown would hide. A fixed number of queries for all managers together.
import type { DomainContext } from "../context.ts";
import type { TeamPulse } from "../summaries/team-summary.types.ts";
import { ROUND_SELECT, SURVEY_SELECT, surveyOf } from "./pulse-records.ts";
import { roundResults } from "./pulse-results.ts";

/** Rounds closed this long ago still appear in the summary. */
const SUMMARY_WINDOW_DAYS = 14;

export async function teamPulseByManager(ctx: DomainContext, now: Date): Promise<Map<string, TeamPulse>> {
  const since = new Date(now.getTime() - SUMMARY_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const round = await ctx.prisma.pulseRound.findFirst({
    where: { closedAt: { gte: since, lte: now } },
    orderBy: [{ closedAt: "desc" }, { id: "asc" }],
    select: { ...ROUND_SELECT, survey: { select: SURVEY_SELECT } },
  });
  if (!round) return new Map();
  const { survey: surveyRow, ...record } = round;
  const survey = surveyOf(surveyRow);
  const results = await roundResults(ctx, survey, record);
  const byManager = new Map<string, TeamPulse>();
  const base = { title: survey.title, roundNumber: record.number, minGroupSize: results.minGroupSize };
  for (const team of results.teams) {
    if (!team.teamId) continue;
    byManager.set(
      team.teamId,
      team.stats
        ? {
            ...base,
            shown: true,
            respondents: team.stats.respondents,
            enps: team.stats.enps,
            items: team.stats.questions
              .filter((question) => question.kind === "agreement")
              .map((question) => ({ text: question.text, average: question.average })),
          }
        : { ...base, shown: false },
    );
  }
  // Fewer than the minimum answered overall: no team numbers at all, and every team that answered is told so.
  if (!results.overall && results.answered > 0) {
    const teams = await ctx.prisma.pulseAnswer.findMany({
      where: { roundId: record.id, teamId: { not: null } },
      select: { teamId: true },
      distinct: ["teamId"],
    });
    for (const { teamId } of teams) byManager.set(teamId!, { ...base, shown: false });
  }
  return byManager;
}
