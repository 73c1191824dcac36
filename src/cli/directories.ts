// The chat directories the CLI can read itself (`people import`, `people sync`): Slack through its Web API with the
// service's bot token and the same fleet-wide rate buckets. Teams rosters are read by the running service (the Bot
// Connector needs the team's conversation reference and the app's credentials): at install and daily.
import type { Config } from "../config/env.ts";
import { createRateLimiter } from "../deliveries/rate-limiter.ts";
import type { DomainContext } from "../domain/context.ts";
import type { DirectoryConnector } from "../domain/directory/directory-ports.ts";
import { createBoltLogger } from "../platforms/slack/bolt-logger.ts";
import { createSlackDirectoryConnector, createSlackMemberSource } from "../platforms/slack/directory.ts";
import { connectionSecret } from "../platforms/slack/receiver.ts";
import { createWebClient, slackClientOptions } from "../platforms/slack/web-client.ts";

export function cliDirectories(config: Config, domain: DomainContext): DirectoryConnector[] {
  const directories: DirectoryConnector[] = [];
  if (config.slack) {
    const logger = createBoltLogger(domain.logger, [config.slack.botToken, connectionSecret(config.slack.receive)]);
    const client = createWebClient(config.slack.botToken, slackClientOptions({ apiUrl: config.slack.apiUrl, logger }));
    const source = createSlackMemberSource({
      client,
      rateLimiter: createRateLimiter(domain.prisma, domain.clock),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    directories.push(createSlackDirectoryConnector(domain, source));
  }
  return directories;
}
