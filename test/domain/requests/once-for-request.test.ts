// A write a platform may deliver twice runs once: the request key is claimed in the same transaction as the use
// case's own writes, including the transactions the use case opens itself, so a failure leaves neither behind.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setAway } from "../../../src/domain/people/set-away.ts";
import { onceForRequest } from "../../../src/domain/request-keys.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { withFaults, type DatabaseFaults } from "../../support/faulty-database.ts";
import { createPerson, domainContext } from "../../support/fixtures.ts";

let db: TestDatabase;
let faulty: TestDatabase;
let faults: DatabaseFaults;
beforeAll(async () => {
  db = await createTestDatabase();
  ({ db: faulty, faults } = withFaults(db));
});
afterAll(() => db?.drop());
beforeEach(async () => {
  faults.reset();
  await resetDatabase(db);
});

const clock = new ManualClock("2026-11-25T12:00:00Z");
const ctx = () => domainContext(faulty, { clock });

async function awayUntil(personId: string) {
  return (await db.prisma.person.findUniqueOrThrow({ where: { id: personId } })).awayUntil;
}

describe("a keyed request", () => {
  it("when the same request comes twice, the use case runs once and the second is told it was already done", async () => {
    const person = await createPerson(db, { timeZone: "Europe/Berlin" });
    const first = await onceForRequest(ctx(), "teams:chat:1", (domain) =>
      setAway(domain, { personId: person.id, until: "2026-12-01" }),
    );
    expect(first).toMatchObject({ done: true, result: { awayUntil: "2026-12-01" } });

    await db.prisma.person.update({ where: { id: person.id }, data: { awayUntil: null } });
    const again = await onceForRequest(ctx(), "teams:chat:1", (domain) =>
      setAway(domain, { personId: person.id, until: "2026-12-01" }),
    );
    expect(again).toEqual({ done: false });
    expect(await awayUntil(person.id)).toBeNull();
  });

  it("when a step inside the use case's own transaction fails, nothing is kept and the retry does the work once", async () => {
    const person = await createPerson(db, { timeZone: "Europe/Berlin" });
    // setAway updates the person, then cancels queued messages in the same transaction: the second step fails.
    faults.fail("Delivery", "updateMany");
    await expect(
      onceForRequest(ctx(), "teams:chat:2", (domain) => setAway(domain, { personId: person.id, until: "2026-12-01" })),
    ).rejects.toThrow();
    expect(await awayUntil(person.id)).toBeNull();
    expect(await db.prisma.processedEvent.count()).toBe(0);

    const retried = await onceForRequest(ctx(), "teams:chat:2", (domain) =>
      setAway(domain, { personId: person.id, until: "2026-12-01" }),
    );
    expect(retried.done).toBe(true);
    expect(await awayUntil(person.id)).toBe("2026-12-01");
  });

  it("when a refusal is thrown, the key stays free, so the corrected request is not taken for a duplicate", async () => {
    const person = await createPerson(db, { timeZone: "Europe/Berlin" });
    await expect(
      onceForRequest(ctx(), "teams:chat:3", (domain) => setAway(domain, { personId: person.id, until: "2020-01-01" })),
    ).rejects.toThrow(/in the past/);
    expect(await db.prisma.processedEvent.count()).toBe(0);
  });
});
