// The latency floor for P1: a bare Bolt app on the same ExpressReceiver that only acknowledges /kudos.
import { benchBoltApp } from "./support/bench-bolt-app.ts";

const { app, serve } = benchBoltApp();
app.command("/kudos", async ({ ack }) => {
  await ack();
});
serve();
