// Why Momentum cannot message someone on a platform. The codes are stored (Reachability.reason); the texts are
// what HR reads in `people reach`, in the launch/follow-up replies and on the admin's home.
import type { PlatformName } from "../notifications/notifier.ts";

export const REACH_REASONS = {
  no_email: "no email address in Momentum",
  slack_not_in_workspace: "not in the Slack workspace",
  slack_deactivated: "Slack account deactivated",
  slack_guest: "a Slack guest account (guests are not messaged)",
  slack_not_checked: "not looked up in Slack yet",
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
