// Daily directory sync: from 03:00 in the org's zone, each platform's directory is read once per local day
// (Slack users.list, Teams rosters) and everyone it can find is linked. The day is claimed under a unique key
// with a lease (src/domain/directory/daily-run.ts), so several instances and restarts run it exactly once, and a
// sync whose instance died is taken over when its lease ends, or at once when that instance (same INSTANCE_ID) restarts. It queues nothing: linking is its whole effect.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import {
  claimDailyRun,
  finishDailyRun,
  handBackOwnDailyRuns,
  releaseDailyRun,
} from "../../domain/directory/daily-run.ts";
import type { DirectoryConnector } from "../../domain/directory/directory-ports.ts";
import type { JobDefinition } from "../job.ts";
import { logWarning } from "../../shared/log-error.ts";

export const DIRECTORY_SYNC_LOCAL_HOUR = 3;
const LEASE_MS = 30 * 60 * 1000;
const RETRY_AFTER_FAILURE_MS = 15 * 60 * 1000;

export function directorySyncKey(platform: string, localDate: string): string {
  return `directory-sync:${platform}:${localDate}`;
}

/** `instanceId` names this instance's claims (the service passes INSTANCE_ID); a fresh id when none is given. */
export function directorySyncJob(directories: DirectoryConnector[], instanceId: string = randomUUID()): JobDefinition {
  return {
    id: "directory-sync",
    handBackOwnLeases: (ctx, now) => handBackOwnDailyRuns(ctx, instanceId, now),
    async due(ctx, now) {
      const local = DateTime.fromJSDate(now, { zone: ctx.org.defaultTimeZone });
      if (local.hour < DIRECTORY_SYNC_LOCAL_HOUR) return [];
      for (const directory of directories) {
        const key = directorySyncKey(directory.platform, local.toISODate()!);
        if (!(await claimDailyRun(ctx, key, now, LEASE_MS, instanceId))) continue;
        try {
          await directory.sync();
          await finishDailyRun(ctx, key, ctx.clock.now());
        } catch (error) {
          logWarning(ctx.logger, error, "directory sync failed; it is tried again later today", {
            job: "directory-sync",
            platform: directory.platform,
          });
          await releaseDailyRun(ctx, key, ctx.clock.now(), RETRY_AFTER_FAILURE_MS);
        }
      }
      return [];
    },
  };
}
