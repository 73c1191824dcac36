// Stores directory findings: one row per person and platform, written for a whole sync in one statement
// (10,000 people would otherwise be 10,000 upserts).
import { randomUUID } from "node:crypto";
import type { Tx } from "../context.ts";
import type { ReachFinding } from "./reach.ts";

const CHUNK = 2000;

export async function recordReachability(tx: Tx, findings: ReachFinding[], now: Date): Promise<void> {
  for (let offset = 0; offset < findings.length; offset += CHUNK) {
    const chunk = findings.slice(offset, offset + CHUNK);
    const at = now.toISOString();
    await tx.$executeRaw`
      INSERT INTO "Reachability" ("id", "personId", "platform", "reachable", "reason", "checkedAt", "createdAt", "updatedAt")
      SELECT v.id, v.person_id, v.platform::"Platform", v.reachable, v.reason,
             (${at}::timestamptz AT TIME ZONE 'UTC'), (${at}::timestamptz AT TIME ZONE 'UTC'), (${at}::timestamptz AT TIME ZONE 'UTC')
      FROM unnest(
        ${chunk.map(() => randomUUID())}::text[], ${chunk.map((f) => f.personId)}::text[], ${chunk.map((f) => f.platform)}::text[],
        ${chunk.map((f) => f.reachable)}::boolean[], ${chunk.map((f) => f.reason)}::text[]
      ) AS v(id, person_id, platform, reachable, reason)
      ON CONFLICT ("personId", "platform") DO UPDATE SET
        "reachable" = EXCLUDED."reachable", "reason" = EXCLUDED."reason",
        "checkedAt" = EXCLUDED."checkedAt", "updatedAt" = EXCLUDED."updatedAt"`;
  }
}
