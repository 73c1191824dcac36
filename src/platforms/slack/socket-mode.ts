// Socket Mode start-up and shutdown. The socket is opened in the background, like the auth.test check: a wrong app
// token or an unreachable Slack is reported and retried, never fatal at start. Once connected, the SDK's client
// reconnects by itself after a drop or a `disconnect` message.
import type { Logger } from "../../shared/logger.ts";
import { toDeliveryError } from "./delivery-errors.ts";
import type { SlackReceiver } from "./receiver.ts";

/** Wait before trying to open the socket again after a failed start: 15 s, then 30 s, … up to 5 minutes. */
const RETRY_STEP_MS = 15_000;
const RETRY_MAX_MS = 300_000;

export function keepSocketOpen(receiver: Pick<SlackReceiver, "start" | "stop">, logger: Logger) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  const open = () => {
    receiver.start().then(
      () => {
        failures = 0;
      },
      (error: unknown) => {
        if (stopped) return;
        failures += 1;
        const waitMs = Math.min(RETRY_STEP_MS * failures, RETRY_MAX_MS);
        logger.warn(
          { reason: toDeliveryError(error).message, retryInSeconds: waitMs / 1000 },
          "Slack Socket Mode could not connect (check SLACK_APP_TOKEN, its connections:write scope, Socket Mode in the app settings and the network)",
        );
        timer = setTimeout(open, waitMs);
        timer.unref();
      },
    );
  };
  open();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await receiver.stop();
    },
  };
}

/** The start-log lines in Socket Mode: nothing to paste, but the manifest must say Socket Mode is on. */
export function socketModeDescription(commands: string[]): string[] {
  return [
    "Slack: enabled in Socket Mode (SLACK_APP_TOKEN is set): Momentum connects out to Slack, no public URL is needed.",
    "  In the Slack app settings turn Socket Mode on (manifest: settings.socket_mode_enabled: true, as in manifests/slack-socket-mode.yaml);",
    `  slash commands (${commands.join(", ")}), Interactivity and Event Subscriptions (bot event: app_home_opened) need no Request URL.`,
  ];
}
