// Whether a delivery may go out now, judged at send time (not at enqueue time: people change their settings,
// go away, or the service was down). Time-zone and working-hours rules live in domain/schedule and use Luxon; a
// public holiday of the person's calendar or a closure day covering them is a non-working day here like a weekend,
// so every message that respects quiet hours waits for the next working morning. Kudos and replies to a person's
// own action do not respect quiet hours and are never held.
import type { OrgSettings } from "../domain/context.ts";
import { isAwayAt } from "../domain/schedule/away.ts";
import { daysOffOf, type ClosureRange, type DaysOffPerson } from "../domain/schedule/days-off.ts";
import { isIanaTimeZone } from "../domain/schedule/local-time.ts";
import { nextWorkingInstant, workingHoursOf } from "../domain/schedule/working-hours.ts";

export type SendDecision =
  { action: "send" } | { action: "reschedule"; notBefore: Date } | { action: "cancel"; reason: string };

export interface SendWindowPerson extends Partial<DaysOffPerson> {
  timeZone: string;
  awayUntil: string | null;
  workdayStart: string | null;
  workdayEnd: string | null;
  /** Closures covering the person (with `id`, `managerId`, `holidayCalendar`, `manager`: their days off). */
  closures?: ClosureRange[];
}

export interface SendWindowRow {
  expiresAt: Date | null;
  respectQuietHours: boolean;
}

export type SendWindowOrg = Pick<
  OrgSettings,
  "defaultTimeZone" | "workdayStart" | "workdayEnd" | "workDays" | "holidayCalendar" | "holidayTypes"
>;

export function decideSendWindow(
  row: SendWindowRow,
  person: SendWindowPerson | null,
  org: SendWindowOrg,
  now: Date,
): SendDecision {
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime())
    return { action: "cancel", reason: "expired before it could be sent" };
  if (!row.respectQuietHours || !person) return { action: "send" };
  // A zone that is no longer valid (hand-edited data) falls back to the org's rather than sending at night in UTC.
  const zone = isIanaTimeZone(person.timeZone) ? person.timeZone : org.defaultTimeZone;
  if (isAwayAt(person.awayUntil, zone, now)) return { action: "cancel", reason: "away" };
  const daysOff = daysOffOf(
    {
      id: person.id ?? "",
      managerId: person.managerId ?? null,
      holidayCalendar: person.holidayCalendar ?? null,
      manager: person.manager ?? null,
    },
    org,
    person.closures ?? [],
  );
  const next = nextWorkingInstant(workingHoursOf(person, org, daysOff), zone, now);
  if (!next) return { action: "cancel", reason: "no working hours in the next month" };
  if (next.getTime() === now.getTime()) return { action: "send" };
  if (row.expiresAt && next.getTime() >= row.expiresAt.getTime())
    return { action: "cancel", reason: "quiet hours last past the end of its period" };
  return { action: "reschedule", notBefore: next };
}
