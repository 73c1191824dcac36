// The latency floor for P1: a bare Bolt app on the same ExpressReceiver that only acknowledges /kudos.
import bolt from "@slack/bolt";

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
app.command("/kudos", async ({ ack }) => {
  await ack();
});
receiver.app.get("/readyz", (_req, res) => void res.json({ status: "ready" }));
const server = receiver.app.listen(Number(process.env.PORT), "127.0.0.1");
process.once("SIGTERM", () => server.close(() => process.exit(0)));
