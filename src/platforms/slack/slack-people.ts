// Who is acting and who is mentioned: Slack users mapped to people (provisioned on first contact).
import type { DomainContext } from "../../domain/context.ts";
import { identifySlackUser, type SlackDirectory } from "../../domain/people/identify-slack-user.ts";
import type { PersonRecord } from "../../domain/people/person.ts";
import { preferPlatform } from "../../domain/people/prefer-platform.ts";

/** The person behind the Slack user who acted; Slack becomes where Momentum reaches them first. */
export async function identifyActor(
  ctx: DomainContext,
  directory: SlackDirectory,
  teamId: string,
  userId: string,
): Promise<PersonRecord> {
  const person = await identifySlackUser(ctx, directory, { teamId, userId, label: "your Slack account" });
  await preferPlatform(ctx, person.id, "slack");
  return person;
}

/** Each mentioned user, in order, without duplicates; the first one that cannot be a recipient stops the request. */
export async function identifyRecipients(
  ctx: DomainContext,
  directory: SlackDirectory,
  teamId: string,
  userIds: string[],
): Promise<PersonRecord[]> {
  const people: PersonRecord[] = [];
  for (const userId of [...new Set(userIds)]) people.push(await identifyMentioned(ctx, directory, teamId, userId));
  return people;
}

/** A mentioned Slack user; a refusal names them with a Slack mention, which shows as their current name. */
export function identifyMentioned(
  ctx: DomainContext,
  directory: SlackDirectory,
  teamId: string,
  userId: string,
): Promise<PersonRecord> {
  return identifySlackUser(ctx, directory, { teamId, userId, label: `<@${userId}>` });
}
