// Kudos as people see them: the DM to a recipient and the public post in a channel.
import { adaptiveCard, heading, listNames, paragraph, plain, subtle, type AdaptiveCard } from "./card.ts";

export interface KudosReceivedView {
  giverName: string;
  message: string;
  value: string | null;
  visibility: "public" | "private";
}

export function kudosReceivedCard(view: KudosReceivedView): AdaptiveCard {
  return adaptiveCard([
    heading(`🎉 ${plain(view.giverName)} gave you kudos`),
    paragraph(plain(view.message)),
    ...(view.value ? [subtle(`Company value: ${plain(`#${view.value}`)}`)] : []),
    subtle(
      view.visibility === "private"
        ? "Only you can see this kudos."
        : "This kudos is public and counts on the leaderboard.",
    ),
  ]);
}

export interface KudosAnnouncedView {
  giverName: string;
  recipientNames: string[];
  message: string;
  value: string | null;
}

export function kudosAnnouncedCard(view: KudosAnnouncedView): AdaptiveCard {
  return adaptiveCard([
    heading(`👏 ${plain(view.giverName)} gave kudos to ${plain(listNames(view.recipientNames))}`),
    paragraph(plain(view.message)),
    ...(view.value ? [subtle(`Company value: ${plain(`#${view.value}`)}`)] : []),
  ]);
}
