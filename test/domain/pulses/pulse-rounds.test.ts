// Pulse rounds on the delivery engine: asked at the survey's local time in each person's own zone, exactly once;
// one reminder near the close to everyone asked; the round closes for everyone at once, results
// go back to everyone asked when HR chose so; the next round opens on its own date.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closePulseEarly, stopPulse } from "../../../src/domain/pulses/close-pulse-round.ts";
import { pulseAskKey, pulseReminderKey, pulseResultsKey } from "../../../src/domain/pulses/pulse.schemas.ts";
import { pulseResults } from "../../../src/domain/pulses/pulse-results.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { domainContext } from "../../support/fixtures.ts";
import { answer, launch, markAllSent, reachable, tick, type PulseContext } from "./pulse-support.ts";

let db: TestDatabase;
let ctx: PulseContext;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(async () => {
  await resetDatabase(db);
  const clock = new ManualClock("2026-12-07T12:00:00Z"); // Monday
  ctx = { ...domainContext(db, { clock }), clock };
});

async function org() {
  const hana = await reachable(db, "Hana HR", { role: "hr", timeZone: "UTC" });
  const tokyo = await reachable(db, "Taro", { timeZone: "Asia/Tokyo" });
  const berlin = await reachable(db, "Berta", { timeZone: "Europe/Berlin" });
  const newYork = await reachable(db, "Nora", { timeZone: "America/New_York" });
  return { hana, tokyo, berlin, newYork };
}

describe("pulse rounds", () => {
  it("when HR launches a Tuesday 10:00 pulse, each person is asked at 10:00 on Tuesday in their own zone, exactly once", async () => {
    const { hana, tokyo, berlin, newYork } = await org();
    await launch(ctx, hana.id);

    expect(await tick(ctx, "2026-12-08T00:30:00Z")).toEqual([]);
    const round = (await db.prisma.pulseRound.findFirstOrThrow()).id;
    expect(await tick(ctx, "2026-12-08T01:00:00Z")).toEqual([pulseAskKey(round, tokyo.id)]);
    expect(await tick(ctx, "2026-12-08T09:00:00Z")).toEqual([pulseAskKey(round, berlin.id)]);
    expect(await tick(ctx, "2026-12-08T10:00:00Z")).toEqual([pulseAskKey(round, hana.id)]);
    expect(await tick(ctx, "2026-12-08T15:00:00Z")).toEqual([pulseAskKey(round, newYork.id)]);
    // A second instance, a retried tick, a restart: nothing new.
    expect(await tick(ctx, "2026-12-08T15:00:00Z")).toEqual([]);
    expect(await tick(ctx, "2026-12-08T16:00:00Z")).toEqual([]);
    const ask = await db.prisma.delivery.findUniqueOrThrow({ where: { key: pulseAskKey(round, tokyo.id) } });
    expect(ask.respectQuietHours).toBe(true);
    expect(ask.expiresAt?.toISOString()).toBe("2026-12-11T22:00:00.000Z");
    expect(ask.message).toMatchObject({
      type: "pulse.ask",
      title: "December pulse",
      closesLabel: "Saturday 12 December, 07:00",
      questionCount: 7,
    });
  });

  it("when someone is away on the round's day, they are asked once they are back, while the round is still open", async () => {
    const { hana, berlin } = await org();
    await db.prisma.person.update({ where: { id: berlin.id }, data: { awayUntil: "2026-12-08" } });
    await launch(ctx, hana.id);
    const keys = await tick(ctx, "2026-12-08T16:00:00Z");
    const round = (await db.prisma.pulseRound.findFirstOrThrow()).id;
    expect(keys).not.toContain(pulseAskKey(round, berlin.id));
    expect(await tick(ctx, "2026-12-09T08:00:00Z")).toEqual([pulseAskKey(round, berlin.id)]);
  });

  it("near the close, everyone who was asked gets one reminder, answered or not, so the outbox holds no list of who hasn't answered", async () => {
    const { hana, tokyo, berlin, newYork } = await org();
    await launch(ctx, hana.id);
    await tick(ctx, "2026-12-08T16:00:00Z");
    await markAllSent(db, "2026-12-08T16:00:00Z");
    const round = (await db.prisma.pulseRound.findFirstOrThrow()).id;
    await answer(ctx, tokyo.id, round, 9);
    await answer(ctx, hana.id, round, 8);

    expect(await tick(ctx, "2026-12-10T21:00:00Z")).toEqual([]);
    expect((await tick(ctx, "2026-12-10T22:00:00Z")).sort()).toEqual(
      [tokyo, hana, berlin, newYork].map((person) => pulseReminderKey(round, person.id)).sort(),
    );
    expect(await tick(ctx, "2026-12-11T10:00:00Z")).toEqual([]);
    const reminder = await db.prisma.delivery.findUniqueOrThrow({ where: { key: pulseReminderKey(round, berlin.id) } });
    expect(Object.keys(reminder.message as object).sort()).toEqual(["closesLabel", "roundId", "title", "type"]);
  });

  it("at the close the round closes, results go back to everyone asked once, and the next round opens two weeks later", async () => {
    const { hana, tokyo, berlin, newYork } = await org();
    await launch(ctx, hana.id);
    await tick(ctx, "2026-12-08T16:00:00Z");
    await markAllSent(db, "2026-12-08T16:00:00Z");
    const round = (await db.prisma.pulseRound.findFirstOrThrow()).id;
    for (const person of [tokyo, berlin, newYork, hana]) await answer(ctx, person.id, round, 10);

    const atClose = await tick(ctx, "2026-12-11T22:00:00Z");
    expect(atClose).toEqual([]);
    const shared = await db.prisma.delivery.findMany({ where: { kind: "pulse.results" }, orderBy: { key: "asc" } });
    expect(shared.map((row) => row.key).sort()).toEqual(
      [tokyo, berlin, newYork, hana].map((person) => pulseResultsKey(round, person.id)).sort(),
    );
    // Four answers are fewer than five: the shared results carry no scores.
    expect(shared[0].message).toMatchObject({
      type: "pulse.results",
      results: { answered: 4, asked: 4, enps: null, items: null },
    });
    expect(
      await closePulseEarly(ctx, { actorId: hana.id }).catch((error: { userMessage: string }) => error.userMessage),
    ).toContain("no open round");

    expect(await tick(ctx, "2026-12-21T09:00:00Z")).toEqual([]);
    await tick(ctx, "2026-12-22T10:00:00Z");
    const rounds = await db.prisma.pulseRound.findMany({ orderBy: { number: "asc" } });
    expect(rounds.map((row) => [row.number, row.localDate])).toEqual([
      [1, "2026-12-08"],
      [2, "2026-12-22"],
    ]);
  });

  it("when HR stops a recurring pulse, the open round runs to its close and no further round opens", async () => {
    const { hana, tokyo } = await org();
    await launch(ctx, hana.id);
    await tick(ctx, "2026-12-08T16:00:00Z");
    expect((await stopPulse(ctx, { actorId: hana.id })).stopped).toBe(true);
    expect((await stopPulse(ctx, { actorId: hana.id })).stopped).toBe(false);
    expect(await stopPulse(ctx, { actorId: tokyo.id }).catch((error: { code: string }) => error.code)).toBe(
      "FORBIDDEN",
    );
    await tick(ctx, "2026-12-11T22:00:00Z");
    await tick(ctx, "2026-12-22T12:00:00Z");
    const rounds = await db.prisma.pulseRound.findMany();
    expect(rounds.map((row) => [row.number, row.closedAt?.toISOString()])).toEqual([[1, "2026-12-11T22:00:00.000Z"]]);
  });

  it("after days of downtime, only the latest round opens (never an older one) and the trend lists closed rounds", async () => {
    const { hana, tokyo } = await org();
    await launch(ctx, hana.id, { openDays: 1 });
    await tick(ctx, "2027-01-20T10:00:00Z");
    const rounds = await db.prisma.pulseRound.findMany({ orderBy: { number: "asc" } });
    expect(rounds.map((row) => [row.number, row.localDate])).toEqual([[4, "2027-01-19"]]);
    await markAllSent(db, "2027-01-20T10:00:00Z");
    await answer(ctx, tokyo.id, rounds[0].id, 3);
    await tick(ctx, "2027-01-21T10:00:00Z");
    const results = await pulseResults(ctx, { actorId: hana.id });
    expect(results.round.number).toBe(4);
    expect(results.trend).toEqual([{ number: 4, localDate: "2027-01-19", respondents: 1, enps: null }]);
  });
});
