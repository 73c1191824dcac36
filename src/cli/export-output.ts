// One way for CLI exports to end: run the export use case, turn what it returns into CSV, and write it to a file or
// to standard output. A refusal the use case explains (unknown cycle, no survey) is printed as it is and exits 1.
import { writeFile } from "node:fs/promises";
import { AppError } from "../shared/errors.ts";
import { EXIT_FAILURE, EXIT_OK, type CliContext } from "./cli-context.ts";

export interface CsvExport<T> {
  load: () => Promise<T>;
  toCsv: (exported: T) => string;
  /** The line printed after writing a file, e.g. "Exported 12 reviews of H2 to h2.csv." */
  written: (exported: T, file: string) => string;
}

/** `file` undefined or "-" means standard output. */
export async function writeCsvExport<T>(
  ctx: CliContext,
  file: string | undefined,
  csvExport: CsvExport<T>,
): Promise<number> {
  let exported: T;
  try {
    exported = await csvExport.load();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    ctx.err(error.userMessage);
    return EXIT_FAILURE;
  }
  const csv = csvExport.toCsv(exported);
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
  ctx.out(csvExport.written(exported, file));
  return EXIT_OK;
}
