// `/momentum away until 2026-12-01` / `away until …`: pauses check-in prompts and reminders (and anything else
// that respects quiet hours) through that local date, and the person is not counted as missing meanwhile.
import { DateTime } from "luxon";
import { notFound, validationError } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import { awayEndsAt } from "../schedule/away.ts";
import { isIanaTimeZone } from "../schedule/local-time.ts";
import { parseInput } from "../validation.ts";
import { SetAwayInput, type SetAwayOptions } from "./settings.schemas.ts";

export const MAX_AWAY_DAYS = 365;

export interface SetAwayResult {
  /** Inclusive last day away, or null when the person is back. */
  awayUntil: string | null;
  /** "Tuesday 1 December 2026", for the confirmation. */
  untilLabel: string | null;
  /** How many queued messages were cancelled because they would have arrived while away. */
  cancelledDeliveries: number;
}

export async function setAway(ctx: DomainContext, options: SetAwayOptions): Promise<SetAwayResult> {
  const input = parseInput(SetAwayInput, options);
  const person = await ctx.prisma.person.findUnique({
    where: { id: input.personId },
    select: { id: true, timeZone: true },
  });
  if (!person) throw notFound("I couldn't find your Momentum profile.");
  const zone = isIanaTimeZone(person.timeZone) ? person.timeZone : ctx.org.defaultTimeZone;

  if (input.until === null) {
    await ctx.prisma.person.update({ where: { id: person.id }, data: { awayUntil: null, updatedAt: ctx.clock.now() } });
    ctx.logger.info({ personId: person.id }, "person is back");
    return { awayUntil: null, untilLabel: null, cancelledDeliveries: 0 };
  }

  const today = DateTime.fromJSDate(ctx.clock.now(), { zone }).startOf("day");
  const until = DateTime.fromISO(input.until, { zone });
  if (until < today)
    throw validationError(
      `${input.until} is already in the past. Give the last day you'll be away, e.g. ${today.plus({ days: 7 }).toISODate()}.`,
    );
  if (until > today.plus({ days: MAX_AWAY_DAYS }))
    throw validationError("You can set yourself away for at most a year at a time.");

  const backAt = awayEndsAt(input.until, zone);
  const cancelled = await ctx.prisma.$transaction(async (tx) => {
    await tx.person.update({ where: { id: person.id }, data: { awayUntil: input.until, updatedAt: ctx.clock.now() } });
    // Messages that wait for working hours and would land before they are back: nobody reads them.
    const result = await tx.delivery.updateMany({
      where: { personId: person.id, status: "pending", respectQuietHours: true, notBefore: { lt: backAt } },
      data: { status: "cancelled", lastError: "recipient is away", updatedAt: ctx.clock.now() },
    });
    return result.count;
  });
  ctx.logger.info({ personId: person.id, awayUntil: input.until, cancelledDeliveries: cancelled }, "person is away");
  return {
    awayUntil: input.until,
    untilLabel: until.setLocale("en-GB").toFormat("cccc d LLLL yyyy"),
    cancelledDeliveries: cancelled,
  };
}
