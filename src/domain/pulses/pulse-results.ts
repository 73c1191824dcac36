// HR's results of a round: participation, eNPS, each item's average and distribution, team breakdown and comments,
// every number behind the minimum group size (domain/insights/min-group.ts), and the eNPS trend across rounds.
// Scores appear only once the round has closed: while it is open, two looks a few minutes apart would tell HR how
// the person who answered in between answered. A constant number of queries whatever the org's size.
import { notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import {
  commentMinGroupSizeOf,
  isGroupVisible,
  minGroupSizeOf,
  suppressSmallGroups,
  type HiddenReason,
} from "../insights/min-group.ts";
import { parseInput } from "../validation.ts";
import { requirePulseAdmin } from "./launch-pulse.ts";
import { PulseActorInput, type PulseActorOptions } from "./pulse.schemas.ts";
import {
  isRoundOpen,
  loadSurvey,
  ROUND_SELECT,
  type PulseRoundRecord,
  type PulseSurveyRecord,
} from "./pulse-records.ts";
import { statsOf, type GroupStats } from "./pulse-stats.ts";

export interface TeamResults {
  teamId: string | null;
  /** "Ada Lovelace's team", or "People without a manager". */
  label: string;
  stats: GroupStats | null;
  /** Why the numbers are not shown; null when they are. */
  hidden: HiddenReason | null;
}

export interface TrendPoint {
  number: number;
  localDate: string;
  respondents: number;
  /** Null when fewer than the minimum answered, or the survey has no eNPS question. */
  enps: number | null;
}

export interface PulseRoundResults {
  surveyId: string;
  title: string;
  round: Pick<PulseRoundRecord, "id" | "number" | "localDate" | "closesAt" | "closedAt">;
  open: boolean;
  asked: number;
  answered: number;
  /** Whole percent, null before anyone was asked. */
  participationRate: number | null;
  minGroupSize: number;
  commentMinGroupSize: number;
  /** Null while the round is open or when fewer than the minimum answered. */
  overall: GroupStats | null;
  teams: TeamResults[];
  /** Verbatim, unattributed, in alphabetical order (never the order they arrived); null when not shown. */
  comments: string[] | null;
  trend: TrendPoint[];
}

const TREND_ROUNDS = 8;

export async function pulseResults(ctx: DomainContext, options: PulseActorOptions): Promise<PulseRoundResults> {
  const input = parseInput(PulseActorInput, options);
  await requirePulseAdmin(ctx, input.actorId, "see pulse results");
  const survey = await loadSurvey(ctx, input.surveyId);
  const round = await ctx.prisma.pulseRound.findFirst({
    where: { surveyId: survey.id },
    orderBy: { number: "desc" },
    select: ROUND_SELECT,
  });
  if (!round) throw notFound(`"${survey.title}" hasn't started yet: its first round opens on ${survey.firstDate}.`);
  return roundResults(ctx, survey, round);
}

/** The results of one round (also used for the results shared back when a round closes). */
export async function roundResults(
  ctx: DomainContext,
  survey: PulseSurveyRecord,
  round: PulseRoundRecord,
): Promise<PulseRoundResults> {
  const minGroupSize = minGroupSizeOf(ctx.org);
  const commentMinGroupSize = commentMinGroupSizeOf(ctx.org);
  const open = isRoundOpen(round, ctx.clock.now());
  const answers = await ctx.prisma.pulseAnswer.findMany({
    where: { roundId: round.id },
    select: { teamId: true, scores: true, comment: true },
  });
  const asked = await ctx.prisma.delivery.count({
    where: { key: { startsWith: `pulse-ask:${round.id}:` }, status: "sent" },
  });
  const answered = answers.length;
  const base = {
    surveyId: survey.id,
    title: survey.title,
    round: {
      id: round.id,
      number: round.number,
      localDate: round.localDate,
      closesAt: round.closesAt,
      closedAt: round.closedAt,
    },
    open,
    asked,
    answered,
    participationRate: asked > 0 ? Math.round((Math.min(answered, asked) / asked) * 100) : null,
    minGroupSize,
    commentMinGroupSize,
    trend: await trendOf(ctx, survey, minGroupSize),
  };
  if (open || !isGroupVisible(answered, minGroupSize)) return { ...base, overall: null, teams: [], comments: null };

  const typed = answers.map((answer) => ({ ...answer, scores: answer.scores as Record<string, number> }));
  const byTeam = new Map<string | null, typeof typed>();
  for (const answer of typed) byTeam.set(answer.teamId, [...(byTeam.get(answer.teamId) ?? []), answer]);
  const teamKeys = [...byTeam.keys()].sort((a, b) => (a ?? "").localeCompare(b ?? ""));
  const suppression = suppressSmallGroups(
    teamKeys.map((key) => ({ key, count: byTeam.get(key)!.length })),
    minGroupSize,
  );
  const managerIds = teamKeys.filter((key): key is string => key !== null);
  const managers =
    managerIds.length > 0
      ? await ctx.prisma.person.findMany({ where: { id: { in: managerIds } }, select: { id: true, name: true } })
      : [];
  const names = new Map(managers.map((manager) => [manager.id, manager.name]));
  const teams = suppression.groups
    .map((group) => ({
      teamId: group.key,
      label: group.key === null ? "People without a manager" : `${names.get(group.key) ?? "A former manager"}'s team`,
      stats: group.visible ? statsOf(survey.questions, byTeam.get(group.key)!) : null,
      hidden: group.hidden,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const comments = isGroupVisible(answered, commentMinGroupSize)
    ? typed
        .map((answer) => answer.comment)
        .filter((comment): comment is string => Boolean(comment))
        .sort((a, b) => a.localeCompare(b))
    : null;
  return { ...base, overall: statsOf(survey.questions, typed), teams, comments };
}

/** eNPS and respondents of the survey's last closed rounds, oldest first: one aggregate query. */
async function trendOf(ctx: DomainContext, survey: PulseSurveyRecord, minGroupSize: number): Promise<TrendPoint[]> {
  const rounds = await ctx.prisma.pulseRound.findMany({
    where: { surveyId: survey.id, closedAt: { not: null } },
    orderBy: { number: "desc" },
    take: TREND_ROUNDS,
    select: { id: true, number: true, localDate: true },
  });
  if (rounds.length === 0) return [];
  const enpsId = survey.questions.find((question) => question.kind === "enps")?.id ?? "";
  const rows = await ctx.prisma.$queryRaw<
    { roundId: string; respondents: number; promoters: number; detractors: number }[]
  >`
    SELECT "roundId", count(*)::int AS respondents,
           count(*) FILTER (WHERE (scores->>${enpsId})::int >= 9)::int AS promoters,
           count(*) FILTER (WHERE (scores->>${enpsId})::int <= 6)::int AS detractors
    FROM "PulseAnswer" WHERE "roundId" = ANY(${rounds.map((round) => round.id)}::text[]) GROUP BY "roundId"`;
  const byRound = new Map(rows.map((row) => [row.roundId, row]));
  return rounds.reverse().map((round) => {
    const row = byRound.get(round.id);
    const respondents = row?.respondents ?? 0;
    const visible = enpsId !== "" && row && isGroupVisible(respondents, minGroupSize);
    return {
      number: round.number,
      localDate: round.localDate,
      respondents,
      enps: visible ? Math.round(((row.promoters - row.detractors) / respondents) * 100) : null,
    };
  });
}
