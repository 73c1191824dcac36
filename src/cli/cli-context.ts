// What every CLI command receives. Output goes through `out`/`err` (not process streams) so tests can call the
// commands as plain functions and read what a user would see.
import type { Config } from "../config/env.ts";
import type { DomainContext } from "../domain/context.ts";
import type { DirectoryConnector } from "../domain/directory/directory-ports.ts";
import type { PlatformName } from "../domain/notifications/notifier.ts";

export interface CliOutput {
  /** Results: what a script would pipe on (stdout). */
  out(line: string): void;
  /** Progress, problems and hints (stderr). */
  err(line: string): void;
}

export interface CliContext extends CliOutput {
  domain: DomainContext;
  /** The platforms configured in the environment (Slack and Teams settings). */
  platforms?: PlatformName[];
  /** Directories the CLI can read itself (Slack); empty when none is configured. */
  directories?: DirectoryConnector[];
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The command line itself is wrong (unknown command, missing argument): exit 2 with the group's help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A command whose arguments have been checked; it runs once the database is open. */
export type PreparedCommand = (ctx: CliContext) => Promise<number>;

export interface CommandGroup {
  name: string;
  summary: string;
  /** Full help text for `<group> --help`. */
  help: string;
  /** Checks the arguments before the database is opened, throwing UsageError when they are wrong. */
  prepare(args: string[]): PreparedCommand;
  /**
   * For groups whose commands need only the configuration (`teams package`): used instead of `prepare`, and the
   * database is never opened, so they also run while the service holds the embedded database.
   */
  prepareWithoutDatabase?(args: string[]): OfflineCommand;
}

/** A command that reads only the configuration. */
export type OfflineCommand = (ctx: CliOutput & { config: Config }) => Promise<number>;
