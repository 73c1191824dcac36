import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkInRetentionJob } from "../../../src/jobs/definitions/check-in-retention.ts";
import { ERASED_NAME, erasePerson } from "../../../src/domain/privacy/erase-person.ts";
import { exportPersonData } from "../../../src/domain/privacy/export-person-data.ts";
import { redactOldCheckIns } from "../../../src/domain/privacy/redact-old-check-ins.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { AppError } from "../../../src/shared/errors.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { createPerson, domainContext, SEEDED_AT } from "../../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

/** Ada manages Bob; Bob has a colleague Cy. Everyone has a little history with Bob. */
async function team() {
  const ada = await createPerson(db, {
    name: "Ada Manager",
    email: "ada@example.com",
    role: "manager",
    slackUserId: "UADA",
  });
  const bob = await createPerson(db, {
    name: "Bob Subject",
    email: "bob@example.com",
    managerId: ada.id,
    slackUserId: "UBOB",
    teamsAadObjectId: "aad-bob",
  });
  const cy = await createPerson(db, { name: "Cy Colleague", email: "cy@example.com", managerId: bob.id });
  const { prisma } = db;
  await prisma.kudos.create({
    data: {
      batchId: "b1",
      requestKey: "r1",
      giverId: bob.id,
      recipientId: cy.id,
      message: "thanks for the deploy",
      platform: "slack",
      createdAt: SEEDED_AT,
    },
  });
  await prisma.kudos.create({
    data: {
      batchId: "b2",
      requestKey: "r2",
      giverId: cy.id,
      recipientId: bob.id,
      message: "great review",
      platform: "slack",
      createdAt: SEEDED_AT,
    },
  });
  await prisma.checkIn.create({
    data: {
      personId: bob.id,
      periodKey: "2026-W40",
      mood: 4,
      progress: "shipped search",
      plans: "billing",
      blockers: "flaky CI",
      forManager: "I want to move teams",
      submittedAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    },
  });
  await prisma.feedback.create({
    data: {
      requestKey: "f1",
      giverId: cy.id,
      recipientId: bob.id,
      text: "please write smaller PRs",
      createdAt: SEEDED_AT,
    },
  });
  await prisma.feedback.create({
    data: { requestKey: "f2", giverId: bob.id, recipientId: cy.id, text: "your docs are great", createdAt: SEEDED_AT },
  });
  await prisma.oneOnOneNote.create({
    data: { managerId: ada.id, reportId: bob.id, text: "ask Bob about his move", createdAt: SEEDED_AT },
  });
  await prisma.oneOnOneNote.create({
    data: { managerId: bob.id, reportId: cy.id, text: "Cy seems tired", createdAt: SEEDED_AT },
  });
  await prisma.oneOnOne.create({
    data: {
      managerId: ada.id,
      reportId: bob.id,
      weekday: 1,
      time: "09:00",
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    },
  });
  const cycle = await prisma.reviewCycle.create({
    data: {
      name: "H2 2026",
      createdById: ada.id,
      participants: { kind: "everyone" },
      selfDueDate: "2026-12-01",
      managerDueDate: "2026-12-10",
      questions: [],
      createdAt: SEEDED_AT,
    },
  });
  await prisma.review.create({
    data: {
      cycleId: cycle.id,
      kind: "self",
      subjectId: bob.id,
      authorId: bob.id,
      status: "submitted",
      answers: { q1: "I did well" },
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    },
  });
  await prisma.review.create({
    data: {
      cycleId: cycle.id,
      kind: "manager",
      subjectId: bob.id,
      authorId: ada.id,
      status: "draft",
      answers: { q1: "Bob is struggling" },
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    },
  });
  await prisma.review.create({
    data: {
      cycleId: cycle.id,
      kind: "manager",
      subjectId: cy.id,
      authorId: bob.id,
      status: "submitted",
      answers: { q1: "Cy is solid" },
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    },
  });
  await prisma.delivery.create({
    data: {
      key: "d1",
      kind: "kudos.received",
      personId: bob.id,
      message: {
        type: "kudos.received",
        kudosId: "k",
        giverName: "Cy Colleague",
        message: "great review",
        value: null,
        visibility: "public",
      },
      notBefore: SEEDED_AT,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    },
  });
  await prisma.delivery.create({
    data: {
      key: "d2",
      kind: "checkin.prompt",
      personId: bob.id,
      status: "sent",
      sentAt: new Date(),
      message: { type: "checkin.prompt", periodKey: "2026-W40", deadlineLabel: "Friday" },
      notBefore: SEEDED_AT,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    },
  });
  await prisma.auditEvent.create({
    data: {
      actor: "cli",
      action: "role.set",
      subject: "bob@example.com",
      detail: { from: "employee", to: "manager" },
      createdAt: SEEDED_AT,
    },
  });
  return { ada, bob, cy };
}

describe("subject-access export", () => {
  it("when HR exports a person, the file holds their own records and notes about them, but not unreleased manager reviews, other people's notes or delivery bodies", async () => {
    const { bob } = await team();
    const data = await exportPersonData(domainContext(db), { email: "BOB@example.com", actor: "cli" });
    const text = JSON.stringify(data);

    expect(data.person.email).toBe("bob@example.com");
    expect(data.identities.slack).toEqual([expect.objectContaining({ userId: "UBOB" })]);
    expect(data.kudos.given).toEqual([
      expect.objectContaining({ message: "thanks for the deploy", to: "Cy Colleague" }),
    ]);
    expect(data.kudos.received).toEqual([expect.objectContaining({ message: "great review", from: "Cy Colleague" })]);
    expect(data.checkIns[0]).toMatchObject({ progress: "shipped search", forManager: "I want to move teams" });
    expect(data.feedback.received[0]).toMatchObject({ text: "please write smaller PRs" });
    expect(data.feedback.given[0]).toMatchObject({ text: "your docs are great" });
    expect(data.oneOnOnes.notesAboutThem.map((note) => note.text)).toEqual(["ask Bob about his move"]);
    expect(data.oneOnOnes.notesTheyWroteAboutOthers).toBe(1);
    expect(data.reviews.aboutThem.find((review) => review.kind === "self")?.answers).toEqual({ q1: "I did well" });
    expect(data.reviews.aboutThem.find((review) => review.kind === "manager")).toMatchObject({
      answers: null,
      withheldUntilReleased: true,
    });
    expect(data.deliveries.map((delivery) => delivery.kind).sort()).toEqual(["checkin.prompt", "kudos.received"]);
    expect(data.auditEvents).toEqual([expect.objectContaining({ action: "role.set" })]);
    for (const secret of ["Cy seems tired", "Bob is struggling", "Cy is solid", "conversationReference"])
      expect(text).not.toContain(secret);
    expect(await db.prisma.auditEvent.count({ where: { action: "privacy.export", subject: `person:${bob.id}` } })).toBe(
      1,
    );
  });

  it("when a manager review was released to the person, its answers are in the export", async () => {
    const { bob } = await team();
    await db.prisma.review.updateMany({
      where: { subjectId: bob.id, kind: "manager" },
      data: { releasedAt: new Date() },
    });
    const data = await exportPersonData(domainContext(db), { email: "bob@example.com", actor: "cli" });
    expect(data.reviews.aboutThem.find((review) => review.kind === "manager")?.answers).toEqual({
      q1: "Bob is struggling",
    });
  });

  it("when the email is unknown or malformed, it is refused with a clear message", async () => {
    await expect(exportPersonData(domainContext(db), { email: "nobody@example.com", actor: "cli" })).rejects.toThrow(
      /No one with the email nobody@example.com/,
    );
    await expect(exportPersonData(domainContext(db), { email: "not an email", actor: "cli" })).rejects.toBeInstanceOf(
      AppError,
    );
  });
});

describe("erasure", () => {
  it("when HR erases a person, their records go, what they gave stays with its recipients without their name, and their reports lose them as manager", async () => {
    const { ada, bob, cy } = await team();
    const result = await erasePerson(domainContext(db), { email: "bob@example.com", actor: "cli" });
    const { prisma } = db;

    const erased = await prisma.person.findUniqueOrThrow({ where: { id: bob.id } });
    expect(erased).toMatchObject({ name: ERASED_NAME, active: false, managerId: null });
    expect(erased.email).not.toContain("bob");
    expect(await prisma.slackIdentity.count({ where: { personId: bob.id } })).toBe(0);
    expect(await prisma.teamsIdentity.count({ where: { personId: bob.id } })).toBe(0);
    expect(await prisma.checkIn.count()).toBe(0);
    expect(await prisma.kudos.findMany({ select: { giverId: true, recipientId: true, message: true } })).toEqual([
      { giverId: null, recipientId: cy.id, message: "thanks for the deploy" },
    ]);
    expect(await prisma.feedback.findMany({ select: { giverId: true, recipientId: true, text: true } })).toEqual([
      { giverId: null, recipientId: cy.id, text: "your docs are great" },
    ]);
    expect(await prisma.oneOnOneNote.count()).toBe(0);
    expect(await prisma.oneOnOne.count()).toBe(0);
    // The report's review written by Bob stays with Cy; Bob's own reviews are gone.
    expect(await prisma.review.findMany({ select: { subjectId: true } })).toEqual([{ subjectId: cy.id }]);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: cy.id } })).managerId).toBeNull();
    expect((await prisma.person.findUniqueOrThrow({ where: { id: ada.id } })).active).toBe(true);

    const deliveries = await prisma.delivery.findMany({ orderBy: { key: "asc" } });
    expect(deliveries.map((delivery) => delivery.status)).toEqual(["cancelled", "sent"]);
    expect(JSON.stringify(deliveries.map((delivery) => delivery.message))).not.toContain("great review");

    const audit = await prisma.auditEvent.findMany({ orderBy: { createdAt: "asc" } });
    expect(JSON.stringify(audit)).not.toMatch(/bob@example\.com|Bob Subject/);
    expect(audit.find((event) => event.action === "privacy.erase")).toMatchObject({
      actor: "cli",
      subject: `person:${bob.id}`,
    });
    expect(result.counts).toMatchObject({
      checkIns: 1,
      kudosReceived: 1,
      kudosGivenAnonymised: 1,
      deliveriesCancelled: 1,
      reportsUnlinked: 1,
    });
  });

  it("when any step of the erasure fails, nothing is erased (one transaction)", async () => {
    const { bob } = await team();
    // A trigger that fails the last write of the erasure (the audit event) after everything else was done.
    await db.prisma.$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION momentum_test_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit store down'; END $$ LANGUAGE plpgsql`,
    );
    await db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER momentum_test_fail BEFORE INSERT ON "AuditEvent" FOR EACH ROW WHEN (NEW.action = 'privacy.erase') EXECUTE FUNCTION momentum_test_fail()`,
    );
    try {
      await expect(erasePerson(domainContext(db), { email: "bob@example.com", actor: "cli" })).rejects.toThrow(
        /audit store down/,
      );
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER momentum_test_fail ON "AuditEvent"`);
    }
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: bob.id } })).email).toBe("bob@example.com");
    expect(await db.prisma.checkIn.count()).toBe(1);
    expect(await db.prisma.slackIdentity.count({ where: { personId: bob.id } })).toBe(1);
    expect(await db.prisma.kudos.count({ where: { giverId: bob.id } })).toBe(1);
  });

  it("when an erased person is looked up again by their old email, they are not found", async () => {
    await team();
    await erasePerson(domainContext(db), { email: "bob@example.com", actor: "cli" });
    await expect(erasePerson(domainContext(db), { email: "bob@example.com", actor: "cli" })).rejects.toThrow(
      /No one with the email/,
    );
  });
});

describe("check-in text retention", () => {
  it("when check-ins are older than the retention window, their text is blanked and mood and dates are kept; newer ones are untouched", async () => {
    const bob = await createPerson(db, { name: "Bob" });
    const old = await db.prisma.checkIn.create({
      data: {
        personId: bob.id,
        periodKey: "2024-W10",
        mood: 2,
        progress: "old words",
        plans: "old plans",
        blockers: "old blocker",
        forManager: "old note",
        submittedAt: new Date("2024-03-08T15:00:00Z"),
        updatedAt: SEEDED_AT,
      },
    });
    await db.prisma.checkIn.create({
      data: {
        personId: bob.id,
        periodKey: "2026-W10",
        mood: 5,
        progress: "new words",
        plans: "new plans",
        submittedAt: new Date("2026-03-06T15:00:00Z"),
        updatedAt: SEEDED_AT,
      },
    });
    const now = new Date("2026-11-25T03:00:00Z");

    const result = await redactOldCheckIns(domainContext(db), { now, months: 24 });

    expect(result).toMatchObject({ redacted: 1, more: false });
    expect(await db.prisma.checkIn.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      mood: 2,
      progress: "",
      plans: "",
      blockers: null,
      forManager: null,
      redactedAt: now,
      periodKey: "2024-W10",
    });
    expect(await db.prisma.checkIn.count({ where: { progress: "new words", redactedAt: null } })).toBe(1);
  });

  it("when the backlog is larger than one run's bound, each run redacts a bounded batch and says more remain", async () => {
    const people = await Promise.all(Array.from({ length: 5 }, (_, index) => createPerson(db, { name: `P${index}` })));
    await db.prisma.checkIn.createMany({
      data: people.map((person) => ({
        personId: person.id,
        periodKey: "2020-W01",
        mood: 3,
        progress: "x",
        plans: "y",
        submittedAt: new Date("2020-01-03T00:00:00Z"),
        updatedAt: new Date("2020-01-03T00:00:00Z"),
      })),
    });
    const now = new Date("2026-11-25T03:00:00Z");
    expect(await redactOldCheckIns(domainContext(db), { now, months: 24, batchSize: 2, maxBatches: 2 })).toMatchObject({
      redacted: 4,
      more: true,
    });
    expect(await redactOldCheckIns(domainContext(db), { now, months: 24, batchSize: 2, maxBatches: 2 })).toMatchObject({
      redacted: 1,
      more: false,
    });
  });

  it("the daily job works only in the 03:00 hour of the org's zone, honours the configured months, and queues no messages", async () => {
    const bob = await createPerson(db, { name: "Bob" });
    await db.prisma.checkIn.create({
      data: {
        personId: bob.id,
        periodKey: "2026-W01",
        mood: 3,
        progress: "x",
        plans: "y",
        submittedAt: new Date("2026-01-02T00:00:00Z"),
        updatedAt: SEEDED_AT,
      },
    });
    const ctx = domainContext(db, {
      clock: new ManualClock("2026-11-25T10:00:00Z"),
      org: { defaultTimeZone: "Europe/Berlin", checkInTextRetentionMonths: 6 },
    });

    expect(await checkInRetentionJob.due(ctx, new Date("2026-11-25T10:00:00Z"))).toEqual([]);
    expect(await db.prisma.checkIn.count({ where: { redactedAt: null } })).toBe(1);
    expect(await checkInRetentionJob.due(ctx, new Date("2026-11-25T02:30:00Z"))).toEqual([]); // 03:30 in Berlin
    expect(await db.prisma.checkIn.count({ where: { redactedAt: null } })).toBe(0);
  });
});
