// Wires the deliveries commands (src/cli/commands/deliveries.ts, which checks its own arguments once the
// database is open) into the dispatcher's group list, with the help text the dispatcher shows for --help.
import type { CommandGroup } from "./cli-context.ts";
import { runDeliveriesCommand } from "./commands/deliveries.ts";

export const deliveriesCommands: CommandGroup = {
  name: "deliveries",
  summary: "list failed outbox deliveries and retry them",
  help: `Usage: npm run momentum -- deliveries <command>

Commands:
  failed               List deliveries that failed for good (kind, recipient, attempts, last error).
  retry ID             Try one failed delivery again.
  retry --all-failed   Try every failed delivery again.`,
  prepare: (args) => (ctx) =>
    runDeliveriesCommand(args, { prisma: ctx.domain.prisma, clock: ctx.domain.clock, out: ctx.out }),
};
