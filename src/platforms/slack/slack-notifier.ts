// Sends outbox messages to Slack: DMs through a cached conversation id, channel posts with one join attempt.
import type { PrismaClient } from "../../db/database.ts";
import type { OutboundMessage } from "../../domain/notifications/messages.ts";
import { DeliveryError, type ChatNotifier, type Recipient, type SendResult } from "../../domain/notifications/notifier.ts";
import { toDeliveryError } from "./delivery-errors.ts";
import { renderOutboundMessage } from "./views/render-message.ts";
import { slackErrorCode, type WebClient } from "./web-client.ts";

export interface SlackNotifierOptions {
  client: WebClient;
  prisma: PrismaClient;
}

export class SlackNotifier implements ChatNotifier {
  readonly platform = "slack" as const;

  constructor(private readonly options: SlackNotifierOptions) {}

  async sendToPerson(recipient: Recipient, message: OutboundMessage): Promise<SendResult> {
    if (recipient.platform !== "slack") throw new DeliveryError("not a Slack recipient", false);
    try {
      const cached = recipient.dmChannel;
      const channel = cached ?? (await this.openDm(recipient.teamId, recipient.userId));
      try {
        return await this.post(channel, message);
      } catch (error) {
        // A cached DM id can go stale (workspace migration): forget it and open the conversation again, once.
        if (!cached || slackErrorCode(error) !== "channel_not_found") throw error;
        return await this.post(await this.openDm(recipient.teamId, recipient.userId), message);
      }
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  async sendToChannel(channel: string, message: OutboundMessage): Promise<SendResult> {
    try {
      return await this.post(channel, message);
    } catch (error) {
      if (slackErrorCode(error) !== "not_in_channel") throw toDeliveryError(error);
    }
    try {
      await this.options.client.conversations.join({ channel });
    } catch (error) {
      const code = slackErrorCode(error);
      if (code === "method_not_supported_for_channel_type" || code === "channel_not_found") {
        throw new DeliveryError(`Momentum can't join this private Slack channel: invite it with /invite @Momentum (${code})`, false);
      }
      throw toDeliveryError(error);
    }
    try {
      return await this.post(channel, message);
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  private async openDm(teamId: string, userId: string): Promise<string> {
    const opened = await this.options.client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw new DeliveryError("Slack opened no conversation for this person", true);
    await this.options.prisma.slackIdentity.updateMany({ where: { teamId, userId }, data: { dmChannel: channel } });
    return channel;
  }

  private async post(channel: string, message: OutboundMessage): Promise<SendResult> {
    const rendered = renderOutboundMessage(message);
    const posted = await this.options.client.chat.postMessage({ channel, text: rendered.text, blocks: rendered.blocks, unfurl_links: false, unfurl_media: false });
    if (!posted.ts) throw new DeliveryError("Slack accepted the message but returned no timestamp", true);
    return { messageId: posted.ts };
  }
}
