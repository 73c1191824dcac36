// The pulse export for HR (`momentum pulses export`): aggregates only, one row per round, group and question, with
// exactly the thresholds of the chat results (domain/insights/min-group.ts). There is no person column, and no row
// for a single answer: there is nothing in the export that could be traced back to someone.
import { notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import type { PulseSurveyRecord } from "./pulse-records.ts";
import { ROUND_SELECT, SURVEY_SELECT, surveyOf } from "./pulse-records.ts";
import { roundResults } from "./pulse-results.ts";
import type { GroupStats } from "./pulse-stats.ts";

export const PULSE_EXPORT_COLUMNS = [
  "survey",
  "round",
  "round_date",
  "group",
  "respondents",
  "question",
  "scale",
  "average",
  "distribution",
  "enps",
  "note",
] as const;
export type PulseExportRow = Record<(typeof PULSE_EXPORT_COLUMNS)[number], string>;

export interface PulseExport {
  survey: Pick<PulseSurveyRecord, "id" | "title">;
  rows: PulseExportRow[];
}

/** Operator tooling: `survey` is an id or a title (the most recent survey with that title); latest when absent. */
export async function exportPulseResults(ctx: DomainContext, options: { survey?: string }): Promise<PulseExport> {
  const row = options.survey
    ? ((await ctx.prisma.pulseSurvey.findUnique({ where: { id: options.survey }, select: SURVEY_SELECT })) ??
      (await ctx.prisma.pulseSurvey.findFirst({
        where: { title: options.survey },
        orderBy: { createdAt: "desc" },
        select: SURVEY_SELECT,
      })))
    : await ctx.prisma.pulseSurvey.findFirst({
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: SURVEY_SELECT,
      });
  if (!row)
    throw notFound(
      options.survey ? `No pulse survey is called "${options.survey}".` : "No pulse survey has been launched yet.",
    );
  const survey = surveyOf(row);
  const rounds = await ctx.prisma.pulseRound.findMany({
    where: { surveyId: survey.id, closedAt: { not: null } },
    orderBy: { number: "asc" },
    select: ROUND_SELECT,
  });
  const rows: PulseExportRow[] = [];
  for (const round of rounds) {
    const results = await roundResults(ctx, survey, round);
    const base = { survey: survey.title, round: String(round.number), round_date: round.localDate };
    const blank = { respondents: "", question: "", scale: "", average: "", distribution: "", enps: "", note: "" };
    if (!results.overall) {
      rows.push({
        ...base,
        ...blank,
        group: "All",
        respondents: String(results.answered),
        note: `fewer than ${results.minGroupSize} people answered: no scores`,
      });
      continue;
    }
    rows.push(...statsRows(base, "All", results.overall));
    for (const team of results.teams) {
      if (team.stats) rows.push(...statsRows(base, team.label, team.stats));
      else
        rows.push({
          ...base,
          ...blank,
          group: team.label,
          note:
            team.hidden === "small"
              ? `fewer than ${results.minGroupSize} people`
              : "hidden so a smaller team can't be worked out",
        });
    }
    for (const comment of results.comments ?? [])
      rows.push({ ...base, ...blank, group: "All", question: "comment", note: comment });
  }
  return { survey: { id: survey.id, title: survey.title }, rows };
}

function statsRows(
  base: { survey: string; round: string; round_date: string },
  group: string,
  stats: GroupStats,
): PulseExportRow[] {
  return stats.questions.map((question) => ({
    ...base,
    group,
    respondents: String(stats.respondents),
    question: question.text,
    scale: question.kind === "enps" ? "0-10" : "1-5",
    average: question.average === null ? "" : question.average.toFixed(1),
    distribution: question.distribution.join(" "),
    enps: question.kind === "enps" && stats.enps !== null ? String(stats.enps) : "",
    note: "",
  }));
}
