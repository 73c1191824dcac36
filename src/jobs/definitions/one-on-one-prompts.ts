// 1:1 agendas: for each manager+report pair, one DM to the manager before the week's 1:1 (an hour before, inside
// the manager's working hours; see domain/one-on-ones/one-on-one-slot.ts). Keys are
// `one-on-one:<managerId>:<reportId>:<ISO week of the slot>`; the agenda expires at the slot, so one held back by
// quiet hours or downtime is never delivered after the meeting. When the slot's day is a holiday or closure day of
// the manager or the report, that week's 1:1 is skipped: the manager gets one short notice instead of the agenda,
// under the same key, so they are told once. Constant queries per tick: the pairs (4), the claimed keys (1) and the
// agendas of the pairs due now (about 9, for any number of pairs).
import { buildOneOnOneAgendas, type AgendaRequest } from "../../domain/one-on-ones/build-one-on-one-agendas.ts";
import { loadOneOnOnePairs } from "../../domain/one-on-ones/one-on-one-pairs.ts";
import {
  occurrenceDueAt,
  oneOnOneDeliveryKey,
  type OneOnOneOccurrence,
} from "../../domain/one-on-ones/one-on-one-slot.ts";
import type { NewDelivery } from "../../domain/notifications/outbox.ts";
import { dayOffReason, daysOffKey } from "../../domain/schedule/days-off.ts";
import { localIsoDate } from "../../domain/schedule/local-time.ts";
import type { JobDefinition } from "../job.ts";
import { loadClaimedDeliveries } from "./check-in-candidates.ts";

export const ONE_ON_ONE_PROMPT_KIND = "one-on-one.prompt";

export const oneOnOnePromptsJob: JobDefinition = {
  id: "one-on-one-prompts",
  async due(ctx, now) {
    const pairs = await loadOneOnOnePairs(ctx, now);
    // Most pairs share a zone, a slot, working hours and days off: the date arithmetic runs once per combination.
    const occurrences = new Map<string, OneOnOneOccurrence | null>();
    const candidates: (AgendaRequest & { key: string; dayOff: string | null })[] = [];
    for (const pair of pairs) {
      const shape = `${pair.zone}|${pair.slot.weekday}|${pair.slot.time}|${pair.hours.start}|${pair.hours.end}|${daysOffKey(pair.hours.daysOff)}`;
      if (!occurrences.has(shape)) occurrences.set(shape, occurrenceDueAt(now, pair.slot, pair.zone, pair.hours));
      const occurrence = occurrences.get(shape);
      if (!occurrence) continue;
      const slotDate = localIsoDate(occurrence.slotAt, pair.zone);
      const dayOff = dayOffReason(pair.hours.daysOff, slotDate) ?? dayOffReason(pair.reportDaysOff, slotDate);
      candidates.push({
        ...pair,
        occurrence,
        dayOff,
        key: oneOnOneDeliveryKey(pair.managerId, pair.reportId, occurrence.periodKey),
      });
    }
    const claimed = await loadClaimedDeliveries(
      ctx,
      candidates.map((candidate) => candidate.key),
    );
    const fresh = candidates.filter((candidate) => !claimed.has(candidate.key));
    const skipped = fresh.filter((candidate) => candidate.dayOff !== null);
    const held = fresh.filter((candidate) => candidate.dayOff === null);
    const agendas = await buildOneOnOneAgendas(ctx, held, now);
    const notices = skipped.map((candidate): NewDelivery => ({
      key: candidate.key,
      kind: ONE_ON_ONE_PROMPT_KIND,
      target: { kind: "person", personId: candidate.managerId },
      message: {
        type: "notice",
        title: "1:1 skipped this week",
        text: `Your 1:1 with ${candidate.reportName} on ${candidate.occurrence.slotLabel} falls on a day off (${candidate.dayOff}), so it is skipped this week and there is no agenda. It is back at its usual time next week.`,
      },
      notBefore: now,
      expiresAt: candidate.occurrence.slotAt,
      respectQuietHours: true,
    }));
    return [
      ...agendas.map((agenda, index): NewDelivery => ({
        key: held[index].key,
        kind: ONE_ON_ONE_PROMPT_KIND,
        target: { kind: "person", personId: agenda.managerId },
        message: { type: "one-on-one.prompt", agenda },
        notBefore: now,
        expiresAt: held[index].occurrence.slotAt,
        respectQuietHours: true,
      })),
      ...notices,
    ];
  },
};
