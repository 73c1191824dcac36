// Replies around announcements and roles, seen only by the person who acted: the confirmation after posting,
// `/announce status` with its "Send a reminder to N people" button, the reminder's result, the thanks for an
// acknowledgement, role changes, and the command's help.
import { unreachableNote } from "../../../domain/directory/reach.ts";
import type { ActionsBlock, KnownBlock } from "@slack/types";
import type { AcknowledgeResult } from "../../../domain/announcements/acknowledge-announcement.ts";
import type { AnnouncementStatus } from "../../../domain/announcements/announcement-status.ts";
import type { CreateAnnouncementResult } from "../../../domain/announcements/create-announcement.ts";
import type { FollowUpResult } from "../../../domain/announcements/follow-up-unacknowledged.ts";
import type { SetRoleResult } from "../../../domain/people/set-role.ts";
import { channelProblemsText, type ChannelProblem } from "./announce-modal.ts";
import { context, escapedText, escapeMrkdwn, joinNames, plain, section, type SlackMessage, truncate } from "./text.ts";

export const ANNOUNCEMENT_FOLLOW_UP_ACTION = "announcement_follow_up";
export const ANNOUNCE_CYCLE_ACTION = "announce_cycle";
/** Names listed in a status; the rest are counted. */
const NAMES_SHOWN = 40;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function channelList(targets: { platform: string; channel: string }[]): string {
  const slack = targets
    .filter((target) => target.platform === "slack")
    .map((target) => `<#${escapeMrkdwn(target.channel)}>`);
  const teams = targets.length - slack.length;
  return joinNames([...slack, ...(teams > 0 ? [plural(teams, "Teams channel", "Teams channels")] : [])]);
}

export function announcementQueuedMessage(result: CreateAnnouncementResult): SlackMessage {
  const ack = result.withAck ? " People can acknowledge it: `/announce status` shows who hasn't yet." : "";
  return {
    text: escapedText`Your announcement is on its way to ${result.targets.length} ${result.targets.length === 1 ? "channel" : "channels"}.`,
    blocks: [section(`:mega: Your announcement is on its way to ${channelList(result.targets)}.${ack}`)],
  };
}

/** When the channels could only be checked after the modal closed: the same warning, as a DM. */
export function announcementBlockedMessage(problems: ChannelProblem[]): SlackMessage {
  return {
    text: "Your announcement wasn't posted: Momentum can't post in one of the channels.",
    blocks: [section(`${channelProblemsText(problems)}\nType \`/announce\` to try again.`)],
  };
}

export function announcementStatusMessage(status: AnnouncementStatus, zone: string): SlackMessage {
  const { announcement } = status;
  const when = announcement.createdAt.toLocaleString("en-GB", {
    timeZone: zone,
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  });
  const blocks: KnownBlock[] = [
    section(
      `*Announcement by ${escapeMrkdwn(announcement.authorName)}*, ${escapeMrkdwn(when)}, in ${channelList(announcement.targets)}`,
    ),
    context(escapeMrkdwn(truncate(announcement.text, 280))),
  ];
  if (!announcement.withAck) {
    blocks.push(section("It didn't ask people to acknowledge it, so there's nothing to track."));
    return { text: escapedText`Announcement by ${announcement.authorName}: no acknowledgements asked`, blocks };
  }
  const acked = status.acknowledged.length;
  blocks.push(
    section(
      `:white_check_mark: *${acked} of ${status.audienceCount}* ${acked === 1 ? "has" : "have"} acknowledged it.`,
    ),
  );
  if (status.pending.length > 0)
    blocks.push(
      section(`*Not yet (${status.pending.length}):* ${namesLine(status.pending.map((person) => person.name))}`),
    );
  if (status.followUpCount > 0) blocks.push(followUpButton(announcement.id, status.followUpCount));
  else if (status.pending.length > 0)
    blocks.push(context("Everyone who hasn't acknowledged has already had their one reminder."));
  return { text: escapedText`${acked} of ${status.audienceCount} have acknowledged the announcement`, blocks };
}

function namesLine(names: string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).map(escapeMrkdwn);
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : joinNames(shown);
}

function followUpButton(announcementId: string, count: number): ActionsBlock {
  const people = plural(count, "person", "people");
  return {
    type: "actions",
    block_id: "announcement_status",
    elements: [
      {
        type: "button",
        action_id: ANNOUNCEMENT_FOLLOW_UP_ACTION,
        text: plain(`Send a reminder to ${people}`, 75),
        value: announcementId,
        confirm: {
          title: plain("Send reminders?", 100),
          text: plain(`Momentum will DM ${people} who haven't acknowledged, once, during their working hours.`, 300),
          confirm: plain("Send", 30),
          deny: plain("Cancel", 30),
        },
      },
    ],
  };
}

/** For a review-cycle launch confirmation: opens the announce modal filled with the cycle's announcement. */
export function announceCycleButton(cycleId: string): ActionsBlock {
  return {
    type: "actions",
    block_id: "announce_cycle",
    elements: [
      { type: "button", action_id: ANNOUNCE_CYCLE_ACTION, text: plain("Announce this cycle", 75), value: cycleId },
    ],
  };
}

export function followUpQueuedMessage(result: FollowUpResult): SlackMessage {
  const text =
    result.queued > 0
      ? `:bell: Reminder on its way to ${plural(result.reaching, "person", "people")}, during their working hours.${result.unreachable > 0 ? ` ${escapeMrkdwn(unreachableNote(result.unreachable))}` : ""}`
      : "No one new to remind: everyone who hasn't acknowledged has already had their one reminder.";
  return { text, blocks: [section(text)] };
}

export function acknowledgedMessage(result: AcknowledgeResult): SlackMessage {
  const text = result.recorded
    ? `Thanks! ${result.authorName} can see you've acknowledged it.`
    : `You've already acknowledged this one. Thanks!`;
  return { text, blocks: [section(`:white_check_mark: ${escapeMrkdwn(text)}`)] };
}

export function roleChangedMessage(result: SetRoleResult): SlackMessage {
  const text = result.changed
    ? `${result.name} is now ${article(result.to)} (was ${result.from}). The change is recorded in the audit log.`
    : `${result.name} is already ${article(result.to)}.`;
  return { text, blocks: [section(escapeMrkdwn(text))] };
}

function article(role: string): string {
  return role === "hr" ? "HR" : `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;
}

export const ANNOUNCE_HELP =
  "`/announce`: post an announcement to channels (HR)\n`/announce status`: who has acknowledged the latest one (or `/announce status <id>`)";

export function announceHelpMessage(problem?: string): SlackMessage {
  const shown = problem ? truncate(problem, 500) : undefined;
  return {
    text: escapeMrkdwn(shown ?? "How to use /announce"),
    blocks: [...(shown ? [section(escapeMrkdwn(shown))] : []), section(ANNOUNCE_HELP)],
  };
}

export function roleHelpMessage(problem: string): SlackMessage {
  const text = `${truncate(problem, 500)} Type it as \`/momentum role @person hr\` (roles: employee, manager, hr, admin).`;
  return { text, blocks: [section(text)] };
}
