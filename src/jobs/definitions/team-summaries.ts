// The weekly team summary: one DM per manager with active reports, Monday 09:00 in the manager's zone (the next
// working morning when Monday is their holiday or closure day), key
// `team-summary:<managerId>:<ISO week>`. Constant queries per tick: the recipients (1), the claimed keys (1), and
// the summaries of the managers due now, built together (about 6, for any number of managers).
import type { NewDelivery } from "../../domain/notifications/outbox.ts";
import { daysOffKey } from "../../domain/schedule/days-off.ts";
import { buildTeamSummaries } from "../../domain/summaries/build-team-summaries.ts";
import {
  loadSummaryRecipients,
  summaryWeekAt,
  teamSummaryDeliveryKey,
  type SummaryWeek,
} from "../../domain/summaries/summary-schedule.ts";
import type { JobDefinition } from "../job.ts";
import { loadClaimedDeliveries } from "./check-in-candidates.ts";

export const TEAM_SUMMARY_KIND = "team.summary";

export const teamSummariesJob: JobDefinition = {
  id: "team-summaries",
  async due(ctx, now) {
    const managers = await loadSummaryRecipients(ctx, now);
    const weeks = new Map<string, SummaryWeek | null>();
    const candidates: { managerId: string; week: SummaryWeek; key: string }[] = [];
    for (const manager of managers) {
      const shape = `${manager.zone}|${daysOffKey(manager.daysOff)}`;
      if (!weeks.has(shape))
        weeks.set(shape, summaryWeekAt(now, manager.zone, { days: ctx.org.workDays, daysOff: manager.daysOff }));
      const week = weeks.get(shape);
      if (week)
        candidates.push({ managerId: manager.id, week, key: teamSummaryDeliveryKey(manager.id, week.periodKey) });
    }
    const claimed = await loadClaimedDeliveries(
      ctx,
      candidates.map((candidate) => candidate.key),
    );
    const fresh = new Map(
      candidates
        .filter((candidate) => !claimed.has(candidate.key))
        .map((candidate) => [candidate.managerId, candidate]),
    );
    if (fresh.size === 0) return [];
    const summaries = await buildTeamSummaries(ctx, { now, managerIds: [...fresh.keys()] });
    return summaries.map((summary): NewDelivery => {
      const { key, week } = fresh.get(summary.managerId)!;
      return {
        key,
        kind: TEAM_SUMMARY_KIND,
        target: { kind: "person", personId: summary.managerId },
        message: { type: "team.summary", summary },
        notBefore: now,
        expiresAt: week.expiresAt,
        respectQuietHours: true,
      };
    });
  },
};
