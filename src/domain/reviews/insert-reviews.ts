// A cycle's review rows in one statement: INSERT … SELECT FROM unnest(arrays), like enqueueDeliveries. createMany
// sends every row's values as bind parameters through the driver adapter, which cost about 0.5 ms a row: a launch
// for 10,000 people (20,000 reviews) spent seconds there alone.
import type { Tx } from "../context.ts";

export interface NewReview {
  id: string;
  cycleId: string;
  kind: "self" | "manager";
  subjectId: string;
  authorId: string;
}

/** Inserts the reviews that are new (one per cycle, subject and kind); returns how many were. */
export async function insertReviews(tx: Tx, reviews: NewReview[], now: Date): Promise<number> {
  if (reviews.length === 0) return 0;
  const column = <K extends keyof NewReview>(name: K) => reviews.map((review) => review[name]);
  // Timestamps travel as ISO text and are stored as UTC wall time, which is how Prisma stores DateTime.
  return tx.$executeRaw`
    INSERT INTO "Review" ("id", "cycleId", "kind", "subjectId", "authorId", "status", "createdAt", "updatedAt")
    SELECT v.id, v.cycle_id, v.kind::"ReviewKind", v.subject_id, v.author_id, 'pending'::"ReviewStatus",
           (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'), (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
    FROM unnest(${column("id")}::text[], ${column("cycleId")}::text[], ${column("kind")}::text[], ${column("subjectId")}::text[], ${column("authorId")}::text[])
      AS v(id, cycle_id, kind, subject_id, author_id)
    ON CONFLICT ("cycleId", "subjectId", "kind") DO NOTHING`;
}
