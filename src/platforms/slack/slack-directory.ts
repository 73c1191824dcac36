// The domain's SlackDirectory port, answered by users.info.
import type { SlackDirectory, SlackProfile } from "../../domain/people/identify-slack-user.ts";
import { AppError } from "../../shared/errors.ts";
import { slackErrorCode, type WebClient } from "./web-client.ts";

export const SLACK_UNAVAILABLE_MESSAGE =
  "Slack didn't answer in time, so nothing was saved. Please try again in a minute.";

export function createSlackDirectory(client: WebClient): SlackDirectory {
  return {
    async lookup(teamId: string, userId: string): Promise<SlackProfile | null> {
      let user;
      try {
        ({ user } = await client.users.info({ user: userId }));
      } catch (error) {
        const code = slackErrorCode(error);
        if (code === "user_not_found" || code === "users_not_found") return null;
        throw new AppError(
          "UNAVAILABLE",
          SLACK_UNAVAILABLE_MESSAGE,
          `users.info failed: ${code ?? (error as Error)?.name}`,
        );
      }
      if (!user) return null;
      const profile = user.profile ?? {};
      return {
        teamId,
        userId,
        name: profile.real_name || user.real_name || profile.display_name || user.name || userId,
        email: profile.email ?? null,
        timeZone: user.tz ?? null,
        isBot: Boolean(user.is_bot) || userId === "USLACKBOT",
        deleted: Boolean(user.deleted),
      };
    },
  };
}
