import { adaptiveCard, heading, paragraph, plain, type AdaptiveCard } from "./card.ts";

/** Operational notices: short plain text, never anyone's private words. */
export function noticeCard(view: { title: string; text: string }): AdaptiveCard {
  return adaptiveCard([heading(plain(view.title)), paragraph(plain(view.text))]);
}
