import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { giveKudos } from "../../../src/domain/kudos/give-kudos.ts";
import { kudosLeaderboard } from "../../../src/domain/kudos/kudos-leaderboard.ts";
import { AppError } from "../../../src/shared/errors.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { createPerson, domainContext } from "../../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

async function team() {
  const giver = await createPerson(db, { name: "Bob", slackUserId: "UBOB", timeZone: "America/New_York" });
  const alice = await createPerson(db, { name: "Alice", slackUserId: "UALICE" });
  const carol = await createPerson(db, { name: "Carol", slackUserId: "UCAROL" });
  return { giver, alice, carol };
}

const base = {
  platform: "slack" as const,
  message: "thanks for the demo",
  channel: { kind: "slack-channel" as const, channel: "C1" },
};

async function rejection(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("giving kudos", () => {
  it("records one kudos per recipient and queues a DM to each plus one public post", async () => {
    const { giver, alice, carol } = await team();
    const ctx = domainContext(db);
    const result = await giveKudos(ctx, {
      ...base,
      giverId: giver.id,
      recipientIds: [alice.id, carol.id],
      value: "teamwork",
      requestKey: "r1",
    });

    expect(result.kudos.map((k) => k.recipientName).sort()).toEqual(["Alice", "Carol"]);
    expect(await db.prisma.kudos.count()).toBe(2);
    const deliveries = await db.prisma.delivery.findMany({ orderBy: { kind: "asc" } });
    expect(deliveries.map((d) => d.kind)).toEqual(["kudos.announced", "kudos.received", "kudos.received"]);
    expect(deliveries.find((d) => d.kind === "kudos.announced")?.target).toEqual({
      kind: "slack-channel",
      channel: "C1",
    });
  });

  it("posts to the configured kudos channel rather than the channel it was given in", async () => {
    const { giver, alice } = await team();
    const result = await giveKudos(
      domainContext(db),
      { ...base, giverId: giver.id, recipientIds: [alice.id], requestKey: "r1" },
      { slackKudosChannel: "CKUDOS" },
    );
    expect(result.announcedIn).toEqual({ kind: "slack-channel", channel: "CKUDOS" });
  });

  it("never posts private kudos publicly, but still tells the recipient", async () => {
    const { giver, alice } = await team();
    await giveKudos(domainContext(db), {
      ...base,
      giverId: giver.id,
      recipientIds: [alice.id],
      visibility: "private",
      requestKey: "r1",
    });
    const kinds = (await db.prisma.delivery.findMany()).map((d) => d.kind);
    expect(kinds).toEqual(["kudos.received"]);
  });

  it("stores a retried request once and queues nothing new", async () => {
    const { giver, alice } = await team();
    const ctx = domainContext(db);
    await giveKudos(ctx, { ...base, giverId: giver.id, recipientIds: [alice.id], requestKey: "same" });
    const again = await giveKudos(ctx, { ...base, giverId: giver.id, recipientIds: [alice.id], requestKey: "same" });
    expect(again.duplicate).toBe(true);
    expect(await db.prisma.kudos.count()).toBe(1);
    expect(await db.prisma.delivery.count()).toBe(2);
  });

  it("refuses self-kudos, empty and over-long messages and unknown values, storing nothing", async () => {
    const { giver, alice } = await team();
    const ctx = domainContext(db);
    const cases = [
      { recipientIds: [giver.id], expected: /yourself/ },
      { recipientIds: [alice.id], message: "   ", expected: /Add a few words/ },
      { recipientIds: [alice.id], message: "x".repeat(501), expected: /at most 500 characters/ },
      { recipientIds: [alice.id], value: "synergy", expected: /#synergy isn't one of our company values/ },
      { recipientIds: [], expected: /Mention at least one person/ },
    ];
    for (const { expected, ...overrides } of cases) {
      const error = await rejection(
        giveKudos(ctx, { ...base, giverId: giver.id, requestKey: `r-${Math.random()}`, ...overrides }),
      );
      expect(error.userMessage).toMatch(expected);
    }
    expect(await db.prisma.kudos.count()).toBe(0);
    expect(await db.prisma.delivery.count()).toBe(0);
  });

  it("refuses a deactivated recipient by name", async () => {
    const { giver } = await team();
    const gone = await createPerson(db, { name: "Dave", active: false });
    const error = await rejection(
      giveKudos(domainContext(db), { ...base, giverId: giver.id, recipientIds: [gone.id], requestKey: "r" }),
    );
    expect(error.userMessage).toMatch(/Dave is no longer active/);
  });

  it("allows five kudos a day in the giver's time zone and refuses the sixth, counting again after local midnight", async () => {
    const { giver, alice, carol } = await team();
    // 23:30 in New York on Wednesday = 04:30 UTC Thursday.
    const clock = new ManualClock("2026-11-26T04:30:00Z");
    const ctx = domainContext(db, { clock });
    for (let i = 0; i < 5; i++)
      await giveKudos(ctx, {
        ...base,
        giverId: giver.id,
        recipientIds: [i % 2 ? alice.id : carol.id],
        requestKey: `d1-${i}`,
      });
    const error = await rejection(
      giveKudos(ctx, { ...base, giverId: giver.id, recipientIds: [alice.id], requestKey: "d1-6" }),
    );
    expect(error.code).toBe("LIMIT_REACHED");
    expect(error.userMessage).toMatch(/0 left today/);

    clock.set("2026-11-26T05:01:00Z"); // 00:01 in New York: a new day for Bob
    await giveKudos(ctx, { ...base, giverId: giver.id, recipientIds: [alice.id], requestKey: "d2-1" });
    expect(await db.prisma.kudos.count()).toBe(6);
  });

  it("counts every recipient toward the daily limit, so thanking three people with two left is refused whole", async () => {
    const { giver, alice, carol } = await team();
    const dave = await createPerson(db, { name: "Dave" });
    const ctx = domainContext(db);
    for (let i = 0; i < 3; i++)
      await giveKudos(ctx, { ...base, giverId: giver.id, recipientIds: [alice.id], requestKey: `k-${i}` });
    await expect(
      giveKudos(ctx, { ...base, giverId: giver.id, recipientIds: [alice.id, carol.id, dave.id], requestKey: "k-3" }),
    ).rejects.toThrow();
    expect(await db.prisma.kudos.count()).toBe(3);
  });

  it("reports recipients Momentum cannot reach yet, and stores their kudos anyway", async () => {
    const { giver } = await team();
    const newcomer = await createPerson(db, { name: "Nia", teamsAadObjectId: "aad-nia" }); // Teams identity without a conversation reference
    const result = await giveKudos(domainContext(db), {
      ...base,
      giverId: giver.id,
      recipientIds: [newcomer.id],
      requestKey: "r",
    });
    expect(result.unreachable).toEqual([{ personId: newcomer.id, name: "Nia" }]);
    expect(await db.prisma.kudos.count()).toBe(1);
  });
});

describe("the kudos leaderboard", () => {
  it("ranks this month's public kudos and leaves private ones out", async () => {
    const { giver, alice, carol } = await team();
    const ctx = domainContext(db);
    await giveKudos(ctx, { ...base, giverId: giver.id, recipientIds: [alice.id], requestKey: "a1" });
    await giveKudos(ctx, { ...base, giverId: giver.id, recipientIds: [carol.id], requestKey: "c1" });
    await giveKudos(ctx, { ...base, giverId: giver.id, recipientIds: [carol.id], requestKey: "c2" });
    await giveKudos(ctx, {
      ...base,
      giverId: giver.id,
      recipientIds: [alice.id],
      visibility: "private",
      requestKey: "a2",
    });
    await giveKudos(ctx, {
      ...base,
      giverId: giver.id,
      recipientIds: [alice.id],
      visibility: "private",
      requestKey: "a3",
    });
    const board = await kudosLeaderboard(ctx, { timeZone: "UTC" });
    expect(board.entries.map((e) => [e.name, e.count])).toEqual([
      ["Carol", 2],
      ["Alice", 1],
    ]);
    expect(board.monthLabel).toBe("November 2026");
  });
});
