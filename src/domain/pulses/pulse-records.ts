// Reading surveys and rounds back from the database, with their JSON columns checked.
import { z } from "zod";
import { notFound } from "../../shared/errors.ts";
import type { DomainContext, Tx } from "../context.ts";
import { PulseQuestionSchema, type PulseQuestion } from "./pulse-questions.ts";
import { PulseAudience } from "./pulse.schemas.ts";

export const SURVEY_SELECT = {
  id: true,
  title: true,
  questions: true,
  audience: true,
  cadence: true,
  weekday: true,
  time: true,
  openDays: true,
  firstDate: true,
  shareResults: true,
  stoppedAt: true,
  createdAt: true,
} as const;

export interface PulseSurveyRecord {
  id: string;
  title: string;
  questions: PulseQuestion[];
  audience: PulseAudience;
  cadence: string;
  weekday: number;
  time: string;
  openDays: number;
  firstDate: string;
  shareResults: boolean;
  stoppedAt: Date | null;
  createdAt: Date;
}

export interface PulseRoundRecord {
  id: string;
  surveyId: string;
  number: number;
  localDate: string;
  closesAt: Date;
  closedAt: Date | null;
}

export const ROUND_SELECT = {
  id: true,
  surveyId: true,
  number: true,
  localDate: true,
  closesAt: true,
  closedAt: true,
} as const;

type SurveyRow = { [K in keyof typeof SURVEY_SELECT]: unknown } & { questions: unknown; audience: unknown };

export function surveyOf(row: SurveyRow): PulseSurveyRecord {
  return {
    ...(row as unknown as PulseSurveyRecord),
    questions: z.array(PulseQuestionSchema).parse(row.questions),
    audience: PulseAudience.parse(row.audience),
  };
}

export function isRoundOpen(round: Pick<PulseRoundRecord, "closesAt" | "closedAt">, now: Date): boolean {
  return round.closedAt === null && now.getTime() < round.closesAt.getTime();
}

export async function loadRound(
  ctx: DomainContext | { prisma: Tx },
  roundId: string,
): Promise<{ round: PulseRoundRecord; survey: PulseSurveyRecord }> {
  const row = await ctx.prisma.pulseRound.findUnique({
    where: { id: roundId },
    select: { ...ROUND_SELECT, survey: { select: SURVEY_SELECT } },
  });
  if (!row) throw notFound("I couldn't find that pulse survey.");
  const { survey, ...round } = row;
  return { round, survey: surveyOf(survey) };
}

/** The survey with this id, or the most recently launched one; a friendly NOT_FOUND otherwise. */
export async function loadSurvey(ctx: DomainContext, surveyId: string | null | undefined): Promise<PulseSurveyRecord> {
  const row = surveyId
    ? await ctx.prisma.pulseSurvey.findUnique({ where: { id: surveyId }, select: SURVEY_SELECT })
    : await ctx.prisma.pulseSurvey.findFirst({
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: SURVEY_SELECT,
      });
  if (!row) throw notFound(surveyId ? "I couldn't find that pulse survey." : "No pulse survey has been launched yet.");
  return surveyOf(row);
}
