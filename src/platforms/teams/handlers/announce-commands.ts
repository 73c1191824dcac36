// `announce` (HR: a button that opens the announcement dialog), `announce status [id]` (who has acknowledged, with
// the reminder button), and the two card actions: "Acknowledge" on a post or follow-up, "Send a reminder to N
// people" on the status. Everything answers the person who acted, privately.
import { unreachableNote } from "../../../domain/directory/reach.ts";
import { CardFactory, type TurnContext } from "botbuilder";
import { z } from "zod";
import { acknowledgeAnnouncement } from "../../../domain/announcements/acknowledge-announcement.ts";
import { announcementStatus } from "../../../domain/announcements/announcement-status.ts";
import { followUpUnacknowledged } from "../../../domain/announcements/follow-up-unacknowledged.ts";
import { teamsChannelNames } from "../../../domain/directory/teams-channels.ts";
import { requireRole } from "../../../domain/people/person.ts";
import { validationError } from "../../../shared/errors.ts";
import { ANNOUNCE_ACK_ACTION, announceStartCard, announcementStatusCard } from "../cards/announce-cards.ts";
import { identifyActor } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { oncePerActivity } from "./once-per-activity.ts";
import { replyPrivately } from "./tell-actor.ts";

const OPEN_A_CHAT =
  "I answer that in our personal chat: open a chat with Momentum (Apps → Momentum) and type it there.";
const CardAction = z.object({ action: z.string(), announcementId: z.string().min(1).max(200) });

/** `rest` is what follows "announce": empty (the form), `status`, `status <id>`. */
export async function handleAnnounceText(deps: TeamsHandlerDeps, context: TurnContext, rest: string): Promise<void> {
  const [verb = "", id, ...extra] = rest.split(/\s+/).filter(Boolean);
  const person = await identifyActor(deps.domain, context);
  if (verb === "") {
    requireRole(person, "hr", "send announcements");
    await replyPrivately(deps, context, { attachments: [CardFactory.adaptiveCard(announceStartCard())] }, OPEN_A_CHAT);
    return;
  }
  if (verb.toLowerCase() !== "status" || extra.length > 0)
    throw validationError(
      'Type "announce" to write an announcement, or "announce status" to see who has acknowledged the latest one.',
    );
  const status = await announcementStatus(deps.domain, { actorId: person.id, announcementId: id ?? null });
  const channelIds = status.announcement.targets
    .filter((target) => target.platform === "teams")
    .map((target) => target.channel);
  const names = await teamsChannelNames(deps.domain, channelIds);
  const shown = status.announcement.targets.map((target) =>
    target.platform === "teams" ? (names.get(target.channel) ?? "a Teams channel") : `#${target.channel} (Slack)`,
  );
  await replyPrivately(
    deps,
    context,
    { attachments: [CardFactory.adaptiveCard(announcementStatusCard(status, shown))] },
    OPEN_A_CHAT,
  );
}

export async function handleAnnounceCardAction(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const parsed = CardAction.safeParse(context.activity.value);
  if (!parsed.success) throw validationError("Teams sent a click Momentum couldn't read. Please try again.");
  const person = await identifyActor(deps.domain, context);
  if (parsed.data.action === ANNOUNCE_ACK_ACTION) {
    const outcome = await oncePerActivity(deps, context, (domain) =>
      acknowledgeAnnouncement(domain, { announcementId: parsed.data.announcementId, personId: person.id }),
    );
    if (!outcome.done) return;
    const result = outcome.result;
    const text = result.recorded
      ? `✅ Thanks! ${result.authorName} can see you've acknowledged it.`
      : "✅ You've already acknowledged this one. Thanks!";
    await replyPrivately(deps, context, text, text);
    return;
  }
  const outcome = await oncePerActivity(deps, context, (domain) =>
    followUpUnacknowledged(domain, { actorId: person.id, announcementId: parsed.data.announcementId }),
  );
  if (!outcome.done) return;
  const result = outcome.result;
  if (result.queued > 0) deps.kickDeliveries();
  const text =
    result.queued > 0
      ? `🔔 Reminder on its way to ${result.reaching} ${result.reaching === 1 ? "person" : "people"}, during their working hours.${result.unreachable > 0 ? ` ${unreachableNote(result.unreachable)}` : ""}`
      : "No one new to remind: everyone who hasn't acknowledged has already had their one reminder.";
  await replyPrivately(deps, context, text, "Done.");
}
