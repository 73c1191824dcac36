// `momentum deliveries failed` and `momentum deliveries retry ID|--all-failed`: what the outbox gave up on, for
// admins. The listing names the kind, the recipient, the attempts and the last error, never a message body.
import type { PrismaClient } from "../../db/database.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DeliveryTarget } from "../../domain/notifications/notifier.ts";

export interface DeliveriesCommandContext {
  prisma: PrismaClient;
  clock: Clock;
  out: (line: string) => void;
}

const USAGE = [
  "usage: momentum deliveries failed                 list deliveries that failed for good",
  "       momentum deliveries retry <id>             try one failed delivery again",
  "       momentum deliveries retry --all-failed     try every failed delivery again",
];

/** Returns the process exit code: 0 done, 1 nothing matched, 2 bad usage. */
export async function runDeliveriesCommand(args: string[], ctx: DeliveriesCommandContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "failed" && rest.length === 0) return listFailed(ctx);
  if (sub === "retry" && rest.length === 1) return retry(rest[0], ctx);
  USAGE.forEach((line) => ctx.out(line));
  return 2;
}

async function listFailed({ prisma, out }: DeliveriesCommandContext): Promise<number> {
  const failed = await prisma.delivery.findMany({
    where: { status: "failed" },
    orderBy: { updatedAt: "desc" },
    take: 500,
    select: {
      id: true,
      kind: true,
      target: true,
      attempts: true,
      lastError: true,
      updatedAt: true,
      person: { select: { email: true } },
    },
  });
  if (failed.length === 0) {
    out("No failed deliveries.");
    return 0;
  }
  const total = await prisma.delivery.count({ where: { status: "failed" } });
  out(
    `${total} failed deliver${total === 1 ? "y" : "ies"}${total > failed.length ? ` (newest ${failed.length} shown)` : ""}:`,
  );
  out(["id", "kind", "recipient", "attempts", "failed at", "last error"].join("\t"));
  for (const row of failed) {
    const recipient = row.person?.email ?? channelOf(row.target as DeliveryTarget | null);
    out(
      [
        row.id,
        row.kind,
        recipient,
        String(row.attempts),
        row.updatedAt.toISOString(),
        oneLine(row.lastError ?? ""),
      ].join("\t"),
    );
  }
  out("Retry with: momentum deliveries retry <id>  or  momentum deliveries retry --all-failed");
  return 0;
}

async function retry(which: string, { prisma, clock, out }: DeliveriesCommandContext): Promise<number> {
  const where = which === "--all-failed" ? { status: "failed" as const } : { id: which, status: "failed" as const };
  // A fresh set of attempts, due now. Rows whose period is over are cancelled by the worker, not sent late.
  const now = clock.now();
  const expired = await prisma.delivery.count({ where: { ...where, expiresAt: { lte: now } } });
  const { count } = await prisma.delivery.updateMany({
    where,
    data: { status: "pending", attempts: 0, notBefore: now, leaseOwner: null, leaseUntil: null, updatedAt: now },
  });
  if (count === 0) {
    out(which === "--all-failed" ? "No failed deliveries to retry." : `No failed delivery with id ${which}.`);
    return which === "--all-failed" ? 0 : 1;
  }
  out(
    `Queued ${count} deliver${count === 1 ? "y" : "ies"} for another try; the running service sends ${count === 1 ? "it" : "them"} within seconds.`,
  );
  if (expired > 0)
    out(`${expired} of them belong to a period that is over and will be cancelled instead of sent late.`);
  return 0;
}

function channelOf(target: DeliveryTarget | null): string {
  if (target?.kind === "slack-channel") return `slack channel ${target.channel}`;
  if (target?.kind === "teams-channel") return `teams channel ${target.conversationId}`;
  return "(unknown)";
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").slice(0, 200);
}
