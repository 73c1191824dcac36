// The Notifier port: how the outbox worker hands a neutral message to a platform. Implemented by
// platforms/slack/slack-notifier.ts and platforms/teams/teams-notifier.ts.
import type { OutboundMessage } from "./messages.ts";

export type PlatformName = "slack" | "teams";

/** Where an outbox row goes. A person is resolved at send time to their identity on their preferred platform. */
export type DeliveryTarget =
  | { kind: "person"; personId: string }
  /** `teamId`: the workspace the channel is in, so the post uses that workspace's token (OAuth installs). */
  | { kind: "slack-channel"; channel: string; teamId?: string }
  | { kind: "teams-channel"; conversationId: string };

export interface SlackRecipient {
  platform: "slack";
  personId: string;
  teamId: string;
  userId: string;
  /** Cached DM channel id, when known. */
  dmChannel: string | null;
}

export interface TeamsRecipient {
  platform: "teams";
  personId: string;
  tenantId: string;
  aadObjectId: string;
  teamsUserId: string;
  conversationReference: unknown | null;
}

export type Recipient = SlackRecipient | TeamsRecipient;

export interface SendResult {
  /** Slack message ts or Teams activity id: recorded in the delivery log. */
  messageId: string;
}

/** Which outbox row a send is for, so a platform that can tag and find its messages never posts one twice. */
export interface SendContext {
  deliveryId: string;
  /**
   * An earlier attempt may have reached the platform without its outcome being recorded (its instance died, or
   * the call timed out): look for the message before posting it again.
   */
  mayAlreadyBeSent: boolean;
  /** A Slack channel post's workspace (several workspaces installed): its token is used. */
  slackTeamId?: string;
}

export interface ChatNotifier {
  readonly platform: PlatformName;
  sendToPerson(recipient: Recipient, message: OutboundMessage, context?: SendContext): Promise<SendResult>;
  /** Slack channel id, or the conversation id of a Teams channel the app was added to. */
  sendToChannel(channel: string, message: OutboundMessage, context?: SendContext): Promise<SendResult>;
}

/**
 * A platform failure, classified for the outbox: retryable ones are tried again with backoff (or after
 * Retry-After), permanent ones fail the delivery at once and are shown to admins.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** Retry policy shared by both platforms: 429, 412, 5xx and network timeouts are transient. */
export function classifyHttpFailure(status: number | undefined, retryAfterSeconds?: number): DeliveryError {
  if (status === 429) return new DeliveryError("rate limited (429)", true, (retryAfterSeconds ?? 1) * 1000);
  if (status === undefined) return new DeliveryError("network error or timeout", true);
  if (status === 412 || status >= 500) return new DeliveryError(`platform answered ${status}`, true);
  return new DeliveryError(`platform refused the message (${status})`, false);
}
