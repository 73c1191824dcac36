// The chat directories the CLI can read itself (`people import`, `people sync`): Slack through its Web API with the
// service's bot token (or each installed workspace's, with OAuth installs) and the same fleet-wide rate buckets. Teams rosters are read by the running service (the Bot
// Connector needs the team's conversation reference and the app's credentials): at install and daily.
import type { Config } from "../config/env.ts";
import { createRateLimiter } from "../deliveries/rate-limiter.ts";
import type { DomainContext } from "../domain/context.ts";
import type { DirectoryConnector } from "../domain/directory/directory-ports.ts";
import { createBoltLogger } from "../platforms/slack/bolt-logger.ts";
import {
  createSlackDirectoryConnector,
  createSlackMemberSource,
  createWorkspacesMemberSource,
} from "../platforms/slack/directory.ts";
import { createSlackOAuth } from "../platforms/slack/oauth.ts";
import { connectionSecret } from "../platforms/slack/receiver.ts";
import { createWebClient, slackClientOptions } from "../platforms/slack/web-client.ts";

export function cliDirectories(config: Config, domain: DomainContext): DirectoryConnector[] {
  const directories: DirectoryConnector[] = [];
  if (config.slack) {
    const { botToken, receive, oauth } = config.slack;
    const logger = createBoltLogger(domain.logger, [
      botToken ?? "",
      connectionSecret(receive),
      oauth?.clientSecret ?? "",
    ]);
    const clientOptions = slackClientOptions({ apiUrl: config.slack.apiUrl, logger });
    const options = {
      rateLimiter: createRateLimiter(domain.prisma, domain.clock),
      sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    };
    // OAuth installs: every installed workspace, each read with its own token.
    const source = oauth
      ? createWorkspacesMemberSource(
          createSlackOAuth({ domain, logger: domain.logger, tokenKey: oauth.tokenEncryptionKey, clientOptions })
            .clients,
          options,
        )
      : createSlackMemberSource({ client: createWebClient(botToken!, clientOptions), ...options });
    directories.push(createSlackDirectoryConnector(domain, source));
  }
  return directories;
}
