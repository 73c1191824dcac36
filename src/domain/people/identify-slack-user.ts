import { AppError } from "../../shared/errors.ts";
import { isUniqueViolation } from "../../shared/errors.ts";
import type { DomainContext } from "../context.ts";
import type { PersonRecord } from "./person.ts";
import { findOrCreatePerson, PERSON_FIELDS, promoteConfiguredAdmin } from "./provision-person.ts";

export interface SlackProfile {
  teamId: string;
  userId: string;
  name: string;
  email: string | null;
  timeZone: string | null;
  isBot: boolean;
  deleted: boolean;
}

/** Port implemented by the Slack adapter with `users.info`. Returns null for an unknown user. */
export interface SlackDirectory {
  lookup(teamId: string, userId: string): Promise<SlackProfile | null>;
}

export interface IdentifySlackUserOptions {
  teamId: string;
  userId: string;
  /** Who this is, as the platform shows them in a refusal ("your Slack account", or a mention of them). */
  label: string;
}

/**
 * Maps a Slack user to a Person, provisioning them from `users.info` on first contact.
 * Bots, deleted users and users without an email are refused with a message for whoever acted.
 */
export async function identifySlackUser(
  ctx: DomainContext,
  directory: SlackDirectory,
  options: IdentifySlackUserOptions,
): Promise<PersonRecord> {
  const known = await ctx.prisma.slackIdentity.findUnique({
    where: { teamId_userId: { teamId: options.teamId, userId: options.userId } },
    select: { person: { select: PERSON_FIELDS } },
  });
  if (known) return promoteConfiguredAdmin(ctx, known.person);

  const who = options.label;
  const profile = await directory.lookup(options.teamId, options.userId);
  if (!profile) throw new AppError("NOT_FOUND", `I couldn't find ${who} in this workspace.`);
  if (profile.isBot) throw new AppError("VALIDATION", `${who} is a bot: kudos, check-ins and reviews are for people.`);
  if (profile.deleted) throw new AppError("VALIDATION", `${who} has been deactivated in Slack.`);
  if (!profile.email)
    throw new AppError(
      "VALIDATION",
      `Slack didn't share an email address for ${who}, so Momentum can't tell who that is.`,
    );

  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const person = await findOrCreatePerson(ctx, tx, {
        email: profile.email!,
        name: profile.name,
        timeZone: profile.timeZone,
      });
      await tx.slackIdentity.create({
        data: { personId: person.id, teamId: options.teamId, userId: options.userId, createdAt: ctx.clock.now() },
      });
      return person;
    });
  } catch (error) {
    // Two first requests from the same user at once: the other one created the identity.
    if (!isUniqueViolation(error)) throw error;
    const identity = await ctx.prisma.slackIdentity.findUniqueOrThrow({
      where: { teamId_userId: { teamId: options.teamId, userId: options.userId } },
      select: { person: { select: PERSON_FIELDS } },
    });
    return identity.person;
  }
}
