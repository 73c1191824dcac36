// The Bolt app the P1 baselines share (bare-bolt.ts, kudos-floor.ts): the service's HTTP stack, Bolt's
// ExpressReceiver on /slack/events, with /readyz for the bench to wait on. The caller registers /kudos, then serves.
import bolt from "@slack/bolt";

export function benchBoltApp() {
  const receiver = new bolt.ExpressReceiver({
    signingSecret: process.env.SLACK_SIGNING_SECRET!,
    endpoints: "/slack/events",
  });
  const app = new bolt.App({
    receiver,
    token: process.env.SLACK_BOT_TOKEN,
    tokenVerificationEnabled: false,
    clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  });
  receiver.app.get("/readyz", (_req, res) => void res.json({ status: "ready" }));
  /** Listens on PORT (loopback only); `onStop` runs on SIGTERM after the server closed. */
  const serve = (onStop: () => Promise<void> | void = () => undefined) => {
    const server = receiver.app.listen(Number(process.env.PORT), "127.0.0.1");
    process.once("SIGTERM", () => server.close(() => void Promise.resolve(onStop()).then(() => process.exit(0))));
  };
  return { app, serve };
}
