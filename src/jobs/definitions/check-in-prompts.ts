// Weekly check-in prompts: each active, present person gets one DM per period at their local check-in slot.
// Keys are `checkin-prompt:<personId>:<periodKey>` (ISO week, see domain/schedule/period.ts), so a second
// scheduler, a restart or a person moving time zones mid-week finds the week already claimed. A prompt moved off a
// holiday or closure day (domain/schedule/period.ts) keeps its week's key, so it too goes out once.
import { promptDeliveryKey } from "../../domain/check-ins/current-period.ts";
import type { NewDelivery } from "../../domain/notifications/outbox.ts";
import { formatLocalLabel } from "../../domain/schedule/local-time.ts";
import type { JobDefinition } from "../job.ts";
import { Memo, loadCheckInCandidates, loadClaimedDeliveries, loadSubmitted } from "./check-in-candidates.ts";

export const CHECK_IN_PROMPT_KIND = "checkin.prompt";

export const checkInPromptsJob: JobDefinition = {
  id: "check-in-prompts",
  async due(ctx, now) {
    const candidates = await loadCheckInCandidates(ctx, now);
    const submitted = await loadSubmitted(ctx, candidates);
    // A week whose slot fell on a holiday or closure under CHECKIN_ON_HOLIDAY=skip has no prompt at all.
    const open = candidates.filter(
      (candidate) =>
        !candidate.period.promptSkipped && !submitted.has(`${candidate.person.id}:${candidate.period.key}`),
    );
    // Leaving out keys that are already claimed keeps each minute's insert small: after the first tick of a
    // period, a quiet minute inserts nothing.
    const claimed = await loadClaimedDeliveries(
      ctx,
      open.map((candidate) => promptDeliveryKey(candidate.person.id, candidate.period.key)),
    );
    const labels = new Memo<string, string>((key) =>
      formatLocalLabel(new Date(Number(key.split("|")[1])), key.split("|")[0]),
    );
    const due: NewDelivery[] = [];
    for (const { person, zone, period } of open) {
      const key = promptDeliveryKey(person.id, period.key);
      if (claimed.has(key)) continue;
      due.push({
        key,
        kind: CHECK_IN_PROMPT_KIND,
        target: { kind: "person", personId: person.id },
        message: {
          type: "checkin.prompt",
          periodKey: period.key,
          deadlineLabel: labels.get(`${zone}|${period.deadline.getTime()}`),
        },
        notBefore: now,
        expiresAt: period.deadline,
        respectQuietHours: true,
      });
    }
    return due;
  },
};
