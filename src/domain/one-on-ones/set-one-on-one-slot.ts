// `/momentum one-on-one @alice friday 10:00` / `one-on-one @Alice friday 10:00`: the weekly 1:1 slot of one
// manager+report pair, in the manager's zone. Only the report's manager may set it (HR may set any pair's, for
// the report's current manager); `default` returns the pair to Monday 09:00.
import { AppError, forbidden, notFound, validationError } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { hasRole } from "../people/person.ts";
import { isIanaTimeZone, weekdayName } from "../schedule/local-time.ts";
import { workingHoursOf } from "../schedule/working-hours.ts";
import { parseInput } from "../validation.ts";
import { DEFAULT_ONE_ON_ONE_SLOT, occurrenceInWeekOf } from "./one-on-one-slot.ts";
import { SetOneOnOneSlotInput, type SetOneOnOneSlotOptions } from "./one-on-one.schemas.ts";
import { DateTime } from "luxon";

export interface SetOneOnOneSlotResult {
  reportName: string;
  managerName: string;
  weekday: number;
  weekdayName: string;
  time: string;
  isDefault: boolean;
  /** In the manager's zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** The next 1:1 and when its agenda arrives, in the manager's zone. */
  nextSlotLabel: string;
  nextAgendaLabel: string;
}

export async function setOneOnOneSlot(
  ctx: DomainContext,
  options: SetOneOnOneSlotOptions,
): Promise<SetOneOnOneSlotResult> {
  const input = parseInput(SetOneOnOneSlotInput, options);
  if ((input.weekday === null) !== (input.time === null))
    throw validationError("Give both a day and a time, e.g. friday 10:00.");
  if (input.actorId === input.reportId)
    throw validationError("A 1:1 is with one of your reports: mention them, not yourself.");
  const select = {
    id: true,
    name: true,
    role: true,
    active: true,
    managerId: true,
    timeZone: true,
    workdayStart: true,
    workdayEnd: true,
  } as const;
  const [actor, report] = await Promise.all([
    ctx.prisma.person.findUnique({ where: { id: input.actorId }, select }),
    ctx.prisma.person.findUnique({ where: { id: input.reportId }, select }),
  ]);
  if (!actor || !actor.active)
    throw new AppError("FORBIDDEN", "Your Momentum account is deactivated, so you can't set 1:1s.");
  if (!report || !report.active)
    throw notFound("I couldn't find that person in Momentum, or they're no longer active.");
  const isHr = hasRole(actor, "hr");
  if (report.managerId !== actor.id && !isHr) {
    throw forbidden(`Only ${report.name}'s manager (or HR) can set their 1:1 time.`);
  }
  if (!report.managerId)
    throw validationError(`${report.name} has no manager in Momentum, so there's no 1:1 to schedule.`);
  const manager =
    report.managerId === actor.id
      ? actor
      : await ctx.prisma.person.findUnique({ where: { id: report.managerId }, select });
  if (!manager) throw notFound(`I couldn't find ${report.name}'s manager.`);

  const slot =
    input.weekday === null || input.time === null
      ? DEFAULT_ONE_ON_ONE_SLOT
      : { weekday: input.weekday, time: input.time };
  const now = ctx.clock.now();
  await ctx.prisma.oneOnOne.upsert({
    where: { managerId_reportId: { managerId: manager.id, reportId: report.id } },
    create: {
      managerId: manager.id,
      reportId: report.id,
      weekday: slot.weekday,
      time: slot.time,
      createdAt: now,
      updatedAt: now,
    },
    update: { weekday: slot.weekday, time: slot.time, updatedAt: now },
  });
  const zone = isIanaTimeZone(manager.timeZone) ? manager.timeZone : ctx.org.defaultTimeZone;
  const hours = workingHoursOf(manager, ctx.org);
  let next = occurrenceInWeekOf(DateTime.fromJSDate(now, { zone }), slot, zone, hours);
  if (next.slotAt.getTime() <= now.getTime())
    next = occurrenceInWeekOf(DateTime.fromJSDate(now, { zone }).plus({ weeks: 1 }), slot, zone, hours);
  ctx.logger.info(
    { actorId: actor.id, managerId: manager.id, reportId: report.id, weekday: slot.weekday, time: slot.time },
    "1:1 slot set",
  );
  return {
    reportName: report.name,
    managerName: manager.name,
    weekday: slot.weekday,
    weekdayName: weekdayName(slot.weekday),
    time: slot.time,
    isDefault: input.weekday === null,
    timeZone: zone,
    nextSlotLabel: next.slotLabel,
    nextAgendaLabel: DateTime.fromJSDate(next.promptAt, { zone }).setLocale("en-GB").toFormat("cccc d LLLL, HH:mm"),
  };
}
