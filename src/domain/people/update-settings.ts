// Personal settings (`/momentum settings`): check-in slot, working hours, time zone; and a manager's check-in slot
// for their direct reports. A change mid-week keeps the week's period key (ISO week, see domain/schedule/period.ts),
// so moving the slot or the zone never yields a second prompt in the same week.
import { notFound, validationError } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../validation.ts";
import { requireRole } from "./person.ts";
import { describeSettings, type SettingsView } from "./describe-settings.ts";
import {
  SetTeamCheckInSlotInput,
  UpdateMySettingsInput,
  type SetTeamCheckInSlotOptions,
  type UpdateMySettingsOptions,
} from "./settings.schemas.ts";

/** Applies the given fields (undefined = unchanged, null = back to the team/org default); returns the new view. */
export async function updateMySettings(ctx: DomainContext, options: UpdateMySettingsOptions): Promise<SettingsView> {
  const input = parseInput(UpdateMySettingsInput, options);
  const person = await ctx.prisma.person.findUnique({
    where: { id: input.personId },
    select: { id: true, workdayStart: true, workdayEnd: true },
  });
  if (!person) throw notFound("I couldn't find your Momentum profile.");
  const start = (input.workdayStart === undefined ? person.workdayStart : input.workdayStart) ?? ctx.org.workdayStart;
  const end = (input.workdayEnd === undefined ? person.workdayEnd : input.workdayEnd) ?? ctx.org.workdayEnd;
  // "HH:mm" strings compare in clock order.
  if (start >= end) throw validationError(`Your workday has to start before it ends (you'd have ${start}–${end}).`);

  const data = {
    checkInWeekday: input.checkInWeekday,
    checkInTime: input.checkInTime,
    workdayStart: input.workdayStart,
    workdayEnd: input.workdayEnd,
    timeZone: input.timeZone,
    // A zone the person chose is never replaced by the one their chat client reports.
    timeZoneExplicit: input.timeZone === undefined ? undefined : true,
  };
  await ctx.prisma.person.update({ where: { id: person.id }, data: { ...data, updatedAt: ctx.clock.now() } });
  ctx.logger.info(
    { personId: person.id, changed: Object.keys(data).filter((key) => data[key as keyof typeof data] !== undefined) },
    "settings updated",
  );
  return describeSettings(ctx, { personId: person.id });
}

export interface SetTeamCheckInSlotResult {
  weekday: number | null;
  time: string | null;
  /** Direct reports the slot applies to (those with their own slot keep it). */
  reports: number;
  reportsWithOwnSlot: number;
}

/** A manager (or HR/admin) sets the check-in slot of their direct reports; null/null returns them to the org default. */
export async function setTeamCheckInSlot(
  ctx: DomainContext,
  options: SetTeamCheckInSlotOptions,
): Promise<SetTeamCheckInSlotResult> {
  const input = parseInput(SetTeamCheckInSlotInput, options);
  const manager = await ctx.prisma.person.findUnique({
    where: { id: input.managerId },
    select: { id: true, role: true, active: true },
  });
  if (!manager || !manager.active) throw notFound("I couldn't find your Momentum profile.");
  requireRole(manager, "manager", "set a check-in time for a team");
  await ctx.prisma.person.update({
    where: { id: manager.id },
    data: { teamCheckInWeekday: input.weekday, teamCheckInTime: input.time, updatedAt: ctx.clock.now() },
  });
  const [reports, reportsWithOwnSlot] = await Promise.all([
    ctx.prisma.person.count({ where: { managerId: manager.id, active: true } }),
    ctx.prisma.person.count({
      where: {
        managerId: manager.id,
        active: true,
        OR: [{ checkInWeekday: { not: null } }, { checkInTime: { not: null } }],
      },
    }),
  ]);
  ctx.logger.info(
    { managerId: manager.id, weekday: input.weekday, time: input.time, reports },
    "team check-in slot set",
  );
  return { weekday: input.weekday, time: input.time, reports, reportsWithOwnSlot };
}
