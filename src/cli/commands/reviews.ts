// `momentum reviews …`: HR tooling run by operators. `list` names the cycles; `export CYCLE` writes one CSV row per
// review (self and manager), with ratings and answers only where they may be read outside the form (submitted
// self-reviews, manager reviews once shared): the privacy promise covers exports too.
import { stringify } from "csv-stringify/sync";
import { exportReviewCycle, type ReviewCycleExport } from "../../domain/reviews/export-review-cycle.ts";
import { listReviewCycles } from "../../domain/reviews/list-review-cycles.ts";
import { EXIT_OK, UsageError, type CliContext, type CommandGroup, type PreparedCommand } from "../cli-context.ts";
import { writeCsvExport } from "../export-output.ts";

export const REVIEWS_HELP = `Usage: npm run momentum -- reviews <command>

Commands:
  list                       The review cycles, newest first: id, name, status, due dates, submitted/total.
  export CYCLE [FILE.csv]    One row per review of CYCLE (its id or its name) as CSV, to stdout when no file is given.

Export columns: person, person_email, manager, step (self/manager), author, status (while the cycle runs, pending
or draft: the author is asked to write it now, as /review status lists and nudges reach; not open yet: a manager
review waiting for the self-review; not submitted: its author has left; once closed, pending or draft say how far
an unsubmitted review got; submitted; shared), submitted_at
(UTC), then one column per question. Answers are filled in for submitted self-reviews and
for manager reviews their manager has shared; drafts and unshared manager reviews show their status only.`;

export const reviewsCommands: CommandGroup = {
  name: "reviews",
  summary: "list review cycles and export one as CSV (HR)",
  help: REVIEWS_HELP,
  prepare(args: string[]): PreparedCommand {
    const [command, ...rest] = args;
    const options = rest.filter((arg) => arg.startsWith("-") && arg !== "-");
    if (options.length > 0) throw new UsageError(`unknown option ${options[0]} for reviews ${command}`);
    switch (command) {
      case "list":
        if (rest.length > 0) throw new UsageError("reviews list takes no arguments");
        return (ctx) => listCycles(ctx);
      case "export":
        if (rest.length < 1 || rest.length > 2)
          throw new UsageError("reviews export takes the cycle (id or name) and optionally the CSV file to write");
        return (ctx) => exportCycleFile(ctx, rest[0], rest[1]);
      case undefined:
        throw new UsageError("which reviews command? list or export");
      default:
        throw new UsageError(`unknown command "reviews ${command}"`);
    }
  },
};

export async function listCycles(ctx: CliContext): Promise<number> {
  const cycles = await listReviewCycles(ctx.domain);
  if (cycles.length === 0) {
    ctx.err("There are no review cycles yet.");
    return EXIT_OK;
  }
  for (const cycle of cycles) {
    ctx.out(
      `${cycle.id}  ${cycle.name}  ${cycle.status}  self due ${cycle.selfDueDate}  manager due ${cycle.managerDueDate}  ${cycle.submitted}/${cycle.reviews} submitted`,
    );
  }
  return EXIT_OK;
}

export function exportCycleFile(ctx: CliContext, cycle: string, file?: string): Promise<number> {
  return writeCsvExport(ctx, file, {
    load: () => exportReviewCycle(ctx.domain, { cycle }),
    toCsv: reviewsCsv,
    written: (exported, path) => `Exported ${exported.rows.length} reviews of ${exported.cycle.name} to ${path}.`,
  });
}

export function reviewsCsv(exported: ReviewCycleExport): string {
  const header = [
    "person",
    "person_email",
    "manager",
    "step",
    "author",
    "status",
    "submitted_at",
    ...exported.questions.map((question) => question.label),
  ];
  const rows = exported.rows.map((row) => [
    row.person,
    row.personEmail,
    row.manager,
    row.step,
    row.author,
    row.status,
    row.submittedAt?.toISOString() ?? "",
    ...exported.questions.map((question) =>
      row.answers[question.id] === undefined ? "" : String(row.answers[question.id]),
    ),
  ]);
  // Spreadsheet apps run cells starting with = + - @ as formulas: answers are people's words, so they are quoted out.
  const safe = rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
  return stringify([header, ...safe], { record_delimiter: "\n" });
}
