// Shared shape of the Adaptive Cards Momentum sends. Version 1.5 is what Teams renders on desktop, web and mobile.
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: "Full" };
}

export interface CardAttachment {
  contentType: "application/vnd.microsoft.card.adaptive";
  content: AdaptiveCard;
}

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  const card: AdaptiveCard = {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
  };
  if (actions.length > 0) card.actions = actions;
  return card;
}

export function asAttachment(card: AdaptiveCard): CardAttachment {
  return { contentType: "application/vnd.microsoft.card.adaptive", content: card };
}

export const heading = (text: string): CardElement => ({
  type: "TextBlock",
  text,
  weight: "Bolder",
  size: "Medium",
  wrap: true,
});
export const paragraph = (text: string, extra: CardElement = {}): CardElement => ({
  type: "TextBlock",
  text,
  wrap: true,
  ...extra,
});
export const subtle = (text: string): CardElement => ({
  type: "TextBlock",
  text,
  wrap: true,
  isSubtle: true,
  size: "Small",
});

/** Card text is rendered as a Markdown subset: people's words must not turn into links or formatting by accident. */
export function plain(text: string): string {
  return text.replace(/([\\*_`[\]<>#~|])/g, "\\$1");
}

/** "Alice", "Alice and Bob", "Alice, Bob and Carol". */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
