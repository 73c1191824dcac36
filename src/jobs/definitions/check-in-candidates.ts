// What both check-in jobs read, in bulk: a constant number of queries however many people the org has (the
// reachable people with their schedule fields and team slot; this period's check-ins; this period's claimed
// deliveries).
import { Prisma } from "../../db/database.ts";
import type { DomainContext } from "../../domain/context.ts";
import { isAwayAt } from "../../domain/schedule/away.ts";
import { isIanaTimeZone } from "../../domain/schedule/local-time.ts";
import { daysOffKey, loadClosures, type DaysOff } from "../../domain/schedule/days-off.ts";
import { checkInPeriodAt, type CheckInPeriod } from "../../domain/schedule/period.ts";
import {
  SCHEDULE_PERSON_SELECT,
  effectiveCheckInSlot,
  holidayShiftOf,
  type SchedulePerson,
} from "../../domain/schedule/schedule-person.ts";

/**
 * Active people Momentum can DM: a Slack identity, or a Teams identity with a stored conversation reference. People
 * imported from HR data who never used the app are left out, rather than filling the delivery log with a failed
 * prompt each week; their first prompt goes out once they can be reached, if their period is still open.
 */
const REACHABLE_ACTIVE_PERSON = {
  active: true,
  OR: [
    { slackIdentities: { some: { deactivatedAt: null } } },
    { teamsIdentities: { some: { NOT: { conversationReference: { equals: Prisma.DbNull } } } } },
  ],
} satisfies Prisma.PersonWhereInput;

export interface CheckInCandidate {
  person: SchedulePerson;
  /** The person's zone, or the org's when the stored one is not a valid IANA zone. */
  zone: string;
  period: CheckInPeriod;
  /** Holidays and closures of the person: the prompt moves around them, the reminder skips them. */
  daysOff: DaysOff;
}

export interface ClaimedDelivery {
  key: string;
  status: string;
  sentAt: Date | null;
}

/**
 * Active people who are not away at `now`, each with the period containing `now` in their zone. The period is
 * open by construction (start ≤ now < deadline): after downtime it is still this period's prompt that is due,
 * never an older one.
 */
export async function loadCheckInCandidates(ctx: DomainContext, now: Date): Promise<CheckInCandidate[]> {
  const [people, closures] = await Promise.all([
    ctx.prisma.person.findMany({ where: REACHABLE_ACTIVE_PERSON, select: SCHEDULE_PERSON_SELECT }),
    loadClosures(ctx.prisma, now),
  ]);
  // Most people share a zone, a slot and a holiday calendar: computing each distinct (zone, slot, days off) period
  // once per tick keeps a tick for 10,000 people in the tens of milliseconds instead of seconds of date arithmetic.
  const zones = new Memo<string, string>((zone) => (isIanaTimeZone(zone) ? zone : ctx.org.defaultTimeZone));
  const shifts = new Map<string, ReturnType<typeof holidayShiftOf>>();
  const periods = new Memo<string, CheckInPeriod>((key) => {
    const [zone, weekday, time, ...daysOff] = key.split("|");
    return checkInPeriodAt({ weekday: Number(weekday), time }, zone, now, shifts.get(daysOff.join("|")));
  });
  const candidates: CheckInCandidate[] = [];
  for (const person of people) {
    const zone = zones.get(person.timeZone);
    if (isAwayAt(person.awayUntil, zone, now)) continue;
    const slot = effectiveCheckInSlot(person, ctx.org);
    const shift = holidayShiftOf(person, ctx.org, closures);
    const daysOff = shift.days.daysOff!;
    const shape = daysOffKey(daysOff);
    if (!shifts.has(shape)) shifts.set(shape, shift);
    candidates.push({ person, zone, daysOff, period: periods.get(`${zone}|${slot.weekday}|${slot.time}|${shape}`) });
  }
  return candidates;
}

/** A per-tick cache of a pure computation. */
export class Memo<K, V> {
  private readonly values = new Map<K, V>();
  constructor(private readonly compute: (key: K) => V) {}
  get(key: K): V {
    if (!this.values.has(key)) this.values.set(key, this.compute(key));
    return this.values.get(key)!;
  }
}

/** `${personId}:${periodKey}` of every check-in already submitted for the candidates' periods (one query). */
export async function loadSubmitted(ctx: DomainContext, candidates: CheckInCandidate[]): Promise<Set<string>> {
  const periodKeys = [...new Set(candidates.map((candidate) => candidate.period.key))];
  if (periodKeys.length === 0) return new Set();
  const rows = await ctx.prisma.checkIn.findMany({
    where: { periodKey: { in: periodKeys } },
    select: { personId: true, periodKey: true },
  });
  return new Set(rows.map((row) => `${row.personId}:${row.periodKey}`));
}

/** The deliveries already claimed under these keys (one query on the unique key index). */
export async function loadClaimedDeliveries(ctx: DomainContext, keys: string[]): Promise<Map<string, ClaimedDelivery>> {
  if (keys.length === 0) return new Map();
  const rows = await ctx.prisma.$queryRaw<ClaimedDelivery[]>`
    SELECT key, status::text AS status, "sentAt" FROM "Delivery" WHERE key = ANY(${keys}::text[])`;
  return new Map(rows.map((row) => [row.key, row]));
}
