// The Slack side of reach: users.list pages for a directory sync and users.lookupByEmail for one person, paced
// by each method's rate tier through the fleet-wide token buckets the outbox uses (RateBucket), so every instance
// together stays under Slack's per-workspace limits. A 429 puts the bucket into debt for Retry-After (all
// instances pause) and the call is tried again; a caller that may not wait that long (the outbox) is told so.
import type { DirectoryConnector, SlackMember, SlackMemberSource } from "../../domain/directory/directory-ports.ts";
import { DirectoryBusyError } from "../../domain/directory/directory-ports.ts";
import { linkSlackPersonByEmail, syncSlackDirectory } from "../../domain/directory/sync-slack-directory.ts";
import type { DomainContext } from "../../domain/context.ts";
import { webApi } from "@slack/bolt";
import { backoffMs } from "../../deliveries/backoff.ts";
import type { RateLimit, RateLimiter } from "../../deliveries/rate-limiter.ts";
import { slackErrorCode, type WebClient } from "./web-client.ts";
import type { SlackWorkspaceClients } from "./workspace-clients.ts";

/** Tier 2 (20+/min) and Tier 3 (50+/min), per workspace (platform-facts-2.md §2). */
export const SLACK_DIRECTORY_TIERS = {
  list: { key: "slack:users.list", perSecond: 20 / 60, burst: 1 },
  lookup: { key: "slack:users.lookupByEmail", perSecond: 50 / 60, burst: 1 },
} satisfies Record<string, RateLimit>;

const MAX_NETWORK_RETRIES = 3;

/** A sync waits as long as the tier asks (it runs in the background); the outbox lookup does not. */
const SYNC_MAX_WAIT_MS = 10 * 60 * 1000;

/** Slack recommends pages of no more than 200 users. */
export const USERS_LIST_PAGE = 200;

export interface SlackDirectoryOptions {
  client: WebClient;
  rateLimiter?: RateLimiter;
  sleep(ms: number): Promise<void>;
  tiers?: typeof SLACK_DIRECTORY_TIERS;
  pageSize?: number;
  /** How long a one-person lookup may wait for its slot or a Retry-After before answering "busy". */
  lookupMaxWaitMs?: number;
  /** Give up a sync after this many 429s in a row on one page. */
  maxRateLimitedRetries?: number;
  /** The workspace to list with a Grid org's token (users.list `team_id`). */
  teamId?: string;
}

interface SlackUser {
  id?: string;
  team_id?: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  is_app_user?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  tz?: string;
  profile?: { email?: string; real_name?: string; display_name?: string };
}

export function memberOf(user: SlackUser, fallbackTeamId: string): SlackMember {
  const profile = user.profile ?? {};
  const userId = user.id ?? "";
  return {
    teamId: user.team_id ?? fallbackTeamId,
    userId,
    email: profile.email ?? null,
    name: profile.real_name || user.real_name || profile.display_name || user.name || userId,
    timeZone: user.tz ?? null,
    isBot: Boolean(user.is_bot) || Boolean(user.is_app_user) || userId === "USLACKBOT",
    deleted: Boolean(user.deleted),
    isGuest: Boolean(user.is_restricted) || Boolean(user.is_ultra_restricted),
  };
}

function retryAfterMs(error: unknown): number | undefined {
  const coded = error as { code?: string; retryAfter?: number };
  return coded?.code === webApi.ErrorCode.RateLimitedError ? Math.max(1, coded.retryAfter ?? 1) * 1000 : undefined;
}

export function createSlackMemberSource(options: SlackDirectoryOptions): SlackMemberSource {
  const tiers = options.tiers ?? SLACK_DIRECTORY_TIERS;
  const maxRetries = options.maxRateLimitedRetries ?? 10;
  let teamId = options.teamId ?? "";

  /** Waits for the tier's next slot; false when that is further off than `maxWaitMs`. */
  async function pace(limit: RateLimit, maxWaitMs: number): Promise<number> {
    if (!options.rateLimiter) return 0;
    const grant = await options.rateLimiter.take(limit, maxWaitMs);
    if (!grant.granted) return grant.waitMs;
    if (grant.waitMs > 0) await options.sleep(grant.waitMs);
    return 0;
  }

  async function call<T>(limit: RateLimit, maxWaitMs: number, work: () => Promise<T>): Promise<T> {
    let networkRetries = 0;
    for (let attempt = 0; ; attempt++) {
      const wait = await pace(limit, maxWaitMs);
      if (wait > 0) throw new DirectoryBusyError(wait);
      try {
        return await work();
      } catch (error) {
        // A dropped connection (a kept-alive socket the server had just closed, a network blip) is tried again
        // a few times with backoff; anything Slack actually answered is not.
        if (
          (error as { code?: string })?.code === webApi.ErrorCode.RequestError &&
          networkRetries < MAX_NETWORK_RETRIES
        ) {
          networkRetries++;
          await options.sleep(backoffMs(networkRetries));
          continue;
        }
        const retryAfter = retryAfterMs(error);
        if (retryAfter === undefined) throw error;
        await options.rateLimiter?.penalise(limit, retryAfter);
        if (retryAfter > maxWaitMs || attempt >= maxRetries) throw new DirectoryBusyError(retryAfter);
        await options.sleep(retryAfter);
      }
    }
  }

  return {
    async *pages() {
      let cursor: string | undefined;
      do {
        const page = await call(tiers.list, SYNC_MAX_WAIT_MS, () =>
          options.client.users.list({
            limit: options.pageSize ?? USERS_LIST_PAGE,
            ...(options.teamId ? { team_id: options.teamId } : {}),
            ...(cursor ? { cursor } : {}),
          }),
        );
        const users = (page.members ?? []) as SlackUser[];
        teamId ||= users.find((user) => user.team_id)?.team_id ?? "";
        yield users.filter((user) => user.id).map((user) => memberOf(user, teamId));
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
    },
    async lookupByEmail(email) {
      try {
        const answer = await call(tiers.lookup, options.lookupMaxWaitMs ?? 5_000, () =>
          options.client.users.lookupByEmail({ email }),
        );
        return answer.user ? memberOf(answer.user as SlackUser, teamId) : null;
      } catch (error) {
        const code = slackErrorCode(error);
        if (code === "users_not_found" || code === "user_not_found") return null;
        throw error;
      }
    },
  };
}

/**
 * Several workspaces (OAuth installs) as one directory: a sync reads every workspace's members, and a one-person
 * look-up asks each workspace in turn. People are matched on email, so someone in two workspaces of an org is one
 * person with two Slack accounts.
 */
export function createWorkspacesMemberSource(
  clients: SlackWorkspaceClients,
  options: Omit<SlackDirectoryOptions, "client" | "teamId">,
): SlackMemberSource {
  const sources = async () =>
    (await clients.all()).map((workspace) =>
      createSlackMemberSource({ ...options, client: workspace.client, teamId: workspace.teamId }),
    );
  return {
    async *pages() {
      for (const source of await sources()) yield* source.pages();
    },
    async lookupByEmail(email) {
      for (const source of await sources()) {
        const member = await source.lookupByEmail(email);
        if (member) return member;
      }
      return null;
    },
  };
}

/** The Slack directory as the composition root wires it (daily job, CLI, outbox). */
export function createSlackDirectoryConnector(domain: DomainContext, source: SlackMemberSource): DirectoryConnector {
  return {
    platform: "slack",
    sync: () => syncSlackDirectory(domain, source),
    linkPerson: (personId) => linkSlackPersonByEmail(domain, source, personId),
  };
}
