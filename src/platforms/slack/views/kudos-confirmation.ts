// What the giver alone sees after giving kudos: what was recorded and who will be told.
import { escapedText, escapeMrkdwn, joinNames, section, type SlackMessage } from "./text.ts";

export interface KudosConfirmation {
  recipientNames: string[];
  visibility: "public" | "private";
  /** Slack channel id of the public post, if one will be posted. */
  postedIn: string | null;
  /** The same request had already been recorded (a retry or a double submit). */
  duplicate: boolean;
  /** Recipients Momentum cannot DM yet. */
  unreachableNames: string[];
}

export function kudosConfirmationMessage(confirmation: KudosConfirmation): SlackMessage {
  const names = joinNames(confirmation.recipientNames.map((name) => `*${escapeMrkdwn(name)}*`));
  const plainNames = joinNames(confirmation.recipientNames);
  if (confirmation.duplicate) {
    return {
      text: escapedText`Your kudos for ${plainNames} was already recorded.`,
      blocks: [section(`:white_check_mark: Your kudos for ${names} was already recorded, nothing was sent twice.`)],
    };
  }
  const lines = [`:white_check_mark: Kudos recorded for ${names}.`];
  const reachable = confirmation.recipientNames.filter((name) => !confirmation.unreachableNames.includes(name));
  if (reachable.length > 0)
    lines.push(`${joinNames(reachable.map((name) => `*${escapeMrkdwn(name)}*`))} will get a direct message.`);
  if (confirmation.unreachableNames.length > 0) {
    lines.push(
      `Momentum can't message ${joinNames(confirmation.unreachableNames.map(escapeMrkdwn))} yet (they haven't used Momentum in chat); the kudos is saved all the same.`,
    );
  }
  if (confirmation.visibility === "private") lines.push(":lock: It's private: it won't be posted anywhere.");
  else if (confirmation.postedIn) lines.push(`It will be posted in <#${confirmation.postedIn}>.`);
  else lines.push("It was given in a direct message, so it won't be posted in a channel.");
  return { text: escapedText`Kudos recorded for ${plainNames}.`, blocks: [section(lines.join("\n"))] };
}
