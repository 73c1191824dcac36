// `momentum people …`: HR data in and out. The work is done by the people use cases; this file reads and writes
// files and turns results into lines for the operator.
import { readFile, writeFile } from "node:fs/promises";
import { exportPeople } from "../../domain/people/export-people.ts";
import { importPeople, type ImportError, type ImportProgress } from "../../domain/people/import-people.ts";
import { setRole } from "../../domain/people/set-role.ts";
import { AppError } from "../../shared/errors.ts";
import {
  EXIT_FAILURE,
  EXIT_OK,
  UsageError,
  type CliContext,
  type CommandGroup,
  type PreparedCommand,
} from "../cli-context.ts";
import { parsePeopleCsv, stringifyPeopleCsv } from "../people-csv.ts";
import { prepareReachCommand, REACH_HELP, syncDirectories } from "./people-reach.ts";
import { PRIVACY_HELP, preparePrivacyCommand } from "./privacy.ts";

export const PEOPLE_HELP = `Usage: npm run momentum -- people <command>

Commands:
  import FILE.csv        Create or update people from an HR file, then find them on Slack by email.
  export [FILE.csv]      Write everyone as CSV (to stdout when no file is given).
  set-role EMAIL ROLE    Change someone's role (employee, manager, hr, admin); recorded in the audit log.
${REACH_HELP}
${PRIVACY_HELP}

The file: a header line naming the columns, in any order:
  email,name,manager_email,role,timezone,country,region
  - email and name are required; emails are matched case-insensitively.
  - manager_email: the manager must be in the file or already in Momentum; an empty cell means no manager.
    Without this column, managers stay as they are.
  - role: employee, manager, hr or admin. Empty: employee for new people, unchanged for existing ones.
  - timezone: an IANA time zone such as Europe/Berlin. Empty: the org default (DEFAULT_TIMEZONE) for new
    people, unchanged for existing ones.
  - country, region: the person's public-holiday calendar, e.g. DE and BE (Berlin), GB and ENG, US and empty.
    An unknown code is an error on its line. Empty: unchanged (then their team's or the org's calendar applies).

Import is all-or-nothing: every problem is listed with its line number and nothing is saved until the whole
file is right. Running the same file again changes nothing. People who are not in the file are left as they are
(they are NOT deactivated). The export has the same columns, so it can be edited and imported back; it holds
no check-ins, feedback or kudos.`;

export const peopleCommands: CommandGroup = {
  name: "people",
  summary: "import, export and change roles of people (HR data); find them on chat and list who can't be reached",
  help: PEOPLE_HELP,
  prepare(args: string[]): PreparedCommand {
    const [command, ...rest] = args;
    const privacy = preparePrivacyCommand(command, rest);
    if (privacy) return privacy;
    const reach = prepareReachCommand(command, rest);
    if (reach) return reach;
    const options = rest.filter((arg) => arg.startsWith("-") && arg !== "-");
    if (options.length > 0) throw new UsageError(`unknown option ${options[0]} for people ${command}`);
    switch (command) {
      case "import":
        if (rest.length !== 1) throw new UsageError("people import takes one argument: the CSV file to import");
        return (ctx) => importPeopleFile(ctx, rest[0]);
      case "export":
        if (rest.length > 1) throw new UsageError("people export takes at most one argument: the CSV file to write");
        return (ctx) => exportPeopleFile(ctx, rest[0]);
      case "set-role":
        if (rest.length !== 2) throw new UsageError("people set-role takes two arguments: EMAIL ROLE");
        return (ctx) => setPersonRole(ctx, rest[0], rest[1]);
      case undefined:
        throw new UsageError("which people command? import, export, set-role, sync, reach, export-data or erase");
      default:
        throw new UsageError(`unknown command "people ${command}"`);
    }
  },
};

export async function importPeopleFile(ctx: CliContext, file: string): Promise<number> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    ctx.err(`Cannot read ${file}: ${describeFileError(error)}`);
    return EXIT_FAILURE;
  }
  const parsed = parsePeopleCsv(content);
  if (parsed.rows.length === 0 && parsed.errors.length > 0) return reportProblems(ctx, file, parsed.errors);

  const result = await explainingDomainErrors(ctx, () =>
    importPeople(ctx.domain, parsed.rows, {
      actor: "cli",
      rejected: parsed.errors,
      onProgress: (progress) => ctx.err(describeProgress(progress)),
    }),
  );
  if (!result) return EXIT_FAILURE;
  if (result.errors.length > 0) return reportProblems(ctx, file, result.errors);
  ctx.out(`Imported ${file}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.`);
  // Momentum is a push product: people must be found on chat before the first prompt, not when they first type.
  return syncDirectories(ctx, { afterImport: true });
}

export async function exportPeopleFile(ctx: CliContext, file?: string): Promise<number> {
  const people = await exportPeople(ctx.domain);
  const csv = stringifyPeopleCsv(people);
  if (file === undefined || file === "-") {
    ctx.out(csv.replace(/\n$/, ""));
    return EXIT_OK;
  }
  try {
    await writeFile(file, csv);
  } catch (error) {
    ctx.err(`Cannot write ${file}: ${describeFileError(error)}`);
    return EXIT_FAILURE;
  }
  ctx.out(`Exported ${people.length} ${people.length === 1 ? "person" : "people"} to ${file}.`);
  return EXIT_OK;
}

export async function setPersonRole(ctx: CliContext, email: string, role: string): Promise<number> {
  const result = await explainingDomainErrors(ctx, () => setRole(ctx.domain, { actor: "cli", email, role }));
  if (!result) return EXIT_FAILURE;
  ctx.out(
    result.changed
      ? `${result.name} <${result.email}> is now ${result.to} (was ${result.from}).`
      : `${result.name} <${result.email}> is already ${result.to}: nothing changed.`,
  );
  return EXIT_OK;
}

/** A refusal by the use case (unknown email, bad role, a conflict) is the operator's answer, not a crash. */
async function explainingDomainErrors<T>(ctx: CliContext, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    ctx.err(error.userMessage);
    return undefined;
  }
}

function reportProblems(ctx: CliContext, file: string, errors: ImportError[]): number {
  ctx.err(`${file} has ${errors.length} ${errors.length === 1 ? "problem" : "problems"}, so nothing was imported:`);
  for (const error of errors) ctx.err(`  line ${error.line}: ${error.message}`);
  return EXIT_FAILURE;
}

function describeProgress(progress: ImportProgress): string {
  return progress.stage === "checked"
    ? `checked ${progress.done} of ${progress.total} rows`
    : `saved ${progress.done} of ${progress.total} changes`;
}

function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "that is a directory";
  if (code === "EACCES") return "permission denied";
  return (error as Error)?.message ?? String(error);
}
