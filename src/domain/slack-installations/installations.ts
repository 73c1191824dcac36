// The Slack installation store (OAuth installs): save, find and delete workspace and Grid-org installations. Only
// this module reads or writes the SlackInstallation/SlackWorkspace tables; tokens are encrypted before they are
// written and decrypted only on the way out.
import type { DataContext } from "../context.ts";
import { recordReachability } from "../directory/record-reachability.ts";
import { decryptToken, encryptToken } from "./token-cipher.ts";

export interface SlackInstallationRecord {
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  appId: string | null;
  botToken: string;
  botUserId: string;
  botId: string;
  scopes: string[];
  installerUserId: string | null;
}

/** An installation with the workspaces it serves: its own, or (org-wide) those of its org seen so far. */
export type SlackInstallationWithWorkspaces = SlackInstallationRecord & { workspaceTeamIds: string[] };

/** What Slack says a request (or a stored identity) comes from. */
export interface SlackInstallationQuery {
  teamId?: string | null;
  enterpriseId?: string | null;
  isEnterpriseInstall?: boolean;
}

type Ctx = Pick<DataContext, "prisma" | "clock">;

/** An org-wide Grid install is keyed by its org; any other install by its workspace. */
export function installationKey(query: SlackInstallationQuery): string | null {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  return query.teamId ? `team:${query.teamId}` : null;
}

/** Saves (or replaces, on a reinstall) an installation, its bot token encrypted with `tokenKey`. */
export async function saveSlackInstallation(
  ctx: Ctx,
  tokenKey: Buffer,
  record: SlackInstallationRecord,
): Promise<void> {
  const key = installationKey(record);
  if (!key) throw new Error("a Slack installation needs a team or an enterprise id");
  const now = ctx.clock.now();
  const fields = {
    teamId: record.isEnterpriseInstall ? null : record.teamId,
    enterpriseId: record.enterpriseId,
    isEnterpriseInstall: record.isEnterpriseInstall,
    appId: record.appId,
    botTokenEncrypted: encryptToken(tokenKey, record.botToken),
    botUserId: record.botUserId,
    botId: record.botId,
    scopes: record.scopes.join(","),
    installerUserId: record.installerUserId,
    updatedAt: now,
  };
  await ctx.prisma.slackInstallation.upsert({
    where: { key },
    create: { key, ...fields, createdAt: now },
    update: fields,
  });
}

/**
 * The installation serving a request or a workspace: the workspace's own install first, else the org-wide install of
 * its Grid org (given, or remembered from earlier traffic). Null when Momentum has none.
 */
export async function findSlackInstallation(
  ctx: Ctx,
  tokenKey: Buffer,
  query: SlackInstallationQuery,
): Promise<SlackInstallationRecord | null> {
  const keys: string[] = [];
  if (!query.isEnterpriseInstall && query.teamId) keys.push(`team:${query.teamId}`);
  let enterpriseId = query.enterpriseId ?? null;
  if (!enterpriseId && query.teamId) {
    const workspace = await ctx.prisma.slackWorkspace.findUnique({ where: { teamId: query.teamId } });
    enterpriseId = workspace?.enterpriseId ?? null;
  }
  if (enterpriseId) keys.push(`enterprise:${enterpriseId}`);
  if (keys.length === 0) return null;
  const rows = await ctx.prisma.slackInstallation.findMany({ where: { key: { in: keys } } });
  const row = keys.map((key) => rows.find((candidate) => candidate.key === key)).find(Boolean);
  if (!row) return null;
  return toRecord(row, tokenKey);
}

type InstallationRow = Awaited<ReturnType<Ctx["prisma"]["slackInstallation"]["findMany"]>>[number];

/** A stored installation as the platform uses it: the bot token decrypted, the scopes as a list. */
function toRecord(row: InstallationRow, tokenKey: Buffer): SlackInstallationRecord {
  return {
    teamId: row.teamId,
    enterpriseId: row.enterpriseId,
    isEnterpriseInstall: row.isEnterpriseInstall,
    appId: row.appId,
    botToken: decryptToken(tokenKey, row.botTokenEncrypted),
    botUserId: row.botUserId,
    botId: row.botId,
    scopes: row.scopes ? row.scopes.split(",") : [],
    installerUserId: row.installerUserId,
  };
}

/** Records that a workspace belongs to a Grid org (traffic arrived through the org's install). Idempotent. */
export async function rememberGridWorkspace(ctx: Ctx, teamId: string, enterpriseId: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.prisma.slackWorkspace.upsert({
    where: { teamId },
    create: { teamId, enterpriseId, createdAt: now, updatedAt: now },
    update: { enterpriseId, updatedAt: now },
  });
}

/**
 * Removes the installation a request came from (app_uninstalled, tokens_revoked) and marks the people of the
 * workspaces it served unreachable on Slack, so their deliveries fail at once with that reason instead of retrying.
 * An org-wide uninstall also forgets the org's workspaces. True when there was one to remove.
 */
export async function deleteSlackInstallation(ctx: Ctx, query: SlackInstallationQuery): Promise<boolean> {
  const orgWide = Boolean(query.isEnterpriseInstall && query.enterpriseId);
  const key = installationKey(query);
  if (!key) return false;
  const now = ctx.clock.now();
  return ctx.prisma.$transaction(async (tx) => {
    const removed = await tx.slackInstallation.deleteMany({ where: { key } });
    const workspaces = orgWide
      ? (await tx.slackWorkspace.findMany({ where: { enterpriseId: query.enterpriseId! } })).map((row) => row.teamId)
      : [query.teamId!];
    await tx.slackWorkspace.deleteMany({ where: { teamId: { in: workspaces } } });
    const identities = await tx.slackIdentity.findMany({
      where: { teamId: { in: workspaces }, deactivatedAt: null },
      select: { personId: true },
    });
    const personIds = [...new Set(identities.map((identity) => identity.personId))];
    await recordReachability(
      tx,
      personIds.map((personId) => ({ personId, platform: "slack", reachable: false, reason: "slack_not_installed" })),
      now,
    );
    return removed.count > 0;
  });
}

/** Every installation (the directory sync reads each workspace), tokens decrypted. */
export async function listSlackInstallations(ctx: Ctx, tokenKey: Buffer): Promise<SlackInstallationWithWorkspaces[]> {
  const [rows, gridWorkspaces] = await Promise.all([
    ctx.prisma.slackInstallation.findMany({ orderBy: { key: "asc" } }),
    ctx.prisma.slackWorkspace.findMany({ orderBy: { teamId: "asc" } }),
  ]);
  return rows.map((row) => ({
    ...toRecord(row, tokenKey),
    workspaceTeamIds: row.isEnterpriseInstall
      ? gridWorkspaces.filter((workspace) => workspace.enterpriseId === row.enterpriseId).map((w) => w.teamId)
      : row.teamId
        ? [row.teamId]
        : [],
  }));
}
