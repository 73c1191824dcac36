// The people of the feedback domain tests: Carol manages Bob and Dana, Erin is a peer elsewhere, Hana is HR, and
// Max manages Carol. Every test starts from this org; a logger capture lets tests prove no text is logged.
import { Writable } from "node:stream";
import pino from "pino";
import { expect } from "vitest";
import { ManualClock } from "../../../src/shared/clock.ts";
import { AppError } from "../../../src/shared/errors.ts";
import type { TestDatabase } from "../../support/database.ts";
import { createPerson, domainContext } from "../../support/fixtures.ts";

export async function feedbackOrg(db: TestDatabase) {
  const max = await createPerson(db, { name: "Max Manager", role: "manager", slackUserId: "UMAX" });
  const carol = await createPerson(db, {
    name: "Carol Chief",
    role: "manager",
    managerId: max.id,
    slackUserId: "UCAROL",
  });
  const bob = await createPerson(db, { name: "Bob Brown", managerId: carol.id, slackUserId: "UBOB" });
  const dana = await createPerson(db, { name: "Dana Doer", managerId: carol.id, slackUserId: "UDANA" });
  const erin = await createPerson(db, { name: "Erin Else", slackUserId: "UERIN" });
  const hana = await createPerson(db, { name: "Hana HR", role: "hr", slackUserId: "UHANA" });
  const loner = await createPerson(db, { name: "Lonnie Loner", slackUserId: "ULONER" });
  const gone = await createPerson(db, { name: "Gone Person", active: false });
  return { max, carol, bob, dana, erin, hana, loner, gone };
}

export function capturedContext(db: TestDatabase, clock = new ManualClock("2026-11-25T12:00:00Z")) {
  const lines: string[] = [];
  const logger = pino(
    { level: "debug" },
    new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }),
  );
  return { ctx: { ...domainContext(db, { clock }), logger }, lines, clock };
}

export async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** The queued DMs: who each goes to, and the message. */
export async function queuedDms(db: TestDatabase) {
  const rows = await db.prisma.delivery.findMany({
    orderBy: { key: "asc" },
    select: { personId: true, target: true, kind: true, message: true },
  });
  return rows.map((row) => ({
    personId: row.personId,
    target: row.target,
    kind: row.kind,
    message: row.message as Record<string, unknown>,
  }));
}
