// What the giver is told after a kudos: who it was recorded for, and how to fix anyone Momentum can't reach yet.
import type { GiveKudosResult } from "../../../domain/kudos/give-kudos.ts";
import { listNames } from "../cards/card.ts";

export function kudosResultText(result: GiveKudosResult, value: string | null | undefined): string {
  const names = listNames(result.kudos.map((kudos) => kudos.recipientName));
  if (result.duplicate) return `That kudos for ${names} was already recorded.`;
  const lines = [`Kudos recorded for ${names}${value ? ` (#${value})` : ""}. 🎉`];
  if (result.announcedIn) lines.push("I'll post it in the channel.");
  const reachable = result.kudos.filter(
    (kudos) => !result.unreachable.some((person) => person.personId === kudos.recipientId),
  );
  if (reachable.length > 0)
    lines.push(`${listNames(reachable.map((kudos) => kudos.recipientName))} will get a message from me.`);
  if (result.unreachable.length > 0) {
    const who = listNames(result.unreachable.map((person) => person.name));
    lines.push(
      `I can't message ${who} yet because Momentum isn't installed for them. Ask them to install Momentum in Teams (Apps → search "Momentum" → Add) or to open a chat with it, and they'll be notified from then on. Your kudos is saved either way.`,
    );
  }
  return lines.join(" ");
}
