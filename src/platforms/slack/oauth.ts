// Slack OAuth installs (several workspaces, Enterprise Grid): Bolt's installation store backed by the domain's
// store, and the per-workspace clients the outbox and the directory use. Traffic from a workspace Momentum has no
// installation for is logged (ids only, never a token) and answered with nothing.
import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { DataContext } from "../../domain/context.ts";
import {
  deleteSlackInstallation,
  findSlackInstallation,
  listSlackInstallations,
  rememberGridWorkspace,
  saveSlackInstallation,
  type SlackInstallationQuery,
} from "../../domain/slack-installations/installations.ts";
import type { Logger } from "../../shared/logger.ts";
import type { WebClientOptions } from "./web-client.ts";
import { clientCache, type SlackWorkspaceClients } from "./workspace-clients.ts";

export interface SlackOAuthOptions {
  domain: DataContext;
  logger: Logger;
  tokenKey: Buffer;
  clientOptions: WebClientOptions;
}

export interface SlackOAuth {
  installationStore: InstallationStore;
  clients: SlackWorkspaceClients;
  /** app_uninstalled / tokens_revoked: forget the installation; its workspaces' people become unreachable. */
  uninstall(query: SlackInstallationQuery): Promise<void>;
}

export class NoSlackInstallationError extends Error {
  readonly code = "slack_no_installation";
}

export function createSlackOAuth(options: SlackOAuthOptions): SlackOAuth {
  const { domain, logger, tokenKey } = options;
  const clientFor = clientCache(options.clientOptions);
  // Grid workspaces already recorded by this process: one write per workspace, not one per request.
  const knownGridWorkspaces = new Set<string>();

  const installationStore: InstallationStore = {
    async storeInstallation(installation: Installation) {
      if (!installation.bot) throw new Error("the Slack install granted no bot token (check the bot scopes)");
      await saveSlackInstallation(domain, tokenKey, {
        teamId: installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        isEnterpriseInstall: Boolean(installation.isEnterpriseInstall),
        appId: installation.appId ?? null,
        botToken: installation.bot.token,
        botUserId: installation.bot.userId,
        botId: installation.bot.id,
        scopes: installation.bot.scopes,
        installerUserId: installation.user?.id ?? null,
      });
      logger.info(
        {
          teamId: installation.team?.id,
          enterpriseId: installation.enterprise?.id,
          orgWide: Boolean(installation.isEnterpriseInstall),
        },
        "Slack installation saved",
      );
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = await findSlackInstallation(domain, tokenKey, query);
      if (!found) {
        logger.warn(
          { teamId: query.teamId, enterpriseId: query.enterpriseId, orgWide: query.isEnterpriseInstall },
          "Slack traffic from a workspace Momentum has no installation for: ignored (install the app there through /slack/install, or have a Grid admin add it to the workspace)",
        );
        throw new NoSlackInstallationError("no Slack installation for this workspace");
      }
      // A workspace served by its Grid org's install: remember which org, so deliveries to its people find the token.
      if (found.isEnterpriseInstall && found.enterpriseId && query.teamId && !knownGridWorkspaces.has(query.teamId)) {
        await rememberGridWorkspace(domain, query.teamId, found.enterpriseId);
        knownGridWorkspaces.add(query.teamId);
      }
      return {
        team: found.teamId ? { id: found.teamId } : undefined,
        enterprise: found.enterpriseId ? { id: found.enterpriseId } : undefined,
        isEnterpriseInstall: found.isEnterpriseInstall,
        appId: found.appId ?? undefined,
        user: { id: found.installerUserId ?? "", token: undefined, scopes: undefined },
        bot: { token: found.botToken, id: found.botId, userId: found.botUserId, scopes: found.scopes },
        tokenType: "bot",
        authVersion: "v2",
      } as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await uninstall(query);
    },
  };

  async function uninstall(query: SlackInstallationQuery): Promise<void> {
    const removed = await deleteSlackInstallation(domain, query);
    if (query.teamId) knownGridWorkspaces.delete(query.teamId);
    if (query.isEnterpriseInstall) knownGridWorkspaces.clear();
    logger.info(
      { teamId: query.teamId, enterpriseId: query.enterpriseId, orgWide: Boolean(query.isEnterpriseInstall), removed },
      "Slack installation removed: deliveries to its workspace stop (people show as unreachable)",
    );
  }

  const clients: SlackWorkspaceClients = {
    async forTeam(teamId) {
      const found = await findSlackInstallation(domain, tokenKey, { teamId });
      return found ? clientFor(found.botToken) : null;
    },
    async all() {
      const installs = await listSlackInstallations(domain, tokenKey);
      return installs.flatMap((install) =>
        install.workspaceTeamIds.map((teamId) => ({
          label: `team:${teamId}`,
          client: clientFor(install.botToken),
          ...(install.isEnterpriseInstall ? { teamId } : {}),
        })),
      );
    },
  };

  return { installationStore, clients, uninstall };
}
