// Checks, before anything is stored, that Momentum can post in every channel HR chose. Public channels it isn't in
// are fine (the notifier joins them on not_in_channel); a private channel it isn't in cannot be joined, and Slack
// answers conversations.info for it with channel_not_found. Checking up front (rather than DMing HR after a
// delivery fails for good) keeps an announcement all-or-nothing: HR fixes the list and nothing was half-posted.
import type { ChannelProblem } from "../views/announce-modal.ts";
import { slackErrorCode, type WebClient } from "../web-client.ts";

export async function findChannelProblems(client: WebClient, channels: string[]): Promise<ChannelProblem[]> {
  const checks = await Promise.all(
    channels.map(async (channel): Promise<ChannelProblem | null> => {
      try {
        const info = await client.conversations.info({ channel });
        const found = info.channel;
        if (found?.is_archived) return { channel, reason: "archived" };
        if (found?.is_private && !found.is_member) return { channel, reason: "private-not-member" };
        return null;
      } catch (error) {
        if (slackErrorCode(error) === "channel_not_found") return { channel, reason: "private-not-member" };
        throw error;
      }
    }),
  );
  return checks.filter((problem): problem is ChannelProblem => problem !== null);
}
