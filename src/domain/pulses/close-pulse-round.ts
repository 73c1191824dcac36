// Closing a round: at its scheduled close (the pulse-rounds job) or early (HR). Closing is a conditional update, so
// two instances or a double click close it once; when HR chose to share results back, the org-level results go to
// everyone who was asked, through the outbox under one key per person and round, in the same transaction.
import { AppError } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { enqueueDeliveries, type NewDelivery } from "../notifications/outbox.ts";
import { parseInput } from "../validation.ts";
import { requirePulseAdmin } from "./launch-pulse.ts";
import type { SharedPulseResults } from "./pulse-messages.ts";
import { PulseActorInput, pulseResultsKey, type PulseActorOptions } from "./pulse.schemas.ts";
import { loadSurvey, ROUND_SELECT, type PulseRoundRecord, type PulseSurveyRecord } from "./pulse-records.ts";
import { roundResults, type PulseRoundResults } from "./pulse-results.ts";

/** Results shared back stay deliverable this long after the close (quiet hours, weekends, time away). */
const SHARE_BACK_DAYS = 7;

export interface ClosePulseResult {
  title: string;
  roundNumber: number;
  /** False when the round had already closed: nothing changed. */
  closed: boolean;
  /** People the results were shared back to (0 when HR didn't choose to share). */
  sharedWith: number;
}

/** Closes `round` at `closedAt` unless it already is; returns whether this call closed it. */
export async function closeRound(
  ctx: DomainContext,
  survey: PulseSurveyRecord,
  round: PulseRoundRecord,
  closedAt: Date,
): Promise<{ closed: boolean; sharedWith: number }> {
  let sharedWith = 0;
  const closed = await ctx.prisma.$transaction(async (tx) => {
    const updated = await tx.pulseRound.updateMany({ where: { id: round.id, closedAt: null }, data: { closedAt } });
    if (updated.count !== 1) return false;
    if (!survey.shareResults) return true;
    const results = await roundResults({ ...ctx, prisma: tx as DomainContext["prisma"] }, survey, {
      ...round,
      closedAt,
    });
    const asked = await tx.delivery.findMany({
      where: { key: { startsWith: `pulse-ask:${round.id}:` }, status: "sent", personId: { not: null } },
      select: { personId: true },
    });
    const shared = sharedResultsOf(results);
    const deliveries: NewDelivery[] = asked.map(({ personId }) => ({
      key: pulseResultsKey(round.id, personId!),
      kind: "pulse.results",
      target: { kind: "person", personId: personId! },
      message: { type: "pulse.results", roundId: round.id, results: shared },
      expiresAt: new Date(closedAt.getTime() + SHARE_BACK_DAYS * 24 * 60 * 60 * 1000),
      respectQuietHours: true,
    }));
    sharedWith = await enqueueDeliveries(tx, deliveries, ctx.clock.now());
    return true;
  });
  if (closed) ctx.logger.info({ roundId: round.id, sharedWith }, "pulse round closed");
  return { closed, sharedWith };
}

/** Only the org-level numbers, and only when enough people answered; never teams or comments. */
export function sharedResultsOf(results: PulseRoundResults): SharedPulseResults {
  return {
    title: results.title,
    roundNumber: results.round.number,
    asked: results.asked,
    answered: results.answered,
    participationRate: results.participationRate,
    minGroupSize: results.minGroupSize,
    enps: results.overall?.enps ?? null,
    items: results.overall
      ? results.overall.questions
          .filter((question) => question.kind === "agreement")
          .map((question) => ({ text: question.text, average: question.average }))
      : null,
  };
}

/** HR closes the latest round of a survey (the most recent survey when none is named) before its scheduled close. */
export async function closePulseEarly(ctx: DomainContext, options: PulseActorOptions): Promise<ClosePulseResult> {
  const input = parseInput(PulseActorInput, options);
  await requirePulseAdmin(ctx, input.actorId, "close pulse surveys");
  const survey = await loadSurvey(ctx, input.surveyId);
  const round = await ctx.prisma.pulseRound.findFirst({
    where: { surveyId: survey.id },
    orderBy: { number: "desc" },
    select: ROUND_SELECT,
  });
  if (!round || round.closedAt) throw new AppError("CONFLICT", `"${survey.title}" has no open round to close.`);
  const now = ctx.clock.now();
  const result = await closeRound(ctx, survey, round, now.getTime() < round.closesAt.getTime() ? now : round.closesAt);
  await ctx.prisma.auditEvent.create({
    data: {
      actor: input.actorId,
      action: "pulse.close",
      subject: round.id,
      detail: { closed: result.closed },
      createdAt: now,
    },
  });
  return { title: survey.title, roundNumber: round.number, ...result };
}

export interface StopPulseResult {
  title: string;
  /** False when it had already been stopped. */
  stopped: boolean;
}

/** HR stops a recurring pulse: no further round opens; an open round still runs to its close. */
export async function stopPulse(ctx: DomainContext, options: PulseActorOptions): Promise<StopPulseResult> {
  const input = parseInput(PulseActorInput, options);
  await requirePulseAdmin(ctx, input.actorId, "stop pulse surveys");
  const survey = await loadSurvey(ctx, input.surveyId);
  const now = ctx.clock.now();
  const updated = await ctx.prisma.pulseSurvey.updateMany({
    where: { id: survey.id, stoppedAt: null },
    data: { stoppedAt: now },
  });
  await ctx.prisma.auditEvent.create({
    data: {
      actor: input.actorId,
      action: "pulse.stop",
      subject: survey.id,
      detail: { stopped: updated.count === 1 },
      createdAt: now,
    },
  });
  return { title: survey.title, stopped: updated.count === 1 };
}
