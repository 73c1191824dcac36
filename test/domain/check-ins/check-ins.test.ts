import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CheckInValidationError } from "../../../src/domain/check-ins/check-in-validation-error.ts";
import { getCheckInForm } from "../../../src/domain/check-ins/get-check-in-form.ts";
import { listCheckInHistory } from "../../../src/domain/check-ins/list-check-in-history.ts";
import { submitCheckIn } from "../../../src/domain/check-ins/submit-check-in.ts";
import { enqueueDeliveries } from "../../../src/domain/notifications/outbox.ts";
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

// Berlin, org default Friday 15:00: W48's period runs from Fri 27 Nov 15:00 (14:00Z) to Fri 4 Dec 15:00 (14:00Z).
const answers = {
  mood: 4,
  progress: "Shipped the importer",
  plans: "Polish the docs",
  blockers: "",
  forManager: "Can we talk about hiring?",
};
const context = (at: string) => domainContext(db, { clock: new ManualClock(at) });

async function failure(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => expect.fail("expected the use case to refuse"),
    (error: unknown) => error,
  );
}

describe("submitting a check-in", () => {
  it("when submitted twice in a period, the second edits the first; after the deadline a new period starts a new check-in", async () => {
    const person = await createPerson(db, { timeZone: "Europe/Berlin" });
    const first = await submitCheckIn(context("2026-11-27T16:00:00Z"), { personId: person.id, answers });
    expect(first).toMatchObject({ created: true, periodKey: "2026-W48", deadlineLabel: "Friday 4 December, 15:00" });
    expect(first.deadline.toISOString()).toBe("2026-12-04T14:00:00.000Z");

    const edit = await submitCheckIn(context("2026-12-04T13:59:00Z"), {
      personId: person.id,
      answers: { ...answers, mood: "2", plans: "Rest" },
    });
    expect(edit).toMatchObject({ created: false, checkInId: first.checkInId, periodKey: "2026-W48" });

    const next = await submitCheckIn(context("2026-12-04T14:00:00Z"), { personId: person.id, answers });
    expect(next).toMatchObject({ created: true, periodKey: "2026-W49", deadlineLabel: "Friday 11 December, 15:00" });

    const rows = await db.prisma.checkIn.findMany({ where: { personId: person.id }, orderBy: { periodKey: "asc" } });
    expect(rows.map((row) => [row.periodKey, row.mood, row.plans, row.blockers])).toEqual([
      ["2026-W48", 2, "Rest", null],
      ["2026-W49", 4, "Polish the docs", null],
    ]);
  });

  it("when the same submission arrives twice at once (double click, retry), one check-in is stored", async () => {
    const person = await createPerson(db, { timeZone: "Europe/Berlin" });
    const ctx = context("2026-11-28T09:00:00Z");
    const results = await Promise.all([
      submitCheckIn(ctx, { personId: person.id, answers }),
      submitCheckIn(ctx, { personId: person.id, answers }),
    ]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect(await db.prisma.checkIn.count()).toBe(1);
  });

  it("when fields are wrong, every bad field gets its own message and nothing is stored", async () => {
    const person = await createPerson(db, { timeZone: "Europe/Berlin" });
    const error = await failure(
      submitCheckIn(context("2026-11-28T09:00:00Z"), {
        personId: person.id,
        answers: { mood: 7, progress: "   ", plans: "x".repeat(3001), blockers: "y".repeat(3001), forManager: "fine" },
      }),
    );
    expect(error).toBeInstanceOf(CheckInValidationError);
    expect(error).toBeInstanceOf(AppError);
    const { fieldErrors, code } = error as CheckInValidationError;
    expect(code).toBe("VALIDATION");
    expect(fieldErrors).toEqual({
      mood: "Pick your mood, from 1 to 5.",
      progress: "Tell us what you moved forward this week.",
      plans: "Please keep this under 3000 characters.",
      blockers: "Please keep this under 3000 characters.",
    });
    expect(await db.prisma.checkIn.count()).toBe(0);
  });

  it("when required fields are missing altogether, each is named", async () => {
    const person = await createPerson(db);
    const error = (await failure(
      submitCheckIn(context("2026-11-28T09:00:00Z"), { personId: person.id, answers: {} as never }),
    )) as CheckInValidationError;
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["mood", "plans", "progress"]);
  });

  it("when a check-in is submitted, the prompt and reminder still queued for that period are cancelled", async () => {
    const person = await createPerson(db, { timeZone: "Europe/Berlin" });
    const target = { kind: "person" as const, personId: person.id };
    await enqueueDeliveries(
      db.prisma,
      [
        {
          key: `checkin-prompt:${person.id}:2026-W48`,
          kind: "checkin.prompt",
          target,
          message: { type: "checkin.prompt", periodKey: "2026-W48", deadlineLabel: "x" },
        },
        {
          key: `checkin-reminder:${person.id}:2026-W48`,
          kind: "checkin.reminder",
          target,
          message: { type: "checkin.reminder", periodKey: "2026-W48", deadlineLabel: "x" },
        },
      ],
      new Date("2026-11-27T14:00:00Z"),
    );
    await submitCheckIn(context("2026-11-28T09:00:00Z"), { personId: person.id, answers });
    const statuses = await db.prisma.delivery.findMany({ select: { status: true } });
    expect(statuses.map((row) => row.status)).toEqual(["cancelled", "cancelled"]);
  });

  it("when the person is deactivated, the check-in is refused", async () => {
    const person = await createPerson(db, { active: false });
    const error = (await failure(
      submitCheckIn(context("2026-11-28T09:00:00Z"), { personId: person.id, answers }),
    )) as AppError;
    expect(error.code).toBe("FORBIDDEN");
  });
});

describe("opening the check-in form", () => {
  it("when nothing was submitted this period, the form is empty and shows the deadline", async () => {
    const person = await createPerson(db, { timeZone: "Asia/Kolkata" });
    const form = await getCheckInForm(context("2026-11-27T10:00:00Z"), { personId: person.id });
    expect(form).toMatchObject({
      periodKey: "2026-W48",
      deadlineLabel: "Friday 4 December, 15:00",
      answers: null,
      submittedAt: null,
    });
    expect(form.moodOptions.map((option) => option.value)).toEqual([1, 2, 3, 4, 5]);
  });

  it("when the person already submitted this period, the form reopens with their answers", async () => {
    const person = await createPerson(db, { timeZone: "Europe/Berlin" });
    await submitCheckIn(context("2026-11-27T16:00:00Z"), { personId: person.id, answers });
    const form = await getCheckInForm(context("2026-12-01T09:00:00Z"), { personId: person.id });
    expect(form.answers).toEqual({
      mood: 4,
      progress: "Shipped the importer",
      plans: "Polish the docs",
      blockers: null,
      forManager: "Can we talk about hiring?",
    });
    expect(form.submittedAt?.toISOString()).toBe("2026-11-27T16:00:00.000Z");
    const nextWeek = await getCheckInForm(context("2026-12-04T14:00:00Z"), { personId: person.id });
    expect(nextWeek).toMatchObject({ periodKey: "2026-W49", answers: null });
  });
});

describe("check-in history", () => {
  it("lists only the person's own check-ins, newest first, up to the limit", async () => {
    const person = await createPerson(db);
    const other = await createPerson(db);
    for (const at of ["2026-11-13T16:00:00Z", "2026-11-20T16:00:00Z", "2026-11-27T16:00:00Z"]) {
      await submitCheckIn(context(at), {
        personId: person.id,
        answers: { ...answers, progress: `progress of ${at.slice(0, 10)}` },
      });
    }
    await submitCheckIn(context("2026-11-27T16:00:00Z"), {
      personId: other.id,
      answers: { ...answers, progress: "not yours" },
    });
    const history = await listCheckInHistory(context("2026-11-28T09:00:00Z"), { personId: person.id, limit: 2 });
    expect(history.map((item) => [item.periodLabel, item.progress])).toEqual([
      ["Week 48, 2026", "progress of 2026-11-27"],
      ["Week 47, 2026", "progress of 2026-11-20"],
    ]);
  });

  it("when asked for more than 50, the request is refused with a friendly message", async () => {
    const person = await createPerson(db);
    const error = (await failure(
      listCheckInHistory(context("2026-11-28T09:00:00Z"), { personId: person.id, limit: 500 }),
    )) as AppError;
    expect(error.userMessage).toBe("I can show at most 50 check-ins at once.");
  });
});
