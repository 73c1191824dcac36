// Who is not counted as missing a period's check-in (for the manager summaries): people who are inactive, or who
// were away during the period, or whose prompt that week was skipped (holiday or closure). `awayUntil` records only the end of an absence, so an absence that ends on or after
// the period's first local day is taken to overlap the period; one that ended before it does not excuse anything.
import { localIsoDate } from "../schedule/local-time.ts";
import type { CheckInPeriod } from "../schedule/period.ts";
import type { SchedulePerson } from "../schedule/schedule-person.ts";

export function isExcusedFromCheckIn(
  person: Pick<SchedulePerson, "active" | "awayUntil">,
  period: CheckInPeriod,
): boolean {
  if (!person.active) return true;
  // A week whose prompt was skipped for a holiday or closure asked nobody anything.
  if (period.promptSkipped) return true;
  if (!person.awayUntil) return false;
  // "YYYY-MM-DD" strings compare in calendar order.
  return person.awayUntil >= localIsoDate(period.start, period.zone);
}
