// Proactive sends for the outbox: a person through their stored personal reference, a channel through its
// TeamsChannel row. continueConversationAsync routes errors in its callback to onTurnError, which would swallow
// them, so the callback captures the outcome itself and every send is checked before it counts as delivered.
import { CardFactory, type CloudAdapter, type ConversationReference } from "botbuilder";
import type { DataContext } from "../../domain/context.ts";
import { teamsChannelReference } from "../../domain/directory/teams-channels.ts";
import type { OutboundMessage } from "../../domain/notifications/messages.ts";
import {
  DeliveryError,
  type ChatNotifier,
  type Recipient,
  type SendResult,
} from "../../domain/notifications/notifier.ts";
import { cardForMessage, summaryForMessage } from "./cards/outbound-card.ts";
import { deliveryErrorFor } from "./delivery-errors.ts";

export class TeamsNotifier implements ChatNotifier {
  readonly platform = "teams" as const;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    /** Where channel references are stored; its clock dates a throttling answer's retry time. */
    private readonly domain: DataContext,
  ) {}

  async sendToPerson(recipient: Recipient, message: OutboundMessage): Promise<SendResult> {
    if (recipient.platform !== "teams") throw new DeliveryError("not a Teams recipient", false);
    if (!recipient.conversationReference)
      throw new DeliveryError("the app isn't installed for this person (no conversation reference yet)", false);
    return this.send(recipient.conversationReference as Partial<ConversationReference>, message);
  }

  async sendToChannel(conversationId: string, message: OutboundMessage): Promise<SendResult> {
    const reference = await teamsChannelReference(this.domain, conversationId);
    if (!reference) throw new DeliveryError("Momentum hasn't been added to that Teams channel", false);
    return this.send(reference as Partial<ConversationReference>, message);
  }

  private async send(reference: Partial<ConversationReference>, message: OutboundMessage): Promise<SendResult> {
    let activityId: string | undefined;
    let failure: unknown;
    let ran = false;
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        ran = true;
        try {
          const response = await context.sendActivity({
            summary: summaryForMessage(message),
            attachments: [CardFactory.adaptiveCard(cardForMessage(message))],
          });
          activityId = response?.id;
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure ??= error;
    }
    if (failure) throw deliveryErrorFor(failure, this.domain.clock.now());
    if (!ran) throw new DeliveryError("the Teams send never ran", true);
    if (!activityId) throw new DeliveryError("the Bot Connector did not confirm the message (no activity id)", true);
    return { messageId: activityId };
  }
}
