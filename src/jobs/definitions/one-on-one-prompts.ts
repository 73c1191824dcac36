// 1:1 agendas: for each manager+report pair, one DM to the manager before the week's 1:1 (an hour before, inside
// the manager's working hours; see domain/one-on-ones/one-on-one-slot.ts). Keys are
// `one-on-one:<managerId>:<reportId>:<ISO week of the slot>`; the agenda expires at the slot, so one held back by
// quiet hours or downtime is never delivered after the meeting. Constant queries per tick: the pairs (3), the
// claimed keys (1) and the agendas of the pairs due now (about 9, for any number of pairs).
import { buildOneOnOneAgendas, type AgendaRequest } from "../../domain/one-on-ones/build-one-on-one-agendas.ts";
import { loadOneOnOnePairs } from "../../domain/one-on-ones/one-on-one-pairs.ts";
import { occurrenceDueAt, oneOnOneDeliveryKey, type OneOnOneOccurrence } from "../../domain/one-on-ones/one-on-one-slot.ts";
import type { NewDelivery } from "../../domain/notifications/outbox.ts";
import type { JobDefinition } from "../job.ts";
import { loadClaimedDeliveries } from "./check-in-candidates.ts";

export const ONE_ON_ONE_PROMPT_KIND = "one-on-one.prompt";

export const oneOnOnePromptsJob: JobDefinition = {
  id: "one-on-one-prompts",
  async due(ctx, now) {
    const pairs = await loadOneOnOnePairs(ctx);
    // Most pairs share a zone, a slot and working hours: the date arithmetic runs once per distinct combination.
    const occurrences = new Map<string, OneOnOneOccurrence | null>();
    const candidates: (AgendaRequest & { key: string })[] = [];
    for (const pair of pairs) {
      const shape = `${pair.zone}|${pair.slot.weekday}|${pair.slot.time}|${pair.hours.start}|${pair.hours.end}`;
      if (!occurrences.has(shape)) occurrences.set(shape, occurrenceDueAt(now, pair.slot, pair.zone, pair.hours));
      const occurrence = occurrences.get(shape);
      if (!occurrence) continue;
      candidates.push({ ...pair, occurrence, key: oneOnOneDeliveryKey(pair.managerId, pair.reportId, occurrence.periodKey) });
    }
    const claimed = await loadClaimedDeliveries(ctx, candidates.map((candidate) => candidate.key));
    const fresh = candidates.filter((candidate) => !claimed.has(candidate.key));
    const agendas = await buildOneOnOneAgendas(ctx, fresh, now);
    return agendas.map((agenda, index): NewDelivery => ({
      key: fresh[index].key,
      kind: ONE_ON_ONE_PROMPT_KIND,
      target: { kind: "person", personId: agenda.managerId },
      message: { type: "one-on-one.prompt", agenda },
      notBefore: now,
      expiresAt: fresh[index].occurrence.slotAt,
      respectQuietHours: true,
    }));

  },
};
