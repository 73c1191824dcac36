// Reaching everyone HR imported on Slack, through the real WebClient against the fake Web API: nobody but HR has
// ever touched the bot. The import finds people by email (users.list pages), the Friday prompt then reaches each
// of them at 15:00 in their own zone, a review launch reaches every participant, and the outbox looks up someone
// imported later (users.lookupByEmail) before it would fail. Never by name; never a deleted account or a guest.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { it } from "../../support/slack-fixture.ts";
import type { CliContext } from "../../../src/cli/cli-context.ts";
import { listReach } from "../../../src/cli/commands/people-reach.ts";
import { importPeopleFile } from "../../../src/cli/commands/people.ts";
import { enqueueDeliveries } from "../../../src/domain/notifications/outbox.ts";
import { createReviewCycle } from "../../../src/domain/reviews/create-review-cycle.ts";
import { launchReviewCycle } from "../../../src/domain/reviews/launch-review-cycle.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import type { TestDatabase } from "../../support/database.ts";
import type { FakeSlackUser } from "../../support/fake-slack.ts";
import { FAST_DIRECTORY_TIERS, type SlackHarness } from "../../support/slack.ts";
import { SEEDED_AT } from "../../support/fixtures.ts";

let db: TestDatabase;
let harness: SlackHarness;
let dir: string;
// Thursday 26 November 2026: the Friday check-in slot (15:00 local) comes next.
const clock = new ManualClock("2026-11-26T12:00:00Z");

const hana: FakeSlackUser = { id: "UHANA", name: "Hana HR", email: "hana@example.com", tz: "UTC" };
const alice: FakeSlackUser = { id: "UALICE", name: "Alice Berlin", email: "Alice@Example.com", tz: "Europe/Berlin" };
const bob: FakeSlackUser = { id: "UBOB", name: "Bob Tokyo", email: "bob@example.com", tz: "America/New_York" };
const dora: FakeSlackUser = { id: "UDORA", name: "Dora Gone", email: "dora@example.com", tz: "UTC", deleted: true };
const gus: FakeSlackUser = { id: "UGUS", name: "Gus Guest", email: "gus@example.com", tz: "UTC", guest: "restricted" };
// Same name as the imported Sam, another email: never linked.
const otherSam: FakeSlackUser = { id: "USAMOTHER", name: "Sam Same", email: "sam@elsewhere.example", tz: "UTC" };
const botUser: FakeSlackUser = { id: "UBOTX", name: "Deploy Bot", email: "deploy@example.com", isBot: true };

const CSV = [
  "email,name,manager_email,role,timezone",
  "hana@example.com,Hana HR,,hr,",
  "alice@example.com,Alice Berlin,hana@example.com,,",
  "bob@example.com,Bob Tokyo,hana@example.com,,Asia/Tokyo",
  "dora@example.com,Dora Gone,hana@example.com,,",
  "gus@example.com,Gus Guest,,,",
  "sam@example.com,Sam Same,,,",
  "deploy@example.com,Deploy Bot,,,",
].join("\n");

it.override("slackOptions", {
  clock,
  slack: { directory: { tiers: FAST_DIRECTORY_TIERS, pageSize: 2 } },
  people: false,
});
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "momentum-reach-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
it.beforeEach(async ({ db: testDb, harness: testHarness }) => {
  [db, harness] = [testDb, testHarness];
  clock.set("2026-11-26T12:00:00Z");
  for (const user of [hana, alice, bob, dora, gus, otherSam, botUser]) harness.fake.addUser(user);
});

function cli(): CliContext & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const { domain, directories } = harness.service;
  return {
    domain,
    directories,
    platforms: ["slack"],
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    stdout,
    stderr,
  };
}

async function importOrg() {
  const path = join(dir, "people.csv");
  writeFileSync(path, CSV);
  const ctx = cli();
  expect(await importPeopleFile(ctx, path)).toBe(0);
  return ctx;
}

async function personByEmail(email: string) {
  return db.prisma.person.findUniqueOrThrow({
    where: { email },
    include: { slackIdentities: true, reachability: true },
  });
}

const dmsTo = (user: FakeSlackUser) =>
  harness.fake.sent("chat.postMessage").filter((call) => call.args.channel === `DM${user.id.slice(1)}`);

describe("reaching people HR imported, on Slack", () => {
  it("when HR imports the org, each person is linked to the Slack user with their email, paging through users.list", async () => {
    const ctx = await importOrg();

    expect((await personByEmail("alice@example.com")).slackIdentities.map((identity) => identity.userId)).toEqual([
      "UALICE",
    ]);
    expect((await personByEmail("bob@example.com")).slackIdentities.map((identity) => identity.userId)).toEqual([
      "UBOB",
    ]);
    // Seven users, pages of two: four users.list calls, each after the first carrying the previous cursor.
    const pages = harness.fake.calls("users.list");
    expect(pages).toHaveLength(4);
    expect(pages.every((call) => call.args.limit === "2")).toBe(true);
    expect(pages.slice(1).every((call) => typeof call.args.cursor === "string" && call.args.cursor.length > 0)).toBe(
      true,
    );
    expect(harness.fake.calls("users.lookupByEmail")).toHaveLength(0);
    expect(ctx.stdout.join("\n")).toMatch(/Slack: 3 people reachable \(3 newly found among 7 Slack accounts\)/);
  });

  it("when a Slack user only shares a name with an imported person, or is a bot, a guest or deleted, nobody is linked to them", async () => {
    await importOrg();

    for (const email of ["sam@example.com", "gus@example.com", "dora@example.com", "deploy@example.com"]) {
      expect((await personByEmail(email)).slackIdentities).toEqual([]);
    }
    expect(
      await db.prisma.slackIdentity.count({ where: { userId: { in: ["USAMOTHER", "UGUS", "UDORA", "UBOTX"] } } }),
    ).toBe(0);
  });

  it("a time zone HR chose is kept, and an unset one comes from the Slack profile", async () => {
    await importOrg();

    expect((await personByEmail("alice@example.com")).timeZone).toBe("Europe/Berlin");
    expect((await personByEmail("bob@example.com")).timeZone).toBe("Asia/Tokyo");
  });

  it("people reach lists every active person, and for the unreachable, why", async () => {
    await importOrg();
    const ctx = cli();

    expect(await listReach(ctx)).toBe(0);
    const lines = ctx.stdout.join("\n");
    expect(lines).toMatch(/3 of 7 active people can be reached on Slack; 4 can't yet\./);
    expect(lines).toContain("! Dora Gone <dora@example.com>  Slack: no (Slack account deactivated)");
    expect(lines).toContain("! Sam Same <sam@example.com>  Slack: no (not in the Slack workspace)");
    expect(lines).toContain(
      "! Gus Guest <gus@example.com>  Slack: no (a Slack guest account (guests are not messaged))",
    );
    expect(lines).toContain("  Alice Berlin <alice@example.com>  Slack: reachable");

    const file = join(dir, "reach.csv");
    expect(await listReach(cli(), file)).toBe(0);
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(file, "utf8")).toContain("dora@example.com,Dora Gone,no,no,Slack account deactivated");
  });

  it("journey: CSV import, then the Friday check-in prompt reaches every imported person at 15:00 in their own zone", async () => {
    await importOrg();
    // The week that opens at each person's Friday 15:00 closes a week later.
    const newWeekPrompt = (user: FakeSlackUser) =>
      dmsTo(user).filter((call) => String(call.args.text).includes("open until Friday 4 December"));
    const at = async (instant: string) => {
      clock.set(instant);
      await harness.service.scheduler.tick();
      await harness.service.settle();
    };

    await at("2026-11-27T06:00:00Z"); // 15:00 in Tokyo
    expect([newWeekPrompt(bob).length, newWeekPrompt(alice).length, newWeekPrompt(hana).length]).toEqual([1, 0, 0]);
    await at("2026-11-27T14:00:00Z"); // 15:00 in Berlin
    expect([newWeekPrompt(bob).length, newWeekPrompt(alice).length, newWeekPrompt(hana).length]).toEqual([1, 1, 0]);
    await at("2026-11-27T15:00:00Z"); // 15:00 in UTC
    expect([newWeekPrompt(bob).length, newWeekPrompt(alice).length, newWeekPrompt(hana).length]).toEqual([1, 1, 1]);
    // The deleted account is never even opened a DM with; the guest and the same-named stranger get nothing.
    const opened = harness.fake.calls("conversations.open").map((call) => call.args.users);
    for (const user of [dora, gus, otherSam, botUser]) expect(opened).not.toContain(user.id);
  });

  it("journey: a review launch reaches every reachable participant, and tells HR how many can't be reached instead of promising everyone", async () => {
    clock.set("2026-11-26T08:30:00Z"); // inside working hours in Tokyo and Berlin; Hana's UTC day starts at 09:00
    await importOrg();
    const hr = await personByEmail("hana@example.com");
    const ids = await Promise.all(
      ["hana@example.com", "alice@example.com", "bob@example.com", "dora@example.com"].map(
        async (email) => (await personByEmail(email)).id,
      ),
    );
    const created = await createReviewCycle(harness.service.domain, {
      actorId: hr.id,
      name: "H2 2026",
      participants: { kind: "people", personIds: ids },
      selfDueDate: "2026-12-10",
      managerDueDate: "2026-12-17",
    });

    const launched = await launchReviewCycle(harness.service.domain, { actorId: hr.id, cycleId: created.cycleId });
    await harness.service.settle();
    clock.set("2026-11-26T09:30:00Z"); // Hana's (UTC) working day starts: her request was held for it
    await harness.service.settle();

    expect(launched.unreachable).toBe(1);
    for (const user of [hana, alice, bob]) expect(dmsTo(user).length, user.name).toBe(1);
    expect(dmsTo(dora)).toHaveLength(0);
    const { reviewLaunchedMessage } = await import("../../../src/platforms/slack/views/review-replies.ts");
    const text = JSON.stringify(reviewLaunchedMessage(launched).blocks);
    expect(text).toContain("3 of the 4 taking part get a message now");
    expect(text).not.toContain("Everyone taking part");
  });

  it("when someone was imported after the sync, the outbox looks them up by email before it would fail their message", async () => {
    await importOrg();
    const nia = harness.fake.addUser({ id: "UNIA", name: "Nia New", email: "nia@example.com", tz: "Europe/Paris" });
    const person = await db.prisma.person.create({
      data: { email: "nia@example.com", name: "Nia New", timeZone: "UTC", createdAt: SEEDED_AT, updatedAt: SEEDED_AT },
    });
    await enqueueDeliveries(
      db.prisma,
      [
        {
          key: "t:nia",
          kind: "test",
          target: { kind: "person", personId: person.id },
          message: { type: "notice", title: "Hello", text: "hello" },
        },
      ],
      clock.now(),
    );

    await harness.service.settle();

    expect(harness.fake.calls("users.lookupByEmail").map((call) => call.args.email)).toEqual(["nia@example.com"]);
    expect(dmsTo(nia)).toHaveLength(1);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).timeZone).toBe("Europe/Paris");
  });

  it("when Slack answers users_not_found, the row fails with the reason; a 429 defers it instead of failing it", async () => {
    await importOrg();
    const ghost = await db.prisma.person.create({
      data: { email: "ghost@example.com", name: "Ghost", timeZone: "UTC", createdAt: SEEDED_AT, updatedAt: SEEDED_AT },
    });
    const later = await db.prisma.person.create({
      data: { email: "later@example.com", name: "Later", timeZone: "UTC", createdAt: SEEDED_AT, updatedAt: SEEDED_AT },
    });
    harness.fake.inject({
      method: "users.lookupByEmail",
      when: (call) => call.args.email === "later@example.com",
      times: 1,
      fault: { kind: "rate-limit", retryAfterSeconds: 30 },
    });
    await enqueueDeliveries(
      db.prisma,
      [ghost, later].map((person) => ({
        key: `t:${person.id}`,
        kind: "test",
        target: { kind: "person" as const, personId: person.id },
        message: { type: "notice", title: "Hello", text: "hello" },
      })),
      clock.now(),
    );

    await harness.service.settle();

    const rows = await db.prisma.delivery.findMany({
      where: { kind: "test" },
      select: { personId: true, status: true, lastError: true, attempts: true },
    });
    const ghostRow = rows.find((row) => row.personId === ghost.id)!;
    expect(ghostRow.status).toBe("failed");
    expect(ghostRow.lastError).toContain("not in the Slack workspace");
    const laterRow = rows.find((row) => row.personId === later.id)!;
    expect(laterRow.status).toBe("pending");
    expect(laterRow.attempts).toBe(0);
  });

  it("when Slack reports a linked account deleted, the next sync marks it deactivated and no prompt goes to it", async () => {
    await importOrg();
    harness.fake.addUser({ ...alice, deleted: true });

    expect(await harness.service.directories[0].sync()).toMatchObject({ platform: "slack", reachable: 2 });
    const person = await personByEmail("alice@example.com");
    expect(person.slackIdentities[0].deactivatedAt).not.toBeNull();
    expect(person.reachability.find((row) => row.platform === "slack")?.reason).toBe("slack_deactivated");

    clock.set("2026-11-27T14:00:00Z");
    await harness.service.scheduler.tick();
    await harness.service.settle();
    expect(dmsTo(alice)).toHaveLength(0);
  });

  it("users.list answering 429 with Retry-After is waited out and the sync completes", async () => {
    await importOrg();
    harness.fake.reset();
    for (const user of [hana, alice, bob]) harness.fake.addUser(user);
    harness.fake.inject({ method: "users.list", times: 1, fault: { kind: "rate-limit", retryAfterSeconds: 1 } });

    const summary = await harness.service.directories[0].sync();

    expect(summary.members).toBe(3);
    expect(harness.fake.calls("users.list").map((call) => call.failure ?? "ok")).toEqual(["429", "ok", "ok"]);
  });

  it("when Slack refuses a DM because the account was deactivated since the sync, Momentum stops trying that account", async () => {
    await importOrg();
    harness.fake.addUser({ ...bob, deleted: true });
    const person = await personByEmail("bob@example.com");
    const queue = (key: string) =>
      enqueueDeliveries(
        db.prisma,
        [
          {
            key,
            kind: "test",
            target: { kind: "person", personId: person.id },
            message: { type: "notice", title: "Hello", text: "hello" },
          },
        ],
        clock.now(),
      );

    await queue("t:first");
    await harness.service.settle();
    expect((await personByEmail("bob@example.com")).slackIdentities[0].deactivatedAt).not.toBeNull();

    const opensBefore = harness.fake.calls("conversations.open").length;
    await queue("t:second");
    await harness.service.settle();
    expect(harness.fake.calls("conversations.open")).toHaveLength(opensBefore);
    const second = await db.prisma.delivery.findUniqueOrThrow({ where: { key: "t:second" } });
    expect(second.status).toBe("failed");
    expect(second.lastError).toContain("Slack account deactivated");
  });
});
