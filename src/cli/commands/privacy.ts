// `momentum people export-data EMAIL [FILE]` and `momentum people erase EMAIL --yes`: the privacy operations,
// done by the use cases in domain/privacy. Wired into the people group (commands/people.ts).
import { writeFile } from "node:fs/promises";
import { erasePerson } from "../../domain/privacy/erase-person.ts";
import { exportPersonData } from "../../domain/privacy/export-person-data.ts";
import { AppError } from "../../shared/errors.ts";
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliContext, type PreparedCommand } from "../cli-context.ts";

export const PRIVACY_HELP = `  export-data EMAIL [FILE.json]
                         Everything Momentum stores about one person, as JSON (stdout when no file is given):
                         profile, chat ids, kudos, check-ins, goals, feedback, 1:1 notes about them, their self
                         reviews and released manager reviews, delivery log (no bodies), audit events. Audited.
  erase EMAIL --yes      Erase a person in one transaction: identities, check-ins, feedback and kudos they
                         received, 1:1 notes, reviews about them deleted; kudos and feedback they gave stay with
                         their recipients without their name; pending messages to them cancelled; their reports
                         lose them as manager. Cannot be undone. Audited without the email or name.`;

/** Returns the prepared command for the privacy subcommands of `people`, or undefined for any other command. */
export function preparePrivacyCommand(command: string | undefined, rest: string[]): PreparedCommand | undefined {
  if (command === "export-data") {
    if (rest.length < 1 || rest.length > 2)
      throw new UsageError("people export-data takes EMAIL and optionally the JSON file to write");
    return (ctx) => exportPersonDataFile(ctx, rest[0], rest[1]);
  }
  if (command === "erase") {
    const args = rest.filter((arg) => arg !== "--yes");
    if (args.length !== 1) throw new UsageError("people erase takes one argument: EMAIL");
    if (!rest.includes("--yes")) throw new UsageError("people erase cannot be undone: add --yes to confirm");
    return (ctx) => erasePersonByEmail(ctx, args[0]);
  }
  return undefined;
}

export async function exportPersonDataFile(ctx: CliContext, email: string, file?: string): Promise<number> {
  const data = await refusalsAsAnswers(ctx, () => exportPersonData(ctx.domain, { email, actor: "cli" }));
  if (!data) return EXIT_FAILURE;
  const json = JSON.stringify(data, null, 2);
  if (file === undefined || file === "-") {
    ctx.out(json);
    return EXIT_OK;
  }
  try {
    // Owner-only: the file holds someone's private check-ins and feedback.
    await writeFile(file, `${json}\n`, { mode: 0o600 });
  } catch (error) {
    ctx.err(`Cannot write ${file}: ${(error as Error).message}`);
    return EXIT_FAILURE;
  }
  ctx.out(`Exported the data of ${email} to ${file}. It holds private content: share it only with that person.`);
  return EXIT_OK;
}

export async function erasePersonByEmail(ctx: CliContext, email: string): Promise<number> {
  const result = await refusalsAsAnswers(ctx, () => erasePerson(ctx.domain, { email, actor: "cli" }));
  if (!result) return EXIT_FAILURE;
  const removed = Object.entries(result.counts)
    .filter(([, count]) => count > 0)
    .map(([what, count]) => `${what} ${count}`);
  ctx.out(`Erased ${email} (now person:${result.personId}).${removed.length > 0 ? ` ${removed.join(", ")}.` : ""}`);
  return EXIT_OK;
}

async function refusalsAsAnswers<T>(ctx: CliContext, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    ctx.err(error.userMessage);
    return undefined;
  }
}
