// A small org for the review tests: HR, an admin, a manager (Max) with two reports (Dana, Eve), Dana's own report
// (Finn), and someone without a manager (Sol). The clock starts on Wednesday 25 November 2026, 12:00 UTC.
import type { Database } from "../../../src/db/database.ts";
import type { DomainContext } from "../../../src/domain/context.ts";
import { ManualClock } from "../../../src/shared/clock.ts";
import { createPerson, domainContext } from "../../support/fixtures.ts";

export const NOW = "2026-11-25T12:00:00Z";
export const SELF_DUE = "2026-12-04";
export const MANAGER_DUE = "2026-12-11";

/** Answers to the default template (goals, three values, achievements, growth). */
export const FULL_ANSWERS = { q1: "4", q2: 5, q3: "3", q4: "4", q5: "Shipped the importer", q6: "Public speaking" };

export type ReviewContext = DomainContext & { clock: ManualClock };

export function reviewContext(db: Database): ReviewContext {
  const clock = new ManualClock(NOW);
  return { ...domainContext(db, { clock }), clock };
}

export async function createOrg(db: Database) {
  const hr = await createPerson(db, { name: "Hana HR", role: "hr", slackUserId: "UHANA" });
  const admin = await createPerson(db, { name: "Ada Admin", role: "admin", slackUserId: "UADA" });
  const max = await createPerson(db, {
    name: "Max Manager",
    role: "manager",
    slackUserId: "UMAX",
    managerId: admin.id,
  });
  const dana = await createPerson(db, {
    name: "Dana Doer",
    role: "manager",
    managerId: max.id,
    slackUserId: "UDANA",
    timeZone: "Europe/Berlin",
  });
  const eve = await createPerson(db, {
    name: "Eve Early",
    managerId: max.id,
    slackUserId: "UEVE",
    timeZone: "America/New_York",
  });
  const finn = await createPerson(db, { name: "Finn Fresh", managerId: dana.id, slackUserId: "UFINN" });
  const sol = await createPerson(db, { name: "Sol Solo", slackUserId: "USOL" });
  return { hr, admin, max, dana, eve, finn, sol };
}

export type Org = Awaited<ReturnType<typeof createOrg>>;

/** Every refusal, as the person sees it. */
export async function refusal(work: Promise<unknown>): Promise<{ code: string; userMessage: string }> {
  return work.then(
    () => {
      throw new Error("expected the use case to refuse");
    },
    (error: { code: string; userMessage: string }) => error,
  );
}
