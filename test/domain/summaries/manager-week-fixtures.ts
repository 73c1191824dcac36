// A small org for the manager's-week tests. Mia manages five people (Ana and Ben blocked, Cy fine, Dee away, Eve
// silent); Otto manages two (too few for a team mood). Hal is HR. The clock is Monday 30 November 2026, 09:00 UTC;
// the org checks in on Fridays at 15:00, so the period summarised is 2026-W48 (opened Friday 27 November).
import type { TestDatabase } from "../../support/database.ts";
import { createPerson, SEEDED_AT } from "../../support/fixtures.ts";

export const MONDAY = "2026-11-30T09:00:00Z";
const WEEKS = ["2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48"];
export const FEEDBACK_TEXT = "Ana's demo rambled; feedback only she and Mia should read";
export const NOTE_TEXT = "Ask Ana about her move to the platform team";

export async function seedOrg(db: TestDatabase) {
  const hal = await createPerson(db, { name: "Hal HR", role: "hr", slackUserId: "UHAL" });
  const mia = await createPerson(db, { name: "Mia Manager", role: "manager", slackUserId: "UMIA" });
  const otto = await createPerson(db, { name: "Otto Other", role: "manager", slackUserId: "UOTTO" });
  const report = (name: string, managerId: string) =>
    createPerson(db, { name, managerId, slackUserId: `U${name.slice(0, 3).toUpperCase()}` });
  const [ana, ben, cy, dee, eve] = await Promise.all(
    ["Ana", "Ben", "Cy", "Dee", "Eve"].map((name) => report(name, mia.id)),
  );
  const [pia, quin] = await Promise.all(["Pia", "Quin"].map((name) => report(name, otto.id)));
  await db.prisma.person.update({ where: { id: dee.id }, data: { awayUntil: "2026-12-01" } });

  const checkIn = (personId: string, periodKey: string, mood: number, blockers: string | null = null) =>
    db.prisma.checkIn.create({
      data: {
        personId,
        periodKey,
        mood,
        blockers,
        progress: "Progress",
        plans: "Plans",
        forManager: "Talk about the roadmap",
        submittedAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      },
    });
  // Eight weeks of Ana, Ben and Cy (moods 4 → 3 on average); Pia and Quin answered too.
  for (const [index, week] of WEEKS.entries()) {
    const latest = index === WEEKS.length - 1;
    await checkIn(ana.id, week, latest ? 2 : 4, latest ? "Waiting for the security review" : null);
    await checkIn(ben.id, week, latest ? 3 : 4, latest ? "No test environment" : null);
    await checkIn(cy.id, week, 4);
    await checkIn(pia.id, week, 5);
    await checkIn(quin.id, week, 1);
  }
  await db.prisma.goal.create({
    data: {
      level: "person",
      ownerId: ana.id,
      title: "Ship the billing export",
      dueDate: "2026-11-20",
      lastUpdateAt: new Date("2026-11-25T10:00:00Z"),
      currentValue: 40,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    },
  });
  await db.prisma.goal.create({
    data: {
      level: "person",
      ownerId: ben.id,
      title: "Write the runbook",
      dueDate: "2027-01-31",
      lastUpdateAt: new Date("2026-11-27T10:00:00Z"),
      currentValue: 70,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    },
  });
  await db.prisma.kudos.create({
    data: {
      batchId: "b1",
      requestKey: "k1",
      giverId: pia.id,
      recipientId: ana.id,
      message: "Thanks for the pairing",
      platform: "slack",
      createdAt: new Date("2026-11-26T10:00:00Z"),
    },
  });
  await db.prisma.kudos.create({
    data: {
      batchId: "b2",
      requestKey: "k2",
      giverId: ben.id,
      recipientId: quin.id,
      message: "Great review",
      visibility: "private",
      platform: "slack",
      createdAt: new Date("2026-11-27T10:00:00Z"),
    },
  });
  await db.prisma.feedback.create({
    data: {
      requestKey: "f1",
      giverId: pia.id,
      recipientId: ana.id,
      text: FEEDBACK_TEXT,
      audience: "recipient_and_manager",
      sharedWithId: mia.id,
      createdAt: new Date("2026-11-27T11:00:00Z"),
    },
  });
  await db.prisma.oneOnOneNote.create({
    data: { managerId: mia.id, reportId: ana.id, text: NOTE_TEXT, createdAt: new Date("2026-11-25T09:00:00Z") },
  });
  const cycle = await db.prisma.reviewCycle.create({
    data: {
      name: "H2 2026",
      createdById: hal.id,
      status: "active",
      participants: { kind: "everyone" },
      selfDueDate: "2026-12-10",
      managerDueDate: "2026-12-17",
      questions: [],
      createdAt: SEEDED_AT,
    },
  });
  await db.prisma.review.create({
    data: {
      cycleId: cycle.id,
      kind: "self",
      subjectId: ana.id,
      authorId: ana.id,
      status: "pending",
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    },
  });
  return { hal, mia, otto, ana, ben, cy, dee, eve, pia, quin };
}
