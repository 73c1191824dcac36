// The Microsoft Teams platform: botbuilder's CloudAdapter on POST /api/messages, the activity handler, and the
// notifier the outbox uses for proactive sends. botbuilder stays inside this folder so a port to the Microsoft
// 365 Agents SDK touches one place.
import express, { type Express } from "express";
import type { Config } from "../../config/env.ts";
import type { PlatformDeps, PlatformModule } from "../platform.ts";
import { activityEnvelopeGuard } from "./activity-envelope.ts";
import { createCloudAdapter, type TeamsAuthOverrides } from "./adapter.ts";
import { MomentumTeamsBot } from "./bot.ts";
import { TeamsNotifier } from "./teams-notifier.ts";
import { createTeamsDirectoryConnector, type TeamsDirectoryDeps } from "./directory.ts";

export const TEAMS_MESSAGES_PATH = "/api/messages";

export type TeamsOverrides = TeamsAuthOverrides;

export async function createTeamsPlatform(
  deps: PlatformDeps,
  config: NonNullable<Config["teams"]>,
  overrides: TeamsOverrides = {},
): Promise<PlatformModule> {
  const appId = config.devMode ? "" : (config.appId ?? "");
  const adapter = createCloudAdapter(config, deps.logger, overrides);
  const directory: TeamsDirectoryDeps = {
    domain: deps.domain,
    logger: deps.logger.child({ platform: "teams" }),
    adapter,
    appId,
    rateLimiter: deps.rateLimiter,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  const bot = new MomentumTeamsBot({ ...deps, adapter, appId, directory });
  const notifier = new TeamsNotifier(adapter, appId, deps.domain);

  return {
    name: "teams",
    notifier,
    directory: createTeamsDirectoryConnector(directory),
    mount(app: Express) {
      // JSON parsing on this route only: Slack's route needs the raw body to check signatures.
      app.post(TEAMS_MESSAGES_PATH, express.json({ limit: "1mb" }), activityEnvelopeGuard(), async (req, res) => {
        await adapter.process(req, res, (context) => bot.run(context));
        // botbuilder only prints these to the console; the service log should show refused traffic too.
        if (res.statusCode === 401)
          deps.logger.warn(
            { path: TEAMS_MESSAGES_PATH, hasAuthorization: Boolean(req.headers.authorization) },
            "refused a Teams request that failed authentication",
          );
      });
    },
    describe(publicUrl: string) {
      const endpoint = new URL(TEAMS_MESSAGES_PATH, publicUrl).toString();
      return [
        `Teams: set the messaging endpoint of your Azure Bot to ${endpoint}`,
        config.devMode
          ? "Teams: development mode, requests are NOT authenticated (Teams App Test Tool only)"
          : `Teams: requests are authenticated for app id ${appId}`,
      ];
    },
    async stop() {
      // Proactive sends in progress are tracked by deps.inFlight, which the service waits for before stopping.
    },
  };
}
