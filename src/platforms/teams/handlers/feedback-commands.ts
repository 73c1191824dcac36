// `feedback @Bob …` (a preview with send buttons), `feedback request [for @Report] @A @B about …`, `feedback list`
// and `feedback` / `feedback help`. Everything is answered in the actor's personal chat; in a channel the channel
// only hears that the answer went there, never any feedback text.
import { CardFactory, type ChannelAccount, type TurnContext } from "botbuilder";
import { listFeedbackForMe } from "../../../domain/feedback/list-feedback-for-me.ts";
import { requestFeedback } from "../../../domain/feedback/request-feedback.ts";
import { saveFeedbackDraft } from "../../../domain/feedback/save-feedback-draft.ts";
import { validationError } from "../../../shared/errors.ts";
import { activityKey, isPersonalChat } from "../activity.ts";
import { listNames } from "../cards/card.ts";
import { feedbackHelpCard, feedbackListCard, feedbackPreviewCard } from "../cards/feedback-cards.ts";
import { identifyActor, identifyMember } from "../identity.ts";
import { OPEN_A_CHAT_FOR_FEEDBACK, personalRoute, sendThroughRoute } from "./feedback-private.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { oncePerActivity } from "./once-per-activity.ts";

export type FeedbackTextCommand = "feedback-help" | "feedback-list" | "feedback-request" | "feedback-give";

export function feedbackCommandFor(rest: string, mentionCount: number): FeedbackTextCommand {
  const first = rest.split(" ")[0]?.toLowerCase() ?? "";
  if (first === "list" && rest.trim().toLowerCase() === "list") return "feedback-list";
  if (first === "request") return "feedback-request";
  if (mentionCount === 0) return "feedback-help";
  return "feedback-give";
}

const NOTE_IN_CHANNEL =
  "Feedback is private, so I've answered in our personal chat. Tip: type feedback there, so nobody else reads it.";

export async function handleFeedbackText(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  command: FeedbackTextCommand,
  rest: string,
  mentions: ChannelAccount[],
): Promise<void> {
  if (command === "feedback-help") {
    const problem =
      rest.trim() === "" || rest.trim().toLowerCase() === "help"
        ? undefined
        : "Start with the person the feedback is for, for example: feedback @Bob great work on the launch";
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(feedbackHelpCard(problem))] });
    return;
  }
  // Decide where the answer goes before anything is stored: without a personal chat, nothing happens at all.
  const route = await personalRoute(deps, context);
  if (!route) {
    await context.sendActivity(OPEN_A_CHAT_FOR_FEEDBACK);
    return;
  }
  const answer = await answerFor(deps, context, command, rest, mentions);
  // Teams delivered this message again and the first delivery already answered it.
  if (answer === null) return;
  await sendThroughRoute(deps, context, route, answer);
  if (!isPersonalChat(context.activity)) await context.sendActivity(NOTE_IN_CHANNEL);
}

async function answerFor(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  command: Exclude<FeedbackTextCommand, "feedback-help">,
  rest: string,
  mentions: ChannelAccount[],
) {
  const ctx = deps.domain;
  const me = await identifyActor(ctx, context);
  switch (command) {
    case "feedback-list": {
      const items = await listFeedbackForMe(ctx, { personId: me.id });
      return { attachments: [CardFactory.adaptiveCard(feedbackListCard({ items, timeZone: me.timeZone }))] };
    }
    case "feedback-give": {
      const recipient = await identifyMember(ctx, context, mentions[0]);
      const text = feedbackTextOf(context, mentions[0]);
      const saved = await oncePerActivity(deps, context, (domain) =>
        saveFeedbackDraft(domain, { giverId: me.id, recipientId: recipient.id, text }),
      );
      if (!saved.done) return null;
      const draft = saved.result;
      return {
        attachments: [
          CardFactory.adaptiveCard(feedbackPreviewCard({ draftId: draft.draftId, text, preview: draft.preview })),
        ],
      };
    }
    case "feedback-request": {
      const parsed = parseRequest(rest, mentions);
      if (parsed.forSomeoneElse && mentions.length < 2)
        throw validationError(
          "Mention the person first, then the people to ask: feedback request for @Report @Alice about the launch",
        );
      const people = [];
      for (const mention of parsed.mentions) people.push(await identifyMember(ctx, context, mention));
      const subject = parsed.forSomeoneElse ? people.shift() : me;
      const result = await requestFeedback(ctx, {
        requesterId: me.id,
        subjectId: subject?.id ?? "",
        askedIds: people.map((person) => person.id),
        topic: parsed.topic,
        requestKey: activityKey(context.activity),
      });
      if (result.duplicate) return null;
      deps.kickDeliveries();
      const lines = [
        `✅ Asked ${listNames(result.askedNames)} for feedback on ${result.subjectName}. 🔒 Answers go to ${listNames(result.readerNames)} only.`,
      ];
      if (result.unreachableNames.length > 0)
        lines.push(
          `I can't message ${listNames(result.unreachableNames)} yet: they'll see the request once they install Momentum.`,
        );
      return lines.join(" ");
    }
  }
}

/** `request [for] @A @B [and] about the launch`: the mention tags are already gone from `rest`. */
function parseRequest(
  rest: string,
  mentions: ChannelAccount[],
): { forSomeoneElse: boolean; mentions: ChannelAccount[]; topic: string } {
  let words = rest.replace(/^request\b/i, "").trim();
  const forSomeoneElse = /^for\b/i.test(words);
  if (forSomeoneElse) words = words.replace(/^for\b/i, "").trim();
  const topic = words
    .replace(/^((and|,)\s*)+/i, "")
    .replace(/^about\b/i, "")
    .trim();
  return { forSomeoneElse, mentions, topic };
}

/**
 * The feedback as typed, from the raw message: the bot's and the recipient's mention tags go, other people's
 * mentions stay as "@Name", and the leading "feedback" word is dropped.
 */
function feedbackTextOf(context: TurnContext, recipient: ChannelAccount): string {
  const botId = context.activity.recipient?.id;
  let text = context.activity.text ?? "";
  let recipientRemoved = false;
  for (const entity of context.activity.entities ?? []) {
    if (entity.type !== "mention" || typeof entity.text !== "string") continue;
    const mentioned = entity.mentioned as ChannelAccount | undefined;
    if (mentioned?.id === botId || (!recipientRemoved && mentioned?.id === recipient.id)) {
      recipientRemoved ||= mentioned?.id === recipient.id;
      text = text.replace(entity.text, " ");
    }
  }
  return text
    .replace(/<at>([^<]*)<\/at>/g, "@$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/[ \t]+/g, " ")
    .trim()
    .replace(/^\/?feedback\b\s*/i, "");
}
