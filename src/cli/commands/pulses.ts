// `momentum pulses export [SURVEY] [FILE.csv]`: a pulse survey's results as CSV for HR, aggregates only, with the
// same minimum group size as in chat. There is no person column: answers are stored without one.
import { writeFile } from "node:fs/promises";
import { stringify } from "csv-stringify/sync";
import { exportPulseResults, PULSE_EXPORT_COLUMNS, type PulseExport } from "../../domain/pulses/export-pulse-results.ts";
import { AppError } from "../../shared/errors.ts";
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliContext, type CommandGroup, type PreparedCommand } from "../cli-context.ts";

export const PULSES_HELP = `Usage: npm run momentum -- pulses <command>

Commands:
  export [SURVEY] [FILE.csv]   The closed rounds of SURVEY (its id or name; the latest survey when omitted) as CSV,
                               to stdout when no file is given.

Columns: ${PULSE_EXPORT_COLUMNS.join(", ")}. One row per round, group (All, then each team) and question;
groups under MIN_GROUP_SIZE, and the next-smallest where subtracting would reveal one, have no numbers; comments
(verbatim, unattributed, alphabetical) only when at least 5 people answered. There is no person column.`;

export const pulsesCommands: CommandGroup = {
  name: "pulses",
  summary: "export pulse survey results as CSV (HR; aggregates only)",
  help: PULSES_HELP,
  prepare(args: string[]): PreparedCommand {
    const [command, ...rest] = args;
    if (rest.some((arg) => arg.startsWith("-") && arg !== "-")) throw new UsageError(`unknown option for pulses ${command}`);
    if (command === undefined) throw new UsageError("which pulses command? export");
    if (command !== "export") throw new UsageError(`unknown command "pulses ${command}"`);
    if (rest.length > 2) throw new UsageError("pulses export takes the survey (id or name) and optionally the CSV file to write");
    const [survey, file] = rest.length === 1 && rest[0].endsWith(".csv") ? [undefined, rest[0]] : rest;
    return (ctx) => exportFile(ctx, survey, file);
  },
};

async function exportFile(ctx: CliContext, survey: string | undefined, file: string | undefined): Promise<number> {
  let exported: PulseExport;
  try {
    exported = await exportPulseResults(ctx.domain, { survey });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    ctx.err(error.userMessage);
    return EXIT_FAILURE;
  }
  const csv = pulsesCsv(exported);
  if (file === undefined || file === "-") {
    ctx.out(csv.replace(/\n$/, ""));
    return EXIT_OK;
  }
  try {
    await writeFile(file, csv);
  } catch (error) {
    ctx.err(`Cannot write ${file}: ${(error as Error).message}`);
    return EXIT_FAILURE;
  }
  ctx.out(`Exported ${exported.rows.length} rows of ${exported.survey.title} to ${file}.`);
  return EXIT_OK;
}

export function pulsesCsv(exported: PulseExport): string {
  // Spreadsheet apps run cells starting with = + - @ as formulas: comments are people's words, so they are quoted out.
  const rows = exported.rows.map((row) => PULSE_EXPORT_COLUMNS.map((column) => row[column]).map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
  return stringify([[...PULSE_EXPORT_COLUMNS], ...rows], { record_delimiter: "\n" });
}
