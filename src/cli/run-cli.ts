// The `momentum` command line: `npm run momentum -- <group> <command> [args]`. Arguments are checked before
// the database is opened, so a typo answers at once with exit code 2; a failing command exits 1.
import pino from "pino";
import { ConfigError, loadConfig, type Config } from "../config/env.ts";
import { isOperatorProblem } from "../db/connection-errors.ts";
import { describeThisProcess } from "../db/data-dir-lock.ts";
import { openDatabase } from "../db/database.ts";
import type { DomainContext } from "../domain/context.ts";
import { systemClock, type Clock } from "../shared/clock.ts";
import { userMessageFor } from "../shared/errors.ts";
import { createLogger, type Logger } from "../shared/logger.ts";
import {
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  type CliOutput,
  type CommandGroup,
  type OfflineCommand,
  type PreparedCommand,
} from "./cli-context.ts";
import { peopleCommands } from "./commands/people.ts";
import { cliDirectories } from "./directories.ts";
import { deliveriesCommands } from "./deliveries-group.ts";
import { reviewsCommands } from "./commands/reviews.ts";
import { closuresCommands } from "./commands/closures.ts";
import { pulsesCommands } from "./commands/pulses.ts";
import { teamsCommands } from "./commands/teams.ts";
import { logError } from "../shared/log-error.ts";

export const COMMAND_GROUPS: CommandGroup[] = [
  peopleCommands,
  deliveriesCommands,
  reviewsCommands,
  closuresCommands,
  pulsesCommands,
  teamsCommands,
];

export interface RunCliOptions {
  /** The environment to configure from (tests pass their own); default: the process environment. */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  clock?: Clock;
  groups?: CommandGroup[];
}

const HELP_FLAGS = new Set(["--help", "-h", "help"]);

export function topLevelHelp(groups: CommandGroup[] = COMMAND_GROUPS): string {
  const width = Math.max(...groups.map((group) => group.name.length));
  return [
    "Usage: npm run momentum -- <group> <command> [arguments]",
    "",
    "Groups:",
    ...groups.map((group) => `  ${group.name.padEnd(width)}  ${group.summary}`),
    "",
    "Run `npm run momentum -- <group> --help` for a group's commands.",
    "The database is the service's: PostgreSQL when DATABASE_URL is set, otherwise the embedded database in",
    "MOMENTUM_DATA_DIR (default ./data). Only one process can open the embedded database: stop Momentum first.",
  ].join("\n");
}

export async function runCli(argv: string[], io: CliOutput, options: RunCliOptions = {}): Promise<number> {
  const groups = options.groups ?? COMMAND_GROUPS;
  const [groupName, ...args] = argv;
  if (groupName === undefined || HELP_FLAGS.has(groupName)) {
    (groupName === undefined ? io.err : io.out)(topLevelHelp(groups));
    return groupName === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const group = groups.find((candidate) => candidate.name === groupName);
  if (!group) {
    io.err(`Unknown command group "${groupName}".\n\n${topLevelHelp(groups)}`);
    return EXIT_USAGE;
  }
  if (args.some((arg) => HELP_FLAGS.has(arg))) {
    io.out(group.help);
    return EXIT_OK;
  }
  let command: PreparedCommand | undefined;
  let offline: OfflineCommand | undefined;
  try {
    if (group.prepareWithoutDatabase) offline = group.prepareWithoutDatabase(args);
    else command = group.prepare(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\n\n${group.help}`);
    return EXIT_USAGE;
  }

  let config: Config;
  try {
    config = loadConfig(options.env); // undefined: the process environment
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(`${error.message}\nSee .env.example for every setting.`);
    return EXIT_FAILURE;
  }
  // Logs go to stderr so stdout stays clean for piping (e.g. `people export > people.csv`). The service's
  // default "info" would interleave with the command's own output, so the CLI starts at "warn"; debug still works.
  if (offline) {
    try {
      return await offline({ config, out: io.out, err: io.err });
    } catch (error) {
      // Operator-facing problems (a file it cannot write): their own words, no private data in them.
      io.err(`momentum ${groupName} ${args[0] ?? ""} failed: ${(error as Error).message}`);
      return EXIT_FAILURE;
    }
  }
  const level = config.logLevel === "info" ? "warn" : config.logLevel;
  const logger =
    options.logger ?? createLogger({ level, pretty: false, destination: pino.destination({ fd: 2, sync: true }) });

  let database;
  describeThisProcess(`the command \`momentum ${groupName} ${args[0] ?? ""}\``);
  try {
    // Every command opens the database, reading ones too: the embedded one refuses a second process outright.
    database = await openDatabase({ databaseUrl: config.database.url, dataDir: config.database.dataDir });
  } catch (error) {
    // A DATABASE_URL problem or a data directory in use is explained in one sentence; anything else is logged.
    if (!isOperatorProblem(error)) logError(logger, error, "cannot open the database");
    io.err(`Cannot open the database: ${(error as Error).message}`);
    return EXIT_FAILURE;
  }
  for (const name of database.migrations.applied) io.err(`applied migration ${name}`);
  const domain: DomainContext = {
    prisma: database.prisma,
    clock: options.clock ?? systemClock,
    org: config.org,
    logger,
    adminEmails: config.adminEmails,
  };
  try {
    const platforms = [...(config.slack ? (["slack"] as const) : []), ...(config.teams ? (["teams"] as const) : [])];
    return await command!({ domain, out: io.out, err: io.err, platforms, directories: cliDirectories(config, domain) });
  } catch (error) {
    logError(logger, error, `momentum ${groupName} ${args[0] ?? ""} failed`);
    io.err(userMessageFor(error));
    return EXIT_FAILURE;
  } finally {
    await database.close();
  }
}
