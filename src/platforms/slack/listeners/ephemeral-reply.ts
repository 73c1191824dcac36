// Replies seen only by the person who typed a command or clicked a button (through the request's response_url).
import type { RespondFn } from "@slack/bolt";
import { userMessageFor } from "../../../shared/errors.ts";
import type { Logger } from "../../../shared/logger.ts";
import { logError, logWarning } from "../../../shared/log-error.ts";
import { escapeUserMessage, sentenceCase, type SlackMessage } from "../views/text.ts";

export type Reply = (message: SlackMessage) => Promise<unknown>;

export function ephemeralReply(respond: RespondFn): Reply {
  return (message) =>
    respond({
      response_type: "ephemeral",
      replace_original: false,
      text: message.text,
      ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}),
    });
}

/** Tells the person what went wrong (their own refusal, or a generic message) and logs only what is unexpected. */
export async function replyWithError(reply: Reply, logger: Logger, error: unknown, what: string): Promise<void> {
  logError(logger, error, `${what} failed`);
  await reply({ text: escapeUserMessage(sentenceCase(userMessageFor(error))), blocks: [] }).catch(
    (replyError: unknown) => logWarning(logger, replyError, `could not send the ${what} error reply`),
  );
}
