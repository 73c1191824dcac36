// Answering a pulse, anonymous by construction. The first answer writes, in one transaction, a participation row
// (round, person: who has answered, so nobody answers twice or is reminded) and an answer row with no person in it:
// only the round, the respondent's team at answer time, the answers, and the SHA-256 of a random token. The token
// is handed to the respondent alone (in the private confirmation) and never stored: presenting it again is the only
// way to find that answer row and change it until the round closes. The answer has no timestamp and a random id, and
// the scheduler's next tick rewrites the round's answers so they no longer share PostgreSQL's transaction id or
// arrival order with the participation rows (unlink-answers.ts).
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { AppError, isUniqueViolation } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { commentMinGroupSizeOf, minGroupSizeOf } from "../insights/min-group.ts";
import { parseInput } from "../validation.ts";
import {
  pulseAskKey,
  PulseFormInput,
  SubmitPulseInput,
  type PulseFormOptions,
  type SubmitPulseOptions,
} from "./pulse.schemas.ts";
import { scaleOf, type PulseQuestion } from "./pulse-questions.ts";
import { isRoundOpen, loadRound, type PulseRoundRecord, type PulseSurveyRecord } from "./pulse-records.ts";

export class PulseValidationError extends AppError {
  constructor(readonly fieldErrors: Record<string, string>) {
    super("VALIDATION", "Please answer every question (only the comment is optional).");
  }
}

export interface PulseForm {
  roundId: string;
  title: string;
  questions: PulseQuestion[];
  closesAt: Date;
  minGroupSize: number;
  commentMinGroupSize: number;
  /** True when the respondent came back with their token: the form shows their answers. */
  editing: boolean;
  values: { scores: Record<string, number>; comment: string | null };
}

export interface SubmitPulseResult {
  roundId: string;
  title: string;
  closesAt: Date;
  outcome: "created" | "changed";
  /** The respondent's change key: give it to them only, never store or log it. */
  token: string;
}

const ALREADY_ANSWERED =
  'You\'ve already answered this pulse. To change your answers, use the "Change my answers" button in the private confirmation Momentum sent you when you answered.';

const KEY_MISMATCH = "Momentum couldn't match that change key to your answers, so nothing was changed.";

export function tokenHashOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function openRoundFor(
  ctx: DomainContext,
  personId: string,
  roundId: string,
): Promise<{ round: PulseRoundRecord; survey: PulseSurveyRecord }> {
  const loaded = await loadRound(ctx, roundId);
  const asked = await ctx.prisma.delivery.findUnique({
    where: { key: pulseAskKey(roundId, personId) },
    select: { id: true },
  });
  if (!asked) throw new AppError("FORBIDDEN", "This pulse wasn't sent to you, so you can't answer it.");
  if (!isRoundOpen(loaded.round, ctx.clock.now()))
    throw new AppError("CONFLICT", "This pulse has closed, so answers can no longer be given or changed.");
  return loaded;
}

export async function getPulseForm(ctx: DomainContext, options: PulseFormOptions): Promise<PulseForm> {
  const input = parseInput(PulseFormInput, options);
  const { round, survey } = await openRoundFor(ctx, input.personId, input.roundId);
  const participated = await ctx.prisma.pulseParticipation.findUnique({
    where: { roundId_personId: { roundId: round.id, personId: input.personId } },
  });
  const base = {
    roundId: round.id,
    title: survey.title,
    questions: survey.questions,
    closesAt: round.closesAt,
    minGroupSize: minGroupSizeOf(ctx.org),
    commentMinGroupSize: commentMinGroupSizeOf(ctx.org),
  };
  if (!participated && input.token) throw new AppError("CONFLICT", KEY_MISMATCH);
  if (!participated) return { ...base, editing: false, values: { scores: {}, comment: null } };
  const answer = input.token
    ? await ctx.prisma.pulseAnswer.findUnique({
        where: { tokenHash: tokenHashOf(input.token) },
        select: { roundId: true, scores: true, comment: true },
      })
    : null;
  if (!answer || answer.roundId !== round.id)
    throw new AppError("CONFLICT", input.token ? KEY_MISMATCH : ALREADY_ANSWERED);
  return {
    ...base,
    editing: true,
    values: { scores: answer.scores as Record<string, number>, comment: answer.comment },
  };
}

/** Checks each scored question has a whole number on its scale; the comment is optional. */
export function readPulseScores(
  questions: PulseQuestion[],
  raw: Record<string, string | number | null | undefined>,
): Record<string, number> {
  const scores: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const question of questions) {
    if (question.kind === "comment") continue;
    const { min, max } = scaleOf(question.kind);
    const value = raw[question.id];
    const number =
      typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
    if (!Number.isInteger(number) || number < min || number > max)
      errors[question.id] = `Choose a value from ${min} to ${max}.`;
    else scores[question.id] = number;
  }
  if (Object.keys(errors).length > 0) throw new PulseValidationError(errors);
  return scores;
}

export async function submitPulseAnswer(ctx: DomainContext, options: SubmitPulseOptions): Promise<SubmitPulseResult> {
  const input = parseInput(SubmitPulseInput, options);
  const { round, survey } = await openRoundFor(ctx, input.personId, input.roundId);
  const scores = readPulseScores(survey.questions, input.answers);
  const wantsComment = survey.questions.some((question) => question.kind === "comment");
  const comment = wantsComment && input.comment?.trim() ? input.comment.trim() : null;
  const result = { roundId: round.id, title: survey.title, closesAt: round.closesAt };

  if (input.token) {
    const participated = await ctx.prisma.pulseParticipation.findUnique({
      where: { roundId_personId: { roundId: round.id, personId: input.personId } },
    });
    const change = () =>
      ctx.prisma.pulseAnswer.updateMany({
        where: { roundId: round.id, tokenHash: tokenHashOf(input.token!) },
        data: { scores, comment },
      });
    // A change racing the scheduler's rewrite of the round's answers (unlink-answers.ts) finds its row moved: once more.
    let changed = participated ? await change() : { count: 0 };
    if (participated && changed.count === 0) changed = await change();
    if (changed.count !== 1) throw new AppError("CONFLICT", KEY_MISMATCH);
    return { ...result, outcome: "changed", token: input.token };
  }

  const person = await ctx.prisma.person.findUnique({ where: { id: input.personId }, select: { managerId: true } });
  const token = randomBytes(24).toString("base64url");
  try {
    await ctx.prisma.$transaction(async (tx) => {
      await tx.pulseParticipation.create({ data: { roundId: round.id, personId: input.personId } });
      await tx.pulseAnswer.create({
        data: {
          id: randomUUID(),
          roundId: round.id,
          teamId: person?.managerId ?? null,
          scores,
          comment,
          tokenHash: tokenHashOf(token),
        },
      });
    });
  } catch (error) {
    // The same first answer arrived twice (a double click: the first copy confirmed it), or a form opened before
    // they answered elsewhere: nothing is stored twice.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", ALREADY_ANSWERED);
    throw error;
  }
  return { ...result, outcome: "created", token };
}
