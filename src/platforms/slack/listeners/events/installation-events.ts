// Uninstalls: `app_uninstalled`, and `tokens_revoked` when it revokes the bot's token. Bolt runs these without
// authorize (the token is already dead), so nothing here calls Slack: the installation is forgotten and the
// workspace's people show as unreachable until the app is installed again.
import type { App } from "@slack/bolt";
import type { SlackInstallationQuery } from "../../../../domain/slack-installations/installations.ts";

export const INSTALLATION_EVENTS = ["app_uninstalled", "tokens_revoked"] as const;

interface UninstallEnvelope {
  team_id?: string;
  enterprise_id?: string;
  is_enterprise_install?: boolean;
  authorizations?: { team_id?: string | null; enterprise_id?: string | null; is_enterprise_install?: boolean }[];
  event?: { type?: string; tokens?: { bot?: string[] } };
}

export function registerInstallationEvents(
  app: App,
  uninstall: (query: SlackInstallationQuery) => Promise<void>,
): void {
  for (const type of INSTALLATION_EVENTS) {
    app.event(type, async ({ body }) => {
      const envelope = body as UninstallEnvelope;
      if (type === "tokens_revoked" && !(envelope.event?.tokens?.bot?.length ?? 0)) return;
      const authorization = envelope.authorizations?.[0];
      const isEnterpriseInstall = Boolean(envelope.is_enterprise_install ?? authorization?.is_enterprise_install);
      await uninstall({
        teamId: envelope.team_id ?? authorization?.team_id ?? null,
        enterpriseId: envelope.enterprise_id ?? authorization?.enterprise_id ?? null,
        isEnterpriseInstall,
      });
    });
  }
}
