import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../../src/domain/notifications/messages.ts";
import { oneOnOnePromptsJob } from "../../../src/jobs/definitions/one-on-one-prompts.ts";
import { teamSummariesJob } from "../../../src/jobs/definitions/team-summaries.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { FEEDBACK_TEXT, NOTE_TEXT, seedOrg } from "../../domain/summaries/manager-week-fixtures.ts";
import { jobContext, sweep, tick, type JobContext } from "./job-harness.ts";
import { SEEDED_AT } from "../../support/fixtures.ts";

let db: TestDatabase;
let ctx: JobContext;
let org: Awaited<ReturnType<typeof seedOrg>>;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(async () => {
  await resetDatabase(db);
  ctx = jobContext(db);
  org = await seedOrg(db);
});
const delivery = (key: string) => db.prisma.delivery.findUniqueOrThrow({ where: { key } });

describe("the 1:1 prompt job", () => {
  it("queues one agenda per pair an hour before a Friday 10:00 slot in the manager's zone, expiring at the slot, with the data the manager needs", async () => {
    await db.prisma.person.update({ where: { id: org.mia.id }, data: { timeZone: "Europe/Berlin" } });
    await db.prisma.oneOnOne.create({
      data: {
        managerId: org.mia.id,
        reportId: org.ana.id,
        weekday: 5,
        time: "10:00",
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      },
    });
    // This week's kudos are on the agenda; the one of 26 November is more than a week old by then.
    await db.prisma.kudos.create({
      data: {
        batchId: "b3",
        requestKey: "k3",
        giverId: org.cy.id,
        recipientId: org.ana.id,
        message: "Thanks for the release",
        platform: "teams",
        createdAt: new Date("2026-12-01T10:00:00Z"),
      },
    });
    await db.prisma.kudos.create({
      data: {
        batchId: "b4",
        requestKey: "k4",
        giverId: org.ben.id,
        recipientId: org.ana.id,
        message: "Private thanks",
        visibility: "private",
        platform: "slack",
        createdAt: new Date("2026-12-02T10:00:00Z"),
      },
    });
    const found = await sweep(ctx, oneOnOnePromptsJob, "2026-12-04T07:00:00Z", "2026-12-04T10:00:00Z", 15);
    const key = `one-on-one:${org.mia.id}:${org.ana.id}:2026-W49`;
    expect(found).toEqual([{ at: "2026-12-04T08:00:00.000Z", key }]);
    const row = await delivery(key);
    expect(row).toMatchObject({ personId: org.mia.id, respectQuietHours: true, kind: "one-on-one.prompt" });
    expect(row.expiresAt?.toISOString()).toBe("2026-12-04T09:00:00.000Z");
    const { agenda } = row.message as Extract<OutboundMessage, { type: "one-on-one.prompt" }>;
    expect(agenda).toMatchObject({ reportName: "Ana", periodKey: "2026-W49", slotLabel: "Friday 4 December, 10:00" });
    expect(agenda.checkIn).toEqual({
      weekLabel: "Week 48, 2026",
      mood: 2,
      moodTrend: [4, 4, 4, 2],
      trend: "down",
      blockers: "Waiting for the security review",
      forManager: "Talk about the roadmap",
    });
    expect(agenda.goals).toMatchObject([{ title: "Ship the billing export", atRisk: ["past its due date"] }]);
    expect(agenda.kudos).toEqual({
      count: 2,
      publicItems: [{ giverName: "Cy", message: "Thanks for the release" }],
      privateCount: 1,
    });
    expect(JSON.stringify(agenda)).not.toContain("Private thanks");
    expect(agenda.feedback).toEqual({ count: 1, excerpts: [FEEDBACK_TEXT] });
    expect(agenda.pendingReviews).toEqual([{ cycleName: "H2 2026", kind: "self", status: "pending" }]);
    expect(agenda.notes.map((note) => note.text)).toEqual([NOTE_TEXT]);
  });

  it("another manager's agenda never carries Mia's notes or feedback shared with Mia", async () => {
    await tick(ctx, oneOnOnePromptsJob, "2026-11-27T17:00:00Z");
    const keys = await db.prisma.delivery.findMany({
      where: { kind: "one-on-one.prompt" },
      select: { key: true, personId: true, message: true },
    });
    expect(keys.map((row) => row.key).sort()).toEqual(
      [org.ana, org.ben, org.cy, org.dee, org.eve]
        .map((report) => `one-on-one:${org.mia.id}:${report.id}:2026-W49`)
        .concat([org.pia, org.quin].map((report) => `one-on-one:${org.otto.id}:${report.id}:2026-W49`))
        .sort(),
    );
    for (const row of keys.filter((entry) => entry.personId !== org.mia.id)) {
      expect(JSON.stringify(row.message)).not.toContain(NOTE_TEXT);
      expect(JSON.stringify(row.message)).not.toContain(FEEDBACK_TEXT);
    }
    const benAgenda = keys.find((row) => row.key.includes(org.ben.id))!;
    expect(JSON.stringify(benAgenda.message)).not.toContain(NOTE_TEXT);
    // A second tick (another instance, a restart) adds nothing.
    expect(await tick(ctx, oneOnOnePromptsJob, "2026-11-27T17:05:00Z")).toEqual([]);
  });
});

describe("the team summary job", () => {
  it("queues one summary per manager at Monday 09:00 in their zone, once a week, and none for people without reports", async () => {
    await db.prisma.person.update({ where: { id: org.otto.id }, data: { timeZone: "America/New_York" } });
    expect(await tick(ctx, teamSummariesJob, "2026-11-30T08:59:00Z")).toEqual([]);
    expect(await tick(ctx, teamSummariesJob, "2026-11-30T09:00:00Z")).toEqual([`team-summary:${org.mia.id}:2026-W49`]);
    expect(await tick(ctx, teamSummariesJob, "2026-11-30T14:00:00Z")).toEqual([`team-summary:${org.otto.id}:2026-W49`]);
    expect(await tick(ctx, teamSummariesJob, "2026-12-02T09:00:00Z")).toEqual([]);
    const row = await delivery(`team-summary:${org.mia.id}:2026-W49`);
    expect(row.expiresAt?.toISOString()).toBe("2026-12-07T09:00:00.000Z");
    const { summary } = row.message as Extract<OutboundMessage, { type: "team.summary" }>;
    expect(summary.reports.slice(0, 2).map((report) => report.name)).toEqual(["Ana", "Ben"]);
    expect(JSON.stringify(row.message)).not.toContain(FEEDBACK_TEXT);
    expect(JSON.stringify(row.message)).not.toContain(NOTE_TEXT);
  });
});
