// The floor a /kudos can't beat on PostgreSQL: the same HTTP stack as the service (Bolt's ExpressReceiver), the
// same writes a public kudos makes — the kudos row, the recipient's DM and the channel post in the outbox — in ONE
// transaction with `pg` directly, then the acknowledgement and the ephemeral answer at response_url. It checks
// nothing (no request key, no daily limit, no active flags): people are looked up in a map loaded at start.
// It acknowledges after COMMIT, so its closed-loop rate is kudos stored per second: the service acknowledges first
// but admits new requests only as its work in flight drains, so its sustained rate is kudos stored per second too.
import { randomUUID } from "node:crypto";
import { benchBoltApp } from "./support/bench-bolt-app.ts";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const personBySlackUser = new Map<string, { id: string; name: string }>();
const known = await pool.query<{ userId: string; id: string; name: string }>(
  `SELECT s."userId", p.id, p.name FROM "SlackIdentity" s JOIN "Person" p ON p.id = s."personId"`,
);
for (const row of known.rows) personBySlackUser.set(row.userId, { id: row.id, name: row.name });

const { app, serve } = benchBoltApp();

app.command("/kudos", async ({ command, ack, respond }) => {
  const giver = personBySlackUser.get(command.user_id);
  const recipientUserId = command.text.match(/<@(\w+)/)?.[1] ?? "";
  const recipient = personBySlackUser.get(recipientUserId);
  if (!giver || !recipient) {
    await ack();
    await respond({ response_type: "ephemeral", text: "unknown person" });
    return;
  }
  // The bench's clock: a benchmark's own timestamps, not Momentum logic.
  const now = new Date(performance.timeOrigin + performance.now()).toISOString();
  const kudosId = randomUUID();
  const batchId = randomUUID();
  const message = command.text;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Kudos" (id, "batchId", "requestKey", "giverId", "recipientId", message, value, visibility, platform, "createdAt")
       VALUES ($1, $2, $3, $4, $5, $6, 'teamwork', 'public', 'slack', $7)`,
      [kudosId, batchId, `slack:cmd:${command.trigger_id}`, giver.id, recipient.id, message, now],
    );
    await client.query(
      `INSERT INTO "Delivery" (id, key, kind, "personId", target, message, "notBefore", "createdAt", "updatedAt")
       VALUES ($1, $2, 'kudos.received', $3, NULL, $4, $7, $7, $7),
              ($5, $6, 'kudos.announced', NULL, $8, $9, $7, $7, $7)`,
      [
        randomUUID(),
        `kudos-dm:${kudosId}`,
        recipient.id,
        JSON.stringify({ type: "kudos.received", kudosId, giverName: giver.name, message }),
        randomUUID(),
        `kudos-post:${batchId}`,
        now,
        JSON.stringify({ kind: "slack-channel", channel: command.channel_id }),
        JSON.stringify({ type: "kudos.announced", batchId, giverName: giver.name, message }),
      ],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
  await ack();
  await respond({ response_type: "ephemeral", text: `Kudos recorded for ${recipient.name}` });
});
serve(() => pool.end());
