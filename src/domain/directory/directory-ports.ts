// What the domain needs from each platform's directory, implemented in src/platforms/*/directory.ts. The domain
// never asks for a person by name: only by email (Slack) or by the ids a roster carries (Teams).

/** One Slack user, as users.list / users.lookupByEmail describe them. */
export interface SlackMember {
  teamId: string;
  userId: string;
  email: string | null;
  name: string;
  /** The IANA zone of the Slack profile (`tz`). */
  timeZone: string | null;
  isBot: boolean;
  deleted: boolean;
  /** Multi- or single-channel guest (`is_restricted` / `is_ultra_restricted`). */
  isGuest: boolean;
}

export interface SlackMemberSource {
  /** Every user of the workspace, page by page (users.list), honouring the method's rate tier and Retry-After. */
  pages(): AsyncIterable<SlackMember[]>;
  /** One user by email (users.lookupByEmail); null when Slack has nobody with it. May throw DirectoryBusyError. */
  lookupByEmail(email: string): Promise<SlackMember | null>;
}

/** The platform asked us to wait longer than the caller may: try again after `waitMs`. */
export class DirectoryBusyError extends Error {
  constructor(readonly waitMs: number) {
    super(`directory rate limited: retry in ${waitMs} ms`);
    this.name = "DirectoryBusyError";
  }
}

export type LinkOutcome =
  { outcome: "linked" } | { outcome: "unreachable"; reason: string } | { outcome: "busy"; waitMs: number };

export interface DirectorySyncSummary {
  platform: "slack" | "teams";
  /** Directory entries read (Slack users, Teams roster members). */
  members: number;
  /** People linked by this run (they had no identity before). */
  linked: number;
  /** Active people Momentum can reach on the platform after the run. */
  reachable: number;
  /** Active people it cannot, by reason code. */
  unreachable: Record<string, number>;
}

/** A platform's directory as the composition root wires it: the daily job, the CLI and the outbox use it. */
export interface DirectoryConnector {
  platform: "slack" | "teams";
  /** Reads the whole directory and links everyone it can. */
  sync(): Promise<DirectorySyncSummary>;
  /** Tries to link one person right now (before a delivery fails for want of an identity). */
  linkPerson?(personId: string): Promise<LinkOutcome>;
}
