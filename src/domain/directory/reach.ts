// Why Momentum cannot message someone on a platform. The codes are stored (Reachability.reason); the texts are
// what HR reads in `people reach`, in the launch/follow-up replies and on the admin's home.
import type { PlatformName } from "../notifications/notifier.ts";

export const REACH_REASONS = {
  no_email: "no email address in Momentum",
  slack_not_in_workspace: "not in the Slack workspace",
  slack_deactivated: "Slack account deactivated",
  slack_guest: "a Slack guest account (guests are not messaged)",
  slack_not_checked: "not looked up in Slack yet",
  slack_not_installed: "Momentum was uninstalled from their Slack workspace (reinstall it through /slack/install)",
  teams_no_shared_team: "no team shared with Momentum on Teams",
  teams_chat_refused: "in a team with Momentum, but Teams refused to open a personal chat",
  teams_not_checked: "no Teams roster read yet",
} as const;

export type ReachReason = keyof typeof REACH_REASONS;

export interface ReachFinding {
  personId: string;
  platform: PlatformName;
  reachable: boolean;
  reason: ReachReason | null;
}

/** An email Momentum can match on: erased people keep a placeholder on the reserved `.invalid` domain. */
export function hasUsableEmail(email: string): boolean {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) && !email.endsWith(".invalid");
}

export const REACH_LIST_HINT = "`npm run momentum -- people reach` lists who and why";

/**
 * What a launch or a reminder may promise: "everyone" only when everyone concerned can be messaged. Plain text
 * (each platform escapes it for its own markup).
 */
export function deliveryPromise(options: { total: number; unreachable: number; what: string }): string {
  const { total, unreachable, what } = options;
  if (unreachable <= 0) return `Everyone ${what} gets a message now (during their working hours).`;
  const reached = Math.max(0, total - unreachable);
  return `${reached} of the ${total} ${what} get a message now (during their working hours); ${unreachable} can't be reached yet on Slack or Teams (${REACH_LIST_HINT}).`;
}

/** "2 people who haven't acknowledged can't be reached …": for an announcement follow-up's reply. */
export function unreachableNote(unreachable: number): string {
  const who = unreachable === 1 ? "person who hasn't acknowledged" : "people who haven't acknowledged";
  return `${unreachable} ${who} can't be reached on Slack or Teams yet and won't get it (${REACH_LIST_HINT}).`;
}

/** The admin's home: "3 of 120 active people can't be reached on Slack or Teams yet …". */
export function reachLine(reach: { unreachable: number; active: number }): string {
  return `${reach.unreachable} of ${reach.active} active people can't be reached on Slack or Teams yet, so they get no prompts, reminders or reviews (${REACH_LIST_HINT}).`;
}
