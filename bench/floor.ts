// The memory floor for the service: loads the same libraries and opens the same database, then serves only
// /readyz. The service's resident memory is reported as a ratio to this process's.
import express from "express";
import "@slack/bolt";
import "botbuilder";
import { openDatabase } from "../src/db/database.ts";

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.MOMENTUM_DATA_DIR ?? "./data",
});
const app = express();
app.get("/readyz", async (_req, res) => {
  await database.ping();
  res.json({ status: "ready" });
});
const server = app.listen(Number(process.env.PORT), "127.0.0.1");
const stop = () => server.close(() => void database.close().then(() => process.exit(0)));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
