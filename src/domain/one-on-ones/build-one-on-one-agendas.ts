// Builds the agendas of every 1:1 due in a scheduler tick with a constant number of queries: recent check-ins,
// flagged and recently updated goals, the week's kudos, feedback shared with the manager, pending reviews and open
// notes are each loaded in bulk for all the pairs, then grouped in memory.
import { DateTime } from "luxon";
import type { DomainContext } from "../context.ts";
import { periodLabel } from "../check-ins/list-check-in-history.ts";
import { goalsAtRisk } from "../goals/goals-at-risk.ts";
import { progressPercent } from "../goals/goal-progress.ts";
import { GOAL_REASON_LABELS, groupBy, truncate } from "../summaries/build-team-summaries.ts";
import { periodKeyOf } from "../schedule/period.ts";
import type { OneOnOneAgenda } from "./one-on-one-agenda.types.ts";
import type { OneOnOneOccurrence } from "./one-on-one-slot.ts";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const TREND_CHECK_INS = 4;
const LISTED = 5;
const TEXT_MAX = 500;

export interface AgendaRequest {
  managerId: string;
  reportId: string;
  reportName: string;
  zone: string;
  occurrence: OneOnOneOccurrence;
}

export async function buildOneOnOneAgendas(
  ctx: DomainContext,
  requests: AgendaRequest[],
  now: Date,
): Promise<OneOnOneAgenda[]> {
  if (requests.length === 0) return [];
  const reportIds = [...new Set(requests.map((request) => request.reportId))];
  const managerIds = [...new Set(requests.map((request) => request.managerId))];
  const weekAgo = new Date(now.getTime() - WEEK_MS);
  // Check-ins of the last eight ISO weeks are enough for the latest one and a four-check-in trend.
  const oldestKey = periodKeyOf(DateTime.fromJSDate(now, { zone: "UTC" }).minus({ weeks: 8 }));
  const [checkIns, flagged, updated, kudos, feedback, reviews, notes] = await Promise.all([
    ctx.prisma.checkIn.findMany({
      where: { personId: { in: reportIds }, periodKey: { gte: oldestKey } },
      orderBy: { periodKey: "asc" },
      select: { personId: true, periodKey: true, mood: true, blockers: true, forManager: true },
    }),
    goalsAtRisk(ctx, { personIds: reportIds, now }),
    ctx.prisma.goal.findMany({
      where: { ownerId: { in: reportIds }, lastUpdateAt: { gte: weekAgo } },
      select: {
        id: true,
        ownerId: true,
        title: true,
        status: true,
        startValue: true,
        targetValue: true,
        currentValue: true,
      },
    }),
    ctx.prisma.kudos.findMany({
      where: { recipientId: { in: reportIds }, createdAt: { gte: weekAgo, lte: now } },
      orderBy: { createdAt: "asc" },
      select: { recipientId: true, message: true, visibility: true, giver: { select: { name: true } } },
    }),
    // Only feedback whose giver chose to share it with this manager when it was sent.
    ctx.prisma.feedback.findMany({
      where: {
        recipientId: { in: reportIds },
        sharedWithId: { in: managerIds },
        audience: "recipient_and_manager",
        createdAt: { gte: weekAgo, lte: now },
      },
      orderBy: { createdAt: "asc" },
      select: { recipientId: true, sharedWithId: true, text: true },
    }),
    ctx.prisma.review.findMany({
      where: { subjectId: { in: reportIds }, status: { not: "submitted" }, cycle: { status: "active" } },
      select: { subjectId: true, kind: true, status: true, cycle: { select: { name: true } } },
    }),
    ctx.prisma.oneOnOneNote.findMany({
      where: { managerId: { in: managerIds }, reportId: { in: reportIds }, closedAt: null, createdAt: { lte: now } },
      orderBy: { createdAt: "asc" },
      select: { managerId: true, reportId: true, text: true, createdAt: true },
    }),
  ]);

  // Grouped once, so a tick with thousands of due pairs stays linear in the rows loaded.
  const checkInsOf = groupBy(checkIns, (row) => row.personId);
  const flaggedOf = groupBy(flagged, (row) => row.ownerId);
  const updatedOf = groupBy(updated, (row) => row.ownerId);
  const kudosOf = groupBy(kudos, (row) => row.recipientId);
  const feedbackOf = groupBy(feedback, (row) => `${row.sharedWithId}|${row.recipientId}`);
  const reviewsOf = groupBy(reviews, (row) => row.subjectId);
  const notesOf = groupBy(notes, (row) => `${row.managerId}|${row.reportId}`);
  return requests.map((request) => {
    const pair = `${request.managerId}|${request.reportId}`;
    const mine = checkInsOf.get(request.reportId) ?? [];
    const latest = mine.at(-1);
    const trend = mine.slice(-TREND_CHECK_INS).map((row) => row.mood);
    const goals = new Map<string, OneOnOneAgenda["goals"][number]>();
    for (const goal of flaggedOf.get(request.reportId) ?? []) {
      goals.set(goal.goalId, {
        title: truncate(goal.title, 150),
        progressPercent: goal.progressPercent,
        status: goal.status,
        atRisk: goal.reasons.map((reason) => GOAL_REASON_LABELS[reason]),
        updatedThisWeek: false,
      });
    }
    for (const goal of updatedOf.get(request.reportId) ?? []) {
      const known = goals.get(goal.id);
      if (known) known.updatedThisWeek = true;
      else
        goals.set(goal.id, {
          title: truncate(goal.title, 150),
          progressPercent: progressPercent(goal),
          status: goal.status,
          atRisk: [],
          updatedThisWeek: true,
        });
    }
    const received = kudosOf.get(request.reportId) ?? [];
    const publicKudos = received.filter((row) => row.visibility === "public");
    const shared = feedbackOf.get(pair) ?? [];
    const pairNotes = notesOf.get(pair) ?? [];
    return {
      managerId: request.managerId,
      reportId: request.reportId,
      reportName: request.reportName,
      periodKey: request.occurrence.periodKey,
      slotLabel: request.occurrence.slotLabel,
      builtAt: now.toISOString(),
      checkIn: latest
        ? {
            weekLabel: periodLabel(latest.periodKey),
            mood: latest.mood,
            moodTrend: trend,
            trend:
              trend.length < 2 ? null : trend.at(-1)! > trend[0] ? "up" : trend.at(-1)! < trend[0] ? "down" : "steady",
            blockers: latest.blockers?.trim() ? truncate(latest.blockers.trim(), TEXT_MAX) : null,
            forManager: latest.forManager?.trim() ? truncate(latest.forManager.trim(), TEXT_MAX) : null,
          }
        : null,
      goals: [...goals.values()].slice(0, LISTED * 2),
      // Private kudos are the report's own: the manager sees that there were some, not what they said.
      kudos: {
        count: received.length,
        publicItems: publicKudos
          .slice(-LISTED)
          .map((row) => ({ giverName: row.giver?.name ?? "A former colleague", message: truncate(row.message, 200) })),
        privateCount: received.length - publicKudos.length,
      },
      feedback: { count: shared.length, excerpts: shared.slice(-3).map((row) => truncate(row.text, 200)) },
      pendingReviews: (reviewsOf.get(request.reportId) ?? []).map((row) => ({
        cycleName: row.cycle.name,
        kind: row.kind,
        status: row.status,
      })),
      notes: pairNotes.map((row) => ({
        text: truncate(row.text, TEXT_MAX),
        dateLabel: DateTime.fromJSDate(row.createdAt, { zone: request.zone }).setLocale("en-GB").toFormat("d LLL"),
      })),
    };
  });
}
