// Maps WebClient failures to the outbox's DeliveryError: what is worth retrying, and when.
import { webApi } from "@slack/bolt";
import { classifyHttpFailure, DeliveryError } from "../../domain/notifications/notifier.ts";
import { slackErrorCode } from "./web-client.ts";

// Slack refusals that describe a passing condition on Slack's side rather than a bad request.
const TRANSIENT_SLACK_ERRORS = new Set([
  "ratelimited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "team_added_to_org",
]);

const REASONS: Record<string, string> = {
  channel_not_found: "Slack channel not found, or it is private and Momentum was not invited (/invite @Momentum)",
  is_archived: "the Slack channel is archived",
  not_in_channel: "Momentum is not a member of this Slack channel",
  user_not_found: "the Slack user no longer exists",
  account_inactive: "the Slack account is deactivated",
  user_disabled: "the Slack account is deactivated",
  invalid_auth: "Slack rejected the bot token (SLACK_BOT_TOKEN): check the app installation",
  not_authed: "no Slack bot token was sent",
  token_revoked: "the Slack bot token was revoked: reinstall the app",
  missing_scope: "the Slack app lacks a scope: reinstall it from manifests/slack.yaml",
  cannot_dm_bot: "that Slack user is a bot",
  msg_too_long: "the message is too long for Slack",
};

export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const coded = error as { code?: string; retryAfter?: number; statusCode?: number };
  switch (coded?.code) {
    case webApi.ErrorCode.RateLimitedError:
      return new DeliveryError("rate limited by Slack (429)", true, Math.max(1, coded.retryAfter ?? 1) * 1000);
    case webApi.ErrorCode.HTTPError:
      return classifyHttpFailure(coded.statusCode);
    case webApi.ErrorCode.RequestError:
      return new DeliveryError("Slack did not answer (network error or timeout)", true);
    case webApi.ErrorCode.PlatformError: {
      const slackError = slackErrorCode(error) ?? "unknown_error";
      if (TRANSIENT_SLACK_ERRORS.has(slackError)) return new DeliveryError(`Slack answered ${slackError}`, true);
      return new DeliveryError(`${REASONS[slackError] ?? "Slack refused the message"} (${slackError})`, false);
    }
    default:
      return new DeliveryError(
        `unexpected error while sending to Slack: ${error instanceof Error ? error.name : "unknown"}`,
        true,
      );
  }
}
