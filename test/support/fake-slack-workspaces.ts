// Several workspaces (and a Grid org) behind one fake Slack Web API: `oauth.v2.access` trades a code for a bot token
// of one workspace or org, and every later call is checked against the workspace its token belongs to. A user or
// DM channel of another workspace is invisible to it (`user_not_found` / `channel_not_found`, as Slack answers), and
// such a crossing is recorded so a test can assert it never happened.
export interface FakeInstallTarget {
  teamId?: string;
  enterpriseId?: string;
}

export interface FakeWorkspaces {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The team → org map: a workspace listed here belongs to that Grid org. */
  orgOf: Map<string, string>;
  /** An authorization code Slack's consent page would hand back for installing into this workspace or org. */
  codeFor(target: FakeInstallTarget): string;
  /** The workspace or org a token was issued for (undefined: not issued by oauth.v2.access). */
  tokenOwner(token: string | null): FakeInstallTarget | undefined;
  issuedTokens(): string[];
  revoke(target: FakeInstallTarget): void;
  /** Calls whose token belonged to another workspace than the user or channel they addressed. */
  crossings: { method: string; token: string | null }[];
  /** Whether a token may see a user or channel of `teamId`. */
  sees(token: string | null, teamId: string): boolean;
  /** oauth.v2.access and auth.test, answered from the issued tokens; other methods return undefined. */
  answer(method: string, args: Record<string, unknown>, token: string | null): Record<string, unknown> | undefined;
  /** Refuses a token that was revoked or never issued. */
  tokenError(token: string | null): string | undefined;
}

export function createFakeWorkspaces(options: { orgs?: Record<string, string[]> } = {}): FakeWorkspaces {
  const orgOf = new Map<string, string>();
  for (const [enterpriseId, teamIds] of Object.entries(options.orgs ?? {}))
    for (const teamId of teamIds) orgOf.set(teamId, enterpriseId);
  const codes = new Map<string, FakeInstallTarget>();
  const tokens = new Map<string, FakeInstallTarget & { revoked?: boolean }>();
  let counter = 0;

  const workspaces: FakeWorkspaces = {
    clientId: "1111.2222",
    clientSecret: "fake-client-secret-9b7e",
    orgOf,
    crossings: [],
    codeFor(target) {
      const code = `code-${++counter}-${target.enterpriseId ?? target.teamId}`;
      codes.set(code, target);
      return code;
    },
    tokenOwner: (token) => (token ? tokens.get(token) : undefined),
    issuedTokens: () => [...tokens.keys()],
    revoke(target) {
      for (const owner of tokens.values())
        if (owner.teamId === target.teamId && owner.enterpriseId === target.enterpriseId) owner.revoked = true;
    },
    sees(token, teamId) {
      const owner = token ? tokens.get(token) : undefined;
      if (!owner) return true;
      return owner.enterpriseId ? orgOf.get(teamId) === owner.enterpriseId : owner.teamId === teamId;
    },
    tokenError(token) {
      const owner = token ? tokens.get(token) : undefined;
      if (!owner) return "invalid_auth";
      return owner.revoked ? "token_revoked" : undefined;
    },
    answer(method, args, token) {
      if (method === "oauth.v2.access") {
        if (args.client_id !== workspaces.clientId || args.client_secret !== workspaces.clientSecret)
          return { ok: false, error: "invalid_client_id" };
        const target = codes.get(String(args.code));
        if (!target) return { ok: false, error: "invalid_code" };
        codes.delete(String(args.code));
        const id = target.enterpriseId ?? target.teamId!;
        const accessToken = `xoxb-${id}-${++counter}-secretpart`;
        tokens.set(accessToken, target);
        const orgWide = Boolean(target.enterpriseId);
        const enterpriseId = target.enterpriseId ?? (target.teamId ? orgOf.get(target.teamId) : undefined);
        return {
          ok: true,
          access_token: accessToken,
          token_type: "bot",
          scope: "commands,chat:write,im:write,users:read,users:read.email",
          bot_user_id: `UBOT${id}`,
          app_id: "AMOMENTUM",
          team: orgWide ? null : { id: target.teamId, name: `Workspace ${target.teamId}` },
          enterprise: enterpriseId ? { id: enterpriseId, name: `Org ${enterpriseId}` } : null,
          is_enterprise_install: orgWide,
          authed_user: { id: `UADMIN${id}`, scope: "", token_type: "user" },
        };
      }
      const owner = token ? tokens.get(token) : undefined;
      if (method === "auth.test" && owner) {
        const id = owner.enterpriseId ?? owner.teamId!;
        return {
          ok: true,
          user_id: `UBOT${id}`,
          bot_id: `B${id}`,
          team_id: owner.teamId ?? id,
          ...(owner.enterpriseId ? { enterprise_id: owner.enterpriseId, is_enterprise_install: true } : {}),
          url: `https://${id.toLowerCase()}.slack.com/`,
        };
      }
      return undefined;
    },
  };
  return workspaces;
}
