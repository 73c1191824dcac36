// `checkin history`: the person's own last check-ins, newest first. Only ever sent to that person.
import type { CheckInHistoryItem } from "../../../domain/check-ins/list-check-in-history.ts";
import { adaptiveCard, heading, paragraph, plain, subtle, type AdaptiveCard, type CardElement } from "./card.ts";
import { openCheckInFormAction } from "./checkin-cards.ts";

const MOOD_FACES = ["😣", "😕", "😐", "🙂", "😄"];

export function checkInHistoryCard(view: { items: CheckInHistoryItem[] }): AdaptiveCard {
  if (view.items.length === 0) {
    return adaptiveCard(
      [heading("Your check-ins"), paragraph("You haven't checked in yet. Your answers will show up here.")],
      [openCheckInFormAction()],
    );
  }
  const body: CardElement[] = [
    heading(`Your last ${view.items.length === 1 ? "check-in" : `${view.items.length} check-ins`}`),
  ];
  for (const item of view.items) {
    body.push({
      type: "Container",
      separator: true,
      spacing: "Medium",
      items: [
        {
          type: "TextBlock",
          text: `${item.periodLabel} · mood ${item.mood}/5 ${MOOD_FACES[item.mood - 1] ?? ""}`.trim(),
          weight: "Bolder",
          wrap: true,
        },
        {
          type: "FactSet",
          facts: [
            { title: "Progress", value: plain(item.progress) },
            { title: "Plans", value: plain(item.plans) },
            ...(item.blockers ? [{ title: "Blockers", value: plain(item.blockers) }] : []),
            ...(item.forManager ? [{ title: "For your manager", value: plain(item.forManager) }] : []),
          ],
        },
      ],
    });
  }
  body.push(subtle("Only you see this list. Your manager sees your check-ins in their team summary."));
  return adaptiveCard(body);
}
