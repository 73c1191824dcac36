// `momentum people sync` and `momentum people reach [--csv FILE]`: find everyone HR imported on the chat
// platforms, and list who Momentum still cannot message, with the reason, before it matters.
import { writeFile } from "node:fs/promises";
import { stringify } from "csv-stringify/sync";
import type { DirectorySyncSummary } from "../../domain/directory/directory-ports.ts";
import { listReachability, type PersonReach } from "../../domain/directory/list-reachability.ts";
import { REACH_REASONS, type ReachReason } from "../../domain/directory/reach.ts";
import type { PlatformName } from "../../domain/notifications/notifier.ts";
import { EXIT_FAILURE, EXIT_OK, UsageError, type CliContext, type PreparedCommand } from "../cli-context.ts";
import { logWarning } from "../../shared/log-error.ts";

export const REACH_HELP = `  sync                   Find everyone on Slack by email now (the service also does this daily and at import).
  reach [--csv FILE]     Every active person: can Momentum message them on each platform, and if not, why.`;

const PLATFORM_NAMES: Record<PlatformName, string> = { slack: "Slack", teams: "Teams" };

export function prepareReachCommand(command: string | undefined, rest: string[]): PreparedCommand | undefined {
  if (command === "sync") {
    if (rest.length > 0) throw new UsageError("people sync takes no arguments");
    return (ctx) => syncDirectories(ctx);
  }
  if (command !== "reach") return undefined;
  if (rest.length === 0) return (ctx) => listReach(ctx);
  if (rest.length === 2 && rest[0] === "--csv") return (ctx) => listReach(ctx, rest[1]);
  throw new UsageError("people reach takes no arguments, or --csv FILE");
}

/** Runs every directory the CLI can read; after an import, `afterImport` words the hints for that moment. */
export async function syncDirectories(ctx: CliContext, options: { afterImport?: boolean } = {}): Promise<number> {
  const directories = ctx.directories ?? [];
  if (directories.length === 0) {
    ctx.err(
      options.afterImport
        ? "Slack is not configured here, so nobody was looked up in Slack. Teams members are found when Momentum is added to their team, and daily."
        : "No chat platform this command can read is configured (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET for Slack). Teams rosters are read by the running service: when Momentum is added to a team, and daily.",
    );
    return options.afterImport ? EXIT_OK : EXIT_FAILURE;
  }
  let failed = false;
  for (const directory of directories) {
    ctx.err(`Looking everyone up in ${PLATFORM_NAMES[directory.platform]}…`);
    try {
      ctx.out(describeSync(await directory.sync()));
    } catch (error) {
      failed = true;
      logWarning(ctx.domain.logger, error, "directory sync from the CLI failed", { platform: directory.platform });
      ctx.err(
        `${PLATFORM_NAMES[directory.platform]} could not be read (${(error as { code?: string })?.code ?? (error as Error)?.name}); nothing was changed there. Try again with: npm run momentum -- people sync`,
      );
    }
  }
  ctx.err("See who can't be reached yet, and why: npm run momentum -- people reach");
  return failed && !options.afterImport ? EXIT_FAILURE : EXIT_OK;
}

export function describeSync(summary: DirectorySyncSummary): string {
  const name = PLATFORM_NAMES[summary.platform];
  const missing = Object.entries(summary.unreachable)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => `${count} ${REACH_REASONS[reason as ReachReason] ?? reason}`);
  return `${name}: ${summary.reachable} people reachable (${summary.linked} newly found among ${summary.members} ${name} accounts)${missing.length > 0 ? `; can't reach ${missing.join(", ")}` : ""}.`;
}

export async function listReach(ctx: CliContext, csvFile?: string): Promise<number> {
  const platforms: PlatformName[] = ctx.platforms && ctx.platforms.length > 0 ? ctx.platforms : ["slack", "teams"];
  const people = await listReachability(ctx.domain, { platforms });
  if (csvFile !== undefined) {
    const header = ["email", "name", "reachable", ...platforms.flatMap((platform) => [platform, `${platform}_reason`])];
    const rows = people.map((person) => [
      person.email,
      person.name,
      person.reachable ? "yes" : "no",
      ...platforms.flatMap((platform) => [
        person.platforms[platform]!.reachable ? "yes" : "no",
        person.platforms[platform]!.reason ?? "",
      ]),
    ]);
    const csv = stringify([header, ...rows]);
    try {
      if (csvFile === "-") ctx.out(csv.replace(/\n$/, ""));
      else await writeFile(csvFile, csv);
    } catch (error) {
      ctx.err(`Cannot write ${csvFile}: ${(error as Error).message}`);
      return EXIT_FAILURE;
    }
  }
  const unreachable = people.filter((person) => !person.reachable);
  const headline = `${people.length - unreachable.length} of ${people.length} active people can be reached on ${platforms.map((p) => PLATFORM_NAMES[p]).join(" or ")}; ${unreachable.length} can't yet.`;
  if (csvFile !== undefined) {
    if (csvFile !== "-") ctx.out(`${headline} Wrote ${people.length} people to ${csvFile}.`);
    return EXIT_OK;
  }
  ctx.out(headline);
  for (const person of people) ctx.out(describePerson(person, platforms));
  return EXIT_OK;
}

function describePerson(person: PersonReach, platforms: PlatformName[]): string {
  const parts = platforms.map((platform) => {
    const reach = person.platforms[platform]!;
    return reach.reachable
      ? `${PLATFORM_NAMES[platform]}: reachable`
      : `${PLATFORM_NAMES[platform]}: no (${reach.reason})`;
  });
  return `${person.reachable ? "  " : "! "}${person.name} <${person.email}>  ${parts.join("  ")}`;
}
