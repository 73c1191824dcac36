import { AppError, isUniqueViolation } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import type { PersonRecord } from "./person.ts";
import { findOrCreatePerson, PERSON_FIELDS, promoteConfiguredAdmin, validTimeZone } from "./provision-person.ts";

export interface TeamsProfile {
  tenantId: string;
  aadObjectId: string;
  /** The Teams user id (29:…) used in mentions and member lookups. */
  teamsUserId: string;
  name: string;
  email: string | null;
  /** `localTimezone` of the activity, when the person themself is acting. */
  timeZone?: string | null;
  /** The personal-chat conversation reference, when the activity came from a 1:1 chat with the bot. */
  conversationReference?: unknown;
}

/**
 * Maps a Teams user to a Person, provisioning them on first contact. Stores the personal conversation
 * reference whenever one is seen, so proactive DMs work from then on.
 */
export async function identifyTeamsUser(ctx: DomainContext, profile: TeamsProfile): Promise<PersonRecord> {
  const where = { tenantId_aadObjectId: { tenantId: profile.tenantId, aadObjectId: profile.aadObjectId } };
  const known = await ctx.prisma.teamsIdentity.findUnique({
    where,
    select: { id: true, conversationReference: true, person: { select: PERSON_FIELDS } },
  });
  if (known) {
    if (
      profile.conversationReference &&
      JSON.stringify(known.conversationReference) !== JSON.stringify(profile.conversationReference)
    ) {
      await ctx.prisma.teamsIdentity.update({
        where: { id: known.id },
        data: { conversationReference: profile.conversationReference as object, updatedAt: ctx.clock.now() },
      });
    }
    await adoptTimeZone(ctx, known.person, profile.timeZone);
    return promoteConfiguredAdmin(ctx, known.person);
  }
  if (!profile.email) {
    throw new AppError(
      "VALIDATION",
      `Teams didn't share an email address for ${profile.name || "that person"}, so Momentum can't tell who that is.`,
    );
  }
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const person = await findOrCreatePerson(ctx, tx, {
        email: profile.email!,
        name: profile.name,
        timeZone: profile.timeZone,
      });
      await tx.teamsIdentity.create({
        data: {
          personId: person.id,
          tenantId: profile.tenantId,
          aadObjectId: profile.aadObjectId,
          teamsUserId: profile.teamsUserId,
          conversationReference: (profile.conversationReference as object | undefined) ?? undefined,
          createdAt: ctx.clock.now(),
          updatedAt: ctx.clock.now(),
        },
      });
      return person;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const identity = await ctx.prisma.teamsIdentity.findUniqueOrThrow({
      where,
      select: { person: { select: PERSON_FIELDS } },
    });
    return identity.person;
  }
}

/**
 * A person provisioned before we knew their zone (a mention, a CSV without one) takes the zone Teams reports,
 * unless they (or HR) chose one explicitly.
 */
async function adoptTimeZone(
  ctx: DomainContext,
  person: PersonRecord,
  reported: string | null | undefined,
): Promise<void> {
  if (!reported || person.timeZone !== ctx.org.defaultTimeZone) return;
  const explicit = await ctx.prisma.person.findUnique({ where: { id: person.id }, select: { timeZoneExplicit: true } });
  if (explicit?.timeZoneExplicit) return;
  const zone = validTimeZone(reported, person.timeZone);
  if (zone === person.timeZone) return;
  await ctx.prisma.person.update({ where: { id: person.id }, data: { timeZone: zone, updatedAt: ctx.clock.now() } });
  person.timeZone = zone;
}
