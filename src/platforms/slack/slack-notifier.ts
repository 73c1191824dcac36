// Sends outbox messages to Slack: DMs through a cached conversation id, channel posts with one join attempt.
// Every post carries its outbox row id in Slack's message metadata. chat.postMessage has no idempotency key, so
// when an earlier attempt's outcome is unknown (its instance was killed mid-send, or the call timed out after
// Slack had accepted it), the channel's recent history is searched for that id first and the message is not
// posted a second time.
import type { DataContext } from "../../domain/context.ts";
import type { OutboundMessage } from "../../domain/notifications/messages.ts";
import {
  DeliveryError,
  type ChatNotifier,
  type Recipient,
  type SendContext,
  type SendResult,
} from "../../domain/notifications/notifier.ts";
import { markSlackAccountDeactivated } from "../../domain/directory/mark-slack-deactivated.ts";
import { rememberSlackDmChannel } from "../../domain/directory/slack-dm-channel.ts";
import { toDeliveryError } from "./delivery-errors.ts";
import { renderOutboundMessage } from "./views/render-message.ts";
import { slackErrorCode, type WebClient } from "./web-client.ts";
import type { SlackWorkspaceClients } from "./workspace-clients.ts";

export interface SlackNotifierOptions {
  /** Each workspace's client: a person is messaged with the token of the workspace their account is in. */
  clients: SlackWorkspaceClients;
  /** Where the notifier records what Slack tells it while sending (a deactivated account, a DM channel). */
  domain: DataContext;
}

/** conversations.open's answers for a deactivated account. */
const DEACTIVATED = new Set(["user_disabled", "account_inactive"]);

export class SlackNotifier implements ChatNotifier {
  readonly platform = "slack" as const;

  constructor(private readonly options: SlackNotifierOptions) {}

  async sendToPerson(recipient: Recipient, message: OutboundMessage, context?: SendContext): Promise<SendResult> {
    if (recipient.platform !== "slack") throw new DeliveryError("not a Slack recipient", false);
    try {
      const client = await this.options.clients.forTeam(recipient.teamId);
      // Uninstalled (or never installed) there: nothing can reach this account until the app is installed again.
      if (!client) throw new DeliveryError(NOT_INSTALLED, false);
      const cached = recipient.dmChannel;
      const channel = cached ?? (await this.openDm(client, recipient.teamId, recipient.userId));
      try {
        return await this.post(client, channel, message, context);
      } catch (error) {
        // A cached DM id can go stale (workspace migration): forget it and open the conversation again, once.
        if (!cached || slackErrorCode(error) !== "channel_not_found") throw error;
        return await this.post(client, await this.openDm(client, recipient.teamId, recipient.userId), message, context);
      }
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  async sendToChannel(channel: string, message: OutboundMessage, context?: SendContext): Promise<SendResult> {
    // A post names its channel's workspace when it came from a request there; SLACK_KUDOS_CHANNEL names none (it is
    // one channel of one workspace: the single token's, or the first installation's).
    const client = context?.slackTeamId
      ? await this.options.clients.forTeam(context.slackTeamId)
      : (await this.options.clients.all())[0]?.client;
    if (!client) throw new DeliveryError(NOT_INSTALLED, false);
    try {
      return await this.post(client, channel, message, context);
    } catch (error) {
      if (slackErrorCode(error) !== "not_in_channel") throw toDeliveryError(error);
    }
    try {
      await client.conversations.join({ channel });
    } catch (error) {
      const code = slackErrorCode(error);
      if (code === "method_not_supported_for_channel_type" || code === "channel_not_found") {
        throw new DeliveryError(
          `Momentum can't join this private Slack channel: invite it with /invite @Momentum (${code})`,
          false,
        );
      }
      throw toDeliveryError(error);
    }
    try {
      return await this.post(client, channel, message, context);
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  private async openDm(client: WebClient, teamId: string, userId: string): Promise<string> {
    let opened;
    try {
      opened = await client.conversations.open({ users: userId });
    } catch (error) {
      // Deleted in Slack since the last directory sync: no further message is tried for this account.
      if (DEACTIVATED.has(slackErrorCode(error) ?? ""))
        await markSlackAccountDeactivated(this.options.domain, { teamId, userId });
      throw error;
    }
    const channel = opened.channel?.id;
    if (!channel) throw new DeliveryError("Slack opened no conversation for this person", true);
    await rememberSlackDmChannel(this.options.domain, { teamId, userId, channel });
    return channel;
  }

  private async post(
    client: WebClient,
    channel: string,
    message: OutboundMessage,
    context?: SendContext,
  ): Promise<SendResult> {
    if (context?.mayAlreadyBeSent) {
      const earlier = await this.findPosted(client, channel, context.deliveryId);
      if (earlier) return earlier;
    }
    const rendered = renderOutboundMessage(message);
    const metadata = context
      ? { event_type: DELIVERY_EVENT_TYPE, event_payload: { delivery_id: context.deliveryId } }
      : undefined;
    const posted = await client.chat.postMessage({
      channel,
      text: rendered.text,
      blocks: rendered.blocks,
      unfurl_links: false,
      unfurl_media: false,
      metadata,
    });
    if (!posted.ts) throw new DeliveryError("Slack accepted the message but returned no timestamp", true);
    return { messageId: posted.ts };
  }

  /** The message an earlier attempt posted for this delivery, if it is among the channel's recent messages. */
  private async findPosted(client: WebClient, channel: string, deliveryId: string): Promise<SendResult | null> {
    const recent = await client.conversations.history({
      channel,
      limit: HISTORY_SEARCH_LIMIT,
      include_all_metadata: true,
    });
    const found = recent.messages?.find((item) => {
      const metadata = (item as { metadata?: { event_type?: string; event_payload?: { delivery_id?: unknown } } })
        .metadata;
      return metadata?.event_type === DELIVERY_EVENT_TYPE && metadata.event_payload?.delivery_id === deliveryId;
    });
    return found?.ts ? { messageId: found.ts } : null;
  }
}

const DELIVERY_EVENT_TYPE = "momentum_delivery";
const NOT_INSTALLED =
  "Momentum is not installed in this person's Slack workspace (uninstalled): reinstall it through /slack/install";
/** A retry follows within minutes (lease or backoff), so the message, if posted, is among the channel's latest. */
const HISTORY_SEARCH_LIMIT = 100;
