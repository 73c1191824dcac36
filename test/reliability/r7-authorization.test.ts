// R7: authorization as two tables that grow with the product. (1) Every HR, manager and admin action × every role:
// the roles below the action's minimum are refused with FORBIDDEN, the others are not (they may still fail for
// other reasons, e.g. an unknown cycle id). (2) Every piece of private data × every surface that could show it:
// only its intended reader sees it. Add a row when a feature adds an action or a surface.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAnnouncement } from "../../src/domain/announcements/create-announcement.ts";
import { listCheckInHistory } from "../../src/domain/check-ins/list-check-in-history.ts";
import type { DomainContext } from "../../src/domain/context.ts";
import { listFeedbackForMe } from "../../src/domain/feedback/list-feedback-for-me.ts";
import { kudosLeaderboard } from "../../src/domain/kudos/kudos-leaderboard.ts";
import { changeRoleFromChat } from "../../src/domain/people/change-role-from-chat.ts";
import { exportPeople } from "../../src/domain/people/export-people.ts";
import { ROLES, type Role } from "../../src/domain/people/person.ts";
import { setTeamCheckInSlot } from "../../src/domain/people/update-settings.ts";
import { exportPersonData } from "../../src/domain/privacy/export-person-data.ts";
import { closeReviewCycle } from "../../src/domain/reviews/close-review-cycle.ts";
import { createReviewCycle } from "../../src/domain/reviews/create-review-cycle.ts";
import { launchReviewCycle } from "../../src/domain/reviews/launch-review-cycle.ts";
import { nudgePreview } from "../../src/domain/reviews/nudge-pending.ts";
import { reopenReview } from "../../src/domain/reviews/reopen-review.ts";
import { AppError } from "../../src/shared/errors.ts";
import { launchPulse, previewPulse } from "../../src/domain/pulses/launch-pulse.ts";
import { pulseResults } from "../../src/domain/pulses/pulse-results.ts";
import { closePulseEarly } from "../../src/domain/pulses/close-pulse-round.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../support/database.ts";
import { createPerson, domainContext, SEEDED_AT } from "../support/fixtures.ts";
import { report } from "./support/figures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

type Action = {
  name: string;
  minimum: Role;
  run(ctx: DomainContext, actorId: string, helpers: { targetId: string }): Promise<unknown>;
};

// Inputs are valid, so the only reason for a refusal is the role.
const ACTIONS: Action[] = [
  {
    name: "set a team's check-in slot",
    minimum: "manager",
    run: (ctx, actorId) => setTeamCheckInSlot(ctx, { managerId: actorId, weekday: 5, time: "15:00" }),
  },
  {
    name: "create a review cycle",
    minimum: "hr",
    run: (ctx, actorId) =>
      createReviewCycle(ctx, {
        actorId,
        name: "H2",
        participants: { kind: "everyone" },
        selfDueDate: "2026-12-01",
        managerDueDate: "2026-12-10",
      }),
  },
  {
    name: "launch a review cycle",
    minimum: "hr",
    run: (ctx, actorId) => launchReviewCycle(ctx, { actorId, cycleId: "no-such-cycle" }),
  },
  {
    name: "close a review cycle",
    minimum: "hr",
    run: (ctx, actorId) => closeReviewCycle(ctx, { actorId, cycleId: "no-such-cycle" }),
  },
  {
    name: "reopen a review",
    minimum: "hr",
    run: (ctx, actorId) => reopenReview(ctx, { actorId, reviewId: "no-such-review" }),
  },
  { name: "preview review nudges", minimum: "hr", run: (ctx, actorId) => nudgePreview(ctx, { actorId }) },
  {
    name: "send an announcement",
    minimum: "hr",
    run: (ctx, actorId) =>
      createAnnouncement(ctx, {
        authorId: actorId,
        text: "All hands at 3",
        targets: [{ platform: "slack", channel: "CGENERAL" }],
        requestKey: `r7:${actorId}`,
      }),
  },
  ...pulseActions(),
  {
    name: "change someone's role",
    minimum: "admin",
    run: (ctx, actorId, { targetId }) =>
      changeRoleFromChat(ctx, { actorId, targetPersonId: targetId, role: "manager" }),
  },
];

function pulseActions(): Action[] {
  const draft = (actorId: string) => ({
    actorId,
    title: "Pulse",
    libraryIds: ["enps" as const],
    audience: { kind: "everyone" as const },
    cadence: "once" as const,
    weekday: 2,
    time: "10:00",
    openDays: 3,
  });
  return [
    { name: "preview a pulse survey", minimum: "hr", run: (ctx, actorId) => previewPulse(ctx, draft(actorId)) },
    {
      name: "launch a pulse survey",
      minimum: "hr",
      run: (ctx, actorId) => launchPulse(ctx, { draft: draft(actorId), requestKey: `r7:pulse:${actorId}` }),
    },
    {
      name: "see pulse results",
      minimum: "hr",
      run: (ctx, actorId) => pulseResults(ctx, { actorId, surveyId: "no-such-survey" }),
    },
    {
      name: "close a pulse round",
      minimum: "hr",
      run: (ctx, actorId) => closePulseEarly(ctx, { actorId, surveyId: "no-such-survey" }),
    },
  ];
}

const RANK: Record<Role, number> = { employee: 0, manager: 1, hr: 2, admin: 3 };

async function outcome(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "ok";
  } catch (error) {
    return error instanceof AppError ? error.code : `crash:${(error as Error).name}`;
  }
}

describe("R7 authorization", () => {
  it("every HR, manager and admin action is refused for every role below its minimum and allowed from it up", async () => {
    const ctx = domainContext(db);
    const target = await createPerson(db, { name: "Target Person" });
    const actors = Object.fromEntries(
      await Promise.all(
        ROLES.map(async (role) => [role, await createPerson(db, { name: `Actor ${role}`, role, managerId: null })]),
      ),
    ) as Record<Role, { id: string }>;
    await db.prisma.person.update({ where: { id: target.id }, data: { managerId: actors.manager.id } });
    const rows: string[] = [];
    let cells = 0;
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        const result = await outcome(action.run(ctx, actors[role].id, { targetId: target.id }));
        const allowed = RANK[role] >= RANK[action.minimum];
        cells++;
        rows.push(`${action.name}|${role}|${result}`);
        if (allowed) expect(result, `${action.name} as ${role}`).not.toBe("FORBIDDEN");
        else expect(result, `${action.name} as ${role}`).toBe("FORBIDDEN");
        expect(result, `${action.name} as ${role}`).not.toMatch(/^crash/);
      }
    }
    report("R7", {
      matrix: "actions x roles",
      actions: ACTIONS.length,
      roles: ROLES.length,
      cells,
      refused: rows.filter((row) => row.endsWith("FORBIDDEN")).length,
    });
  });

  it("private check-ins, feedback and private kudos are seen only by whom they are meant for, on every surface", async () => {
    const ctx = domainContext(db);
    const manager = await createPerson(db, { name: "Mia Manager", email: "mia@example.com", role: "manager" });
    const ann = await createPerson(db, { name: "Ann", email: "ann@example.com", managerId: manager.id });
    const ben = await createPerson(db, { name: "Ben", email: "ben@example.com", managerId: manager.id });
    const SECRET = {
      checkIn: "ann-checkin-secret",
      forManager: "ann-note-for-manager",
      feedback: "ben-feedback-secret",
      kudos: "ann-private-kudos",
      note: "mia-1on1-note-about-ann",
    };
    await db.prisma.checkIn.create({
      data: {
        personId: ann.id,
        periodKey: "2026-W47",
        mood: 2,
        progress: SECRET.checkIn,
        plans: "p",
        forManager: SECRET.forManager,
        submittedAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
      },
    });
    await db.prisma.feedback.create({
      data: { requestKey: "r7f", giverId: ann.id, recipientId: ben.id, text: SECRET.feedback, createdAt: SEEDED_AT },
    });
    await db.prisma.kudos.create({
      data: {
        batchId: "r7",
        requestKey: "r7k",
        giverId: ben.id,
        recipientId: ann.id,
        message: SECRET.kudos,
        visibility: "private",
        platform: "slack",
        createdAt: SEEDED_AT,
      },
    });
    await db.prisma.oneOnOneNote.create({
      data: { managerId: manager.id, reportId: ann.id, text: SECRET.note, createdAt: SEEDED_AT },
    });

    // surface → what it shows, as text; expected: which secrets may appear there.
    const surfaces: [string, () => Promise<unknown>, string[]][] = [
      ["Ben's check-in history", () => listCheckInHistory(ctx, { personId: ben.id, limit: 50 }), []],
      [
        "Ann's check-in history",
        () => listCheckInHistory(ctx, { personId: ann.id, limit: 50 }),
        [SECRET.checkIn, SECRET.forManager],
      ],
      ["Ann's feedback inbox", () => listFeedbackForMe(ctx, { personId: ann.id }), []],
      ["Ben's feedback inbox", () => listFeedbackForMe(ctx, { personId: ben.id }), [SECRET.feedback]],
      ["the public kudos leaderboard", () => kudosLeaderboard(ctx, { timeZone: "UTC" }), []],
      ["the HR people export", () => exportPeople(ctx), []],
      [
        "Ben's subject-access export",
        () => exportPersonData(ctx, { email: "ben@example.com", actor: "cli" }),
        [SECRET.feedback, SECRET.kudos],
      ],
      [
        "Ann's subject-access export",
        () => exportPersonData(ctx, { email: "ann@example.com", actor: "cli" }),
        [SECRET.checkIn, SECRET.forManager, SECRET.feedback, SECRET.kudos, SECRET.note],
      ],
      ["Mia's subject-access export", () => exportPersonData(ctx, { email: "mia@example.com", actor: "cli" }), []],
    ];
    let cells = 0;
    for (const [surface, read, allowed] of surfaces) {
      const shown = JSON.stringify(await read());
      for (const secret of Object.values(SECRET)) {
        cells++;
        expect(shown.includes(secret), `${secret} on ${surface}`).toBe(allowed.includes(secret));
      }
    }
    report("R7", {
      matrix: "private data x surfaces",
      surfaces: surfaces.length,
      secrets: Object.keys(SECRET).length,
      cells,
    });
  });
});
