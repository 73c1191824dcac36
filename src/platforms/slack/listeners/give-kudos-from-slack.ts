// Giving kudos from Slack, shared by the slash command and the modal: identify the giver and each recipient,
// record through the domain, wake the outbox, and describe the outcome for the giver.
import { giveKudos } from "../../../domain/kudos/give-kudos.ts";
import { KUDOS_MAX_RECIPIENTS } from "../../../domain/kudos/kudos.schemas.ts";
import { isUniqueViolation, validationError } from "../../../shared/errors.ts";
import { identifyActor, identifyRecipients } from "../slack-people.ts";
import type { KudosConfirmation } from "../views/kudos-confirmation.ts";
import type { SlackListenerDeps } from "./listener-deps.ts";

export interface SlackKudosRequest {
  teamId: string;
  giverUserId: string;
  recipientUserIds: string[];
  /** The message, given the recipients' names by Slack user id (mentions inside the text become names). */
  message: (namesByUserId: Map<string, string>) => string;
  value: string | null;
  visibility: "public" | "private";
  requestKey: string;
  /** Channel the kudos was given in, or null for a direct message. */
  channelId: string | null;
}

export async function giveKudosFromSlack(
  deps: SlackListenerDeps,
  request: SlackKudosRequest,
): Promise<KudosConfirmation> {
  const ctx = deps.domain;
  if (request.recipientUserIds.length > KUDOS_MAX_RECIPIENTS)
    throw validationError(`You can thank at most ${KUDOS_MAX_RECIPIENTS} people at once.`);
  const giver = await identifyActor(ctx, deps.directory, request.teamId, request.giverUserId);
  const userIds = [...new Set(request.recipientUserIds)];
  const recipients = await identifyRecipients(ctx, deps.directory, request.teamId, userIds);
  const names = new Map(userIds.map((userId, index) => [userId, recipients[index].name]));
  const recipientNames = recipients.map((person) => person.name);
  try {
    const result = await giveKudos(
      ctx,
      {
        giverId: giver.id,
        recipientIds: recipients.map((person) => person.id),
        message: request.message(names),
        value: request.value,
        visibility: request.visibility,
        platform: "slack",
        requestKey: request.requestKey,
        channel: request.channelId
          ? { kind: "slack-channel", channel: request.channelId, teamId: request.teamId }
          : null,
      },
      { slackKudosChannel: deps.kudosChannel },
    );
    if (!result.duplicate) deps.kickDeliveries();
    const announced = result.announcedIn?.kind === "slack-channel" ? result.announcedIn.channel : null;
    return {
      recipientNames: result.kudos.map((kudos) => kudos.recipientName),
      visibility: request.visibility,
      postedIn: announced,
      duplicate: result.duplicate,
      unreachableNames: result.unreachable.map((person) => person.name),
    };
  } catch (error) {
    // The same request racing itself (a double submit): the other copy stored it.
    if (!isUniqueViolation(error)) throw error;
    return { recipientNames, visibility: request.visibility, postedIn: null, duplicate: true, unreachableNames: [] };
  }
}
