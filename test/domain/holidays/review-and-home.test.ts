// HR is warned when a review cycle's due date is a day off for many of its writers; the home shows a person's
// calendar and their next day off.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addClosure } from "../../../src/domain/holidays/closures.ts";
import { createReviewCycle } from "../../../src/domain/reviews/create-review-cycle.ts";
import { getHome } from "../../../src/domain/summaries/get-home.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, resetDatabase, type TestDatabase } from "../../support/database.ts";
import { createPerson, domainContext } from "../../support/fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());
beforeEach(() => resetDatabase(db));

const ctx = (org = {}) => domainContext(db, { clock: new ManualClock("2026-11-25T12:00:00Z"), org });

async function team(calendars: (string | null)[]) {
  const hr = await createPerson(db, { name: "Hana", role: "hr" });
  const mia = await createPerson(db, { name: "Mia", role: "manager" });
  for (const [index, calendar] of calendars.entries()) {
    const person = await createPerson(db, { name: `Report ${index}`, managerId: mia.id });
    if (calendar) await db.prisma.person.update({ where: { id: person.id }, data: { holidayCalendar: calendar } });
  }
  return { hr, mia };
}

describe("review cycles whose due dates fall on days off", () => {
  it("when the self-review is due on Christmas Day for a DE-BE org, HR is warned, naming the holiday and how many are off", async () => {
    const { hr } = await team([null, null, null, "US"]);
    const created = await createReviewCycle(ctx({ holidayCalendar: "DE-BE" }), {
      actorId: hr.id,
      name: "H2",
      participants: { kind: "everyone" },
      selfDueDate: "2026-12-25",
      managerDueDate: "2027-01-08",
    });
    expect(created.dueDateWarnings).toEqual([
      "The self-review due date, Friday 25 December 2026, is a day off (1. Weihnachtstag, Christmas Day) for 6 of the 6 people who write by then. Consider another date.",
    ]);
  });

  it("when only a few writers are off that day, or nobody is, there is no warning", async () => {
    const { hr } = await team([null, null, null, null, null, "GB-ENG"]);
    // 28 December is England's Boxing Day substitute: one report of eight writers.
    const created = await createReviewCycle(ctx(), {
      actorId: hr.id,
      name: "H2",
      participants: { kind: "everyone" },
      selfDueDate: "2026-12-28",
      managerDueDate: "2027-01-08",
    });
    expect(created.dueDateWarnings).toEqual([]);
  });

  it("a closure on the manager-review due date warns about the managers who write then", async () => {
    const { hr, mia } = await team([null, null]);
    await addClosure(
      ctx(),
      { personId: hr.id },
      { startDate: "2027-01-08", endDate: "2027-01-08", reason: "Leads offsite", teamManagerId: mia.id },
    );
    const created = await createReviewCycle(ctx(), {
      actorId: hr.id,
      name: "H2",
      participants: { kind: "everyone" },
      selfDueDate: "2026-12-18",
      managerDueDate: "2027-01-08",
    });
    expect(created.dueDateWarnings).toEqual([
      expect.stringMatching(
        /^The manager-review due date, Friday 8 January 2027, is a day off \(Leads offsite\) for 1 of the 1 people/,
      ),
    ]);
  });
});

describe("the home", () => {
  it("shows the person's calendar, where it comes from, and the next day off Momentum knows", async () => {
    const ana = await createPerson(db, { name: "Ana", timeZone: "Europe/Berlin" });
    const home = await getHome(ctx({ holidayCalendar: "DE-BE" }), { personId: ana.id });
    expect(home.holidays).toEqual({
      calendar: { code: "DE-BE", label: "Germany, Berlin", source: "org" },
      nextDayOff: { date: "2026-12-25", label: "Friday 25 December 2026", reason: "1. Weihnachtstag" },
    });
  });
});
