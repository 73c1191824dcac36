// One reminder at most per period: on the next working morning (org reminder time, org working days minus the
// person's holidays and closures) after the
// prompt reached the person, if they have not submitted and are not away. Anchoring on the prompt's `sentAt`
// rather than on the slot means someone whose prompt was held back (away, quiet hours, downtime) is not reminded
// minutes after being prompted; a prompt that was cancelled or failed is never followed by a reminder; someone away
// on the reminder morning is excused for the period.
import { DateTime } from "luxon";
import { reminderDeliveryKey, promptDeliveryKey } from "../../domain/check-ins/current-period.ts";
import type { NewDelivery } from "../../domain/notifications/outbox.ts";
import { isAwayAt } from "../../domain/schedule/away.ts";
import { formatLocalLabel, localIsoDate } from "../../domain/schedule/local-time.ts";
import { daysOffKey } from "../../domain/schedule/days-off.ts";
import { nextWorkingMorning } from "../../domain/schedule/working-hours.ts";
import type { JobDefinition } from "../job.ts";
import { Memo, loadCheckInCandidates, loadClaimedDeliveries, loadSubmitted } from "./check-in-candidates.ts";

export const CHECK_IN_REMINDER_KIND = "checkin.reminder";

export const checkInRemindersJob: JobDefinition = {
  id: "check-in-reminders",
  async due(ctx, now) {
    const candidates = await loadCheckInCandidates(ctx, now);
    const submitted = await loadSubmitted(ctx, candidates);
    const open = candidates.filter((candidate) => !submitted.has(`${candidate.person.id}:${candidate.period.key}`));
    const keys = open.flatMap(({ person, period }) => [
      promptDeliveryKey(person.id, period.key),
      reminderDeliveryKey(person.id, period.key),
    ]);
    const claimed = await loadClaimedDeliveries(ctx, keys);
    const labels = new Memo<string, string>((key) =>
      formatLocalLabel(new Date(Number(key.split("|")[1])), key.split("|")[0]),
    );
    // The next working morning depends only on the zone, the anchor's local date and the days off: computed once each.
    const daysOffByShape = new Map(open.map((candidate) => [daysOffKey(candidate.daysOff), candidate.daysOff]));
    const mornings = new Memo<string, Date | null>((key) => {
      const [zone, date, ...shape] = key.split("|");
      const daysOff = daysOffByShape.get(shape.join("|"));
      return nextWorkingMorning(
        { days: ctx.org.workDays, daysOff },
        ctx.org.checkInReminderTime,
        zone,
        DateTime.fromISO(date, { zone }).toJSDate(),
      );
    });
    const due: NewDelivery[] = [];
    for (const { person, zone, period, daysOff } of open) {
      const key = reminderDeliveryKey(person.id, period.key);
      if (claimed.has(key)) continue;
      const prompt = claimed.get(promptDeliveryKey(person.id, period.key));
      if (prompt?.status !== "sent" || !prompt.sentAt) continue;
      const anchor = prompt.sentAt.getTime() > period.start.getTime() ? prompt.sentAt : period.start;
      const remindAt = mornings.get(`${zone}|${localIsoDate(anchor, zone)}|${daysOffKey(daysOff)}`);
      if (!remindAt || remindAt.getTime() > now.getTime() || remindAt.getTime() >= period.deadline.getTime()) continue;
      // Away on the reminder morning excuses the period: no catch-up reminder the moment they are back.
      if (isAwayAt(person.awayUntil, zone, remindAt)) continue;
      due.push({
        key,
        kind: CHECK_IN_REMINDER_KIND,
        target: { kind: "person", personId: person.id },
        message: {
          type: "checkin.reminder",
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
