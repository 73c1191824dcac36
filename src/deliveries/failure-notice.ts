// Admins hear about failed deliveries, at most once a day each: a short notice through the outbox itself, under a
// key per admin and local day, so several instances (or several failures) in one day still make one notice.
import type { PrismaClient } from "../db/database.ts";
import { localIsoDate } from "../domain/schedule/local-time.ts";
import { enqueueDeliveries } from "../domain/notifications/outbox.ts";

export const FAILURE_NOTICE_KIND = "delivery-failures-notice";

export interface FailureNoticeOptions {
  prisma: PrismaClient;
  now: Date;
  /** The org's zone: "a day" is the org's calendar day. */
  timeZone: string;
}

/** Queues today's notice for every active admin who has not had one today; returns how many were queued. */
export async function noticeAdminsOfFailures({ prisma, now, timeZone }: FailureNoticeOptions): Promise<number> {
  const since = new Date(now.getTime() - 24 * 3600_000);
  // The notices themselves are left out: a notice that cannot be delivered must not announce itself forever.
  const failed = await prisma.delivery.count({
    where: { status: "failed", updatedAt: { gte: since }, kind: { not: FAILURE_NOTICE_KIND } },
  });
  if (failed === 0) return 0;
  const admins = await prisma.person.findMany({ where: { role: "admin", active: true }, select: { id: true } });
  const day = localIsoDate(now, timeZone);
  return enqueueDeliveries(
    prisma,
    admins.map((admin) => ({
      key: `${FAILURE_NOTICE_KIND}:${admin.id}:${day}`,
      kind: FAILURE_NOTICE_KIND,
      target: { kind: "person" as const, personId: admin.id },
      message: {
        type: "notice" as const,
        title: "Some messages could not be delivered",
        text:
          `${failed} message${failed === 1 ? "" : "s"} failed for good in the last 24 hours. ` +
          "Run `momentum deliveries failed` to see them and `momentum deliveries retry --all-failed` to try again.",
      },
      expiresAt: new Date(now.getTime() + 24 * 3600_000),
    })),
    now,
  );
}
