import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enqueueDeliveries } from "../../src/domain/notifications/outbox.ts";
import { ManualClock } from "../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../support/database.ts";
import { FakeNotifier, manualWorker, seedPeople } from "./engine-support.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());
beforeEach(async () => resetDatabase(db));

const PRIVATE_TEXT = "you interrupted people in the design review";

describe("private text in the outbox", () => {
  it("is gone from the delivery log once the DM was sent, while a failed delivery keeps it for a retry", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const [alice, bob] = await seedPeople(db.prisma, 2);
    const message = {
      type: "kudos.received" as const,
      kudosId: "k1",
      giverName: "Carol",
      message: PRIVATE_TEXT,
      value: null,
      visibility: "private" as const,
    };
    await enqueueDeliveries(
      db.prisma,
      [
        { key: "dm:alice", kind: "kudos.received", target: { kind: "person", personId: alice }, message },
        { key: "dm:bob", kind: "kudos.received", target: { kind: "person", personId: bob }, message },
      ],
      clock.now(),
    );
    const notifier = new FakeNotifier((_call, personId) => (personId === bob ? { status: 403 } : "ok"));
    await manualWorker(db.prisma, clock, notifier).drain();

    const sent = await db.prisma.delivery.findUniqueOrThrow({ where: { key: "dm:alice" } });
    expect(sent.status).toBe("sent");
    expect(sent.kind).toBe("kudos.received");
    expect(JSON.stringify(sent.message)).not.toContain(PRIVATE_TEXT);
    const failed = await db.prisma.delivery.findUniqueOrThrow({ where: { key: "dm:bob" } });
    expect(failed.status).toBe("failed");
    expect(JSON.stringify(failed.message)).toContain(PRIVATE_TEXT);
  });

  it("is gone from a delivery cancelled because its period ended before it could be sent", async () => {
    const clock = new ManualClock("2026-11-27T15:00:00Z");
    const [alice] = await seedPeople(db.prisma, 1);
    await enqueueDeliveries(
      db.prisma,
      [
        {
          key: "late",
          kind: "notice",
          target: { kind: "person", personId: alice },
          message: { type: "notice", title: "t", text: PRIVATE_TEXT },
          expiresAt: new Date("2026-11-27T14:00:00Z"),
        },
      ],
      new Date("2026-11-27T13:00:00Z"),
    );
    await manualWorker(db.prisma, clock, new FakeNotifier()).drain();
    const row = await db.prisma.delivery.findUniqueOrThrow({ where: { key: "late" } });
    expect(row.status).toBe("cancelled");
    expect(JSON.stringify(row.message)).not.toContain(PRIVATE_TEXT);
  });
});
