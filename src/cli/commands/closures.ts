// `momentum closures add|list|remove`: company closure days from the command line (operators act for HR, so no role
// check beyond access to the machine; each change is audited as "cli"). Dates are local to each person.
import {
  addClosure,
  listClosures,
  managerIdByEmail,
  removeClosure,
  type ClosureView,
} from "../../domain/holidays/closures.ts";
import { EXIT_OK, UsageError, type CliContext, type CommandGroup, type PreparedCommand } from "../cli-context.ts";

export const CLOSURES_HELP = `Usage: npm run momentum -- closures <command>

Commands:
  list                                          Closures that have not ended yet: dates, reason, who they cover.
  add START END REASON… [--team MANAGER_EMAIL]  A closure from START to END (YYYY-MM-DD, both included) for everyone,
                                                or for one manager's team (the manager and their direct reports).
  remove START END [--team MANAGER_EMAIL]       Remove that closure.

On closure days nobody covered is prompted, reminded, nudged or summarised: every schedule treats them like a
weekend in each person's own time zone.`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function takeTeam(args: string[]): { rest: string[]; team?: string } {
  const at = args.indexOf("--team");
  if (at < 0) {
    const unknown = args.find((arg) => arg.startsWith("--"));
    if (unknown) throw new UsageError(`unknown option ${unknown}`);
    return { rest: args };
  }
  const team = args[at + 1];
  if (!team || team.startsWith("-")) throw new UsageError("--team needs the manager's email");
  return { rest: [...args.slice(0, at), ...args.slice(at + 2)], team };
}

export const closuresCommands: CommandGroup = {
  name: "closures",
  summary: "add, list and remove company closure days (HR)",
  help: CLOSURES_HELP,
  prepare(args: string[]): PreparedCommand {
    const [command, ...others] = args;
    const { rest, team } = takeTeam(others);
    switch (command) {
      case "list":
        if (rest.length > 0 || team) throw new UsageError("closures list takes no arguments");
        return (ctx) => list(ctx);
      case "add": {
        const [startDate, endDate, ...reason] = rest;
        if (!DATE.test(startDate ?? "") || !DATE.test(endDate ?? ""))
          throw new UsageError("closures add takes the first and last day as YYYY-MM-DD, then the reason");
        if (reason.length === 0) throw new UsageError("closures add needs a reason, e.g. Winter break");
        return (ctx) => add(ctx, startDate, endDate, reason.join(" "), team);
      }
      case "remove": {
        const [startDate, endDate] = rest;
        if (rest.length !== 2 || !DATE.test(startDate) || !DATE.test(endDate))
          throw new UsageError("closures remove takes the first and last day as YYYY-MM-DD");
        return (ctx) => remove(ctx, startDate, endDate, team);
      }
      case undefined:
        throw new UsageError("which closures command? list, add or remove");
      default:
        throw new UsageError(`unknown command "closures ${command}"`);
    }
  },
};

const describe = (closure: ClosureView) =>
  `${closure.startDate}  ${closure.endDate}  ${closure.team ? `team of ${closure.team.managerName}` : "everyone"}  ${closure.reason}`;

async function list(ctx: CliContext): Promise<number> {
  const closures = await listClosures(ctx.domain, "cli");
  if (closures.length === 0) ctx.err("No closures are planned.");
  for (const closure of closures) ctx.out(describe(closure));
  return EXIT_OK;
}

async function add(
  ctx: CliContext,
  startDate: string,
  endDate: string,
  reason: string,
  team?: string,
): Promise<number> {
  const teamManagerId = team ? await managerIdByEmail(ctx.domain, team) : null;
  const result = await addClosure(ctx.domain, "cli", { startDate, endDate, reason, teamManagerId });
  ctx.out(`${result.created ? "added" : "already there"}: ${describe(result.closure)} (${result.people} people)`);
  return EXIT_OK;
}

async function remove(ctx: CliContext, startDate: string, endDate: string, team?: string): Promise<number> {
  const teamManagerId = team ? await managerIdByEmail(ctx.domain, team) : null;
  ctx.out(`removed: ${describe(await removeClosure(ctx.domain, "cli", { startDate, endDate, teamManagerId }))}`);
  return EXIT_OK;
}
