// `npm run db:migrate`: applies pending migrations (opening the database does it) and says which ones ran.
// The service applies them at start as well; this is for deploy pipelines that migrate before starting.
import { ConfigError, loadConfig } from "../config/env.ts";
import { isOperatorProblem } from "../db/connection-errors.ts";
import { describeThisProcess } from "../db/data-dir-lock.ts";
import { openDatabase } from "../db/database.ts";
import { loadDotEnvFile } from "../ops/process.ts";

const out = (line: string) => void process.stdout.write(`${line}\n`);
const err = (line: string) => void process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  loadDotEnvFile();
  describeThisProcess("`npm run db:migrate`");
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    err(`${error.message}\nSee .env.example for every setting.`);
    return 1;
  }
  let database;
  try {
    database = await openDatabase({ databaseUrl: config.database.url, dataDir: config.database.dataDir });
  } catch (error) {
    err(isOperatorProblem(error) ? error.message : `Migrating failed: ${(error as Error).message}`);
    return 1;
  }
  try {
    const { applied, modified } = database.migrations;
    if (applied.length === 0) out(`${database.description} is up to date: no pending migrations.`);
    else
      out(
        `Applied ${applied.length} migration(s) to ${database.description}:\n${applied.map((name) => `  ${name}`).join("\n")}`,
      );
    for (const name of modified)
      err(`warning: migration ${name} was changed after it was applied; it was not run again.`);
    return 0;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
