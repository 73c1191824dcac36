// `momentum pulses export [SURVEY] [FILE.csv]`: a pulse survey's results as CSV for HR, aggregates only, with the
// same minimum group size as in chat. There is no person column: answers are stored without one.
import { stringify } from "csv-stringify/sync";
import {
  exportPulseResults,
  PULSE_EXPORT_COLUMNS,
  type PulseExport,
} from "../../domain/pulses/export-pulse-results.ts";
import { UsageError, type CliContext, type CommandGroup, type PreparedCommand } from "../cli-context.ts";
import { writeCsvExport } from "../export-output.ts";

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
    if (rest.some((arg) => arg.startsWith("-") && arg !== "-"))
      throw new UsageError(`unknown option for pulses ${command}`);
    if (command === undefined) throw new UsageError("which pulses command? export");
    if (command !== "export") throw new UsageError(`unknown command "pulses ${command}"`);
    if (rest.length > 2)
      throw new UsageError("pulses export takes the survey (id or name) and optionally the CSV file to write");
    const [survey, file] = rest.length === 1 && rest[0].endsWith(".csv") ? [undefined, rest[0]] : rest;
    return (ctx) => exportFile(ctx, survey, file);
  },
};

function exportFile(ctx: CliContext, survey: string | undefined, file: string | undefined): Promise<number> {
  return writeCsvExport(ctx, file, {
    load: () => exportPulseResults(ctx.domain, { survey }),
    toCsv: pulsesCsv,
    written: (exported, path) => `Exported ${exported.rows.length} rows of ${exported.survey.title} to ${path}.`,
  });
}

export function pulsesCsv(exported: PulseExport): string {
  // Spreadsheet apps run cells starting with = + - @ as formulas: comments are people's words, so they are quoted out.
  const rows = exported.rows.map((row) =>
    PULSE_EXPORT_COLUMNS.map((column) => row[column]).map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)),
  );
  return stringify([[...PULSE_EXPORT_COLUMNS], ...rows], { record_delimiter: "\n" });
}
