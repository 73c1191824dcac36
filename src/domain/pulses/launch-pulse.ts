// HR prepares a pulse (preview: the questions as people will see them, who is asked, when) and launches it. The
// launch stores the survey only; the pulse-rounds job creates each round on its date and asks each person at their
// own local time. The request key makes a second copy of the same launch (a double submit) answer like the first.
import { randomUUID } from "node:crypto";
import { AppError, isUniqueViolation, notFound } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { requireRole } from "../people/person.ts";
import { isIanaTimeZone } from "../schedule/local-time.ts";
import { parseInput } from "../validation.ts";
import {
  LaunchPulseInput,
  PulseDraftInput,
  type LaunchPulseOptions,
  type PulseDraft,
  type PulseDraftOptions,
} from "./pulse.schemas.ts";
import { buildQuestions, type PulseQuestion } from "./pulse-questions.ts";
import { loadPulseAudience } from "./pulse-audience.ts";
import { firstRoundDate, roundClosesAt } from "./pulse-schedule.ts";

export interface PulsePreview {
  draft: PulseDraft;
  questions: PulseQuestion[];
  /** How many people would be asked now. */
  audienceCount: number;
  /** Names of the chosen managers (their teams are asked). */
  teamNames: string[];
  firstDate: string;
  firstClosesAt: Date;
}

export interface LaunchPulseResult extends PulsePreview {
  surveyId: string;
  duplicate: boolean;
}

/** HR and admins only; refused with the action named. */
export async function requirePulseAdmin(
  ctx: DomainContext,
  actorId: string,
  action: string,
): Promise<{ id: string; name: string; timeZone: string }> {
  const actor = await ctx.prisma.person.findUnique({
    where: { id: actorId },
    select: { id: true, name: true, role: true, active: true, timeZone: true },
  });
  if (!actor || !actor.active) throw new AppError("FORBIDDEN", "Your Momentum account is deactivated.");
  requireRole(actor, "hr", action);
  return actor;
}

export async function previewPulse(ctx: DomainContext, options: PulseDraftOptions): Promise<PulsePreview> {
  const draft = parseInput(PulseDraftInput, options);
  const actor = await requirePulseAdmin(ctx, draft.actorId, "run pulse surveys");
  return previewOf(ctx, draft, actor.timeZone);
}

async function previewOf(ctx: DomainContext, draft: PulseDraft, actorZone: string): Promise<PulsePreview> {
  let teamNames: string[] = [];
  if (draft.audience.kind === "teams") {
    const managers = await ctx.prisma.person.findMany({
      where: { id: { in: draft.audience.managerIds }, active: true },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    if (managers.length !== new Set(draft.audience.managerIds).size)
      throw notFound("One of the chosen managers isn't in Momentum (or has left): choose again.");
    teamNames = managers.map((manager) => manager.name);
  }
  const audience = await loadPulseAudience(ctx, draft.audience);
  const zone = isIanaTimeZone(actorZone) ? actorZone : ctx.org.defaultTimeZone;
  const firstDate = firstRoundDate(draft.weekday, zone, ctx.clock.now());
  return {
    draft,
    questions: buildQuestions(draft.libraryIds, draft.customQuestions),
    audienceCount: audience.length,
    teamNames,
    firstDate,
    firstClosesAt: roundClosesAt({ ...draft, firstDate }, firstDate),
  };
}

export async function launchPulse(ctx: DomainContext, options: LaunchPulseOptions): Promise<LaunchPulseResult> {
  const input = parseInput(LaunchPulseInput, options);
  const actor = await requirePulseAdmin(ctx, input.draft.actorId, "run pulse surveys");
  const previous = await ctx.prisma.pulseSurvey.findUnique({
    where: { requestKey: input.requestKey },
    select: { id: true },
  });
  const preview = await previewOf(ctx, input.draft, actor.timeZone);
  if (previous) return { ...preview, surveyId: previous.id, duplicate: true };
  if (preview.audienceCount === 0)
    throw new AppError(
      "VALIDATION",
      "No one in that audience can be reached by Momentum yet, so there's no one to ask.",
    );
  const { draft } = preview;
  const surveyId = randomUUID();
  try {
    await ctx.prisma.pulseSurvey.create({
      data: {
        id: surveyId,
        requestKey: input.requestKey,
        createdById: actor.id,
        title: draft.title,
        questions: preview.questions as unknown as object[],
        audience: draft.audience,
        cadence: draft.cadence,
        weekday: draft.weekday,
        time: draft.time,
        openDays: draft.openDays,
        firstDate: preview.firstDate,
        shareResults: draft.shareResults,
        createdAt: ctx.clock.now(),
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const stored = await ctx.prisma.pulseSurvey.findUnique({
      where: { requestKey: input.requestKey },
      select: { id: true },
    });
    if (!stored) throw error;
    return { ...preview, surveyId: stored.id, duplicate: true };
  }
  ctx.logger.info({ surveyId, cadence: draft.cadence, audience: preview.audienceCount }, "pulse launched");
  return { ...preview, surveyId, duplicate: false };
}
