// (Type aliases, not interfaces: Prisma takes them as JSON for the outbox.) The 1:1 agenda a manager receives before each weekly 1:1 with one report: plain, JSON-serialisable data (stored in
// the outbox) that each platform renders. It goes to that manager only: it carries the report's check-in answers
// meant for the manager, feedback the giver shared with the manager, and the manager's own private notes.
export type OneOnOneAgenda = {
  managerId: string;
  reportId: string;
  reportName: string;
  /** ISO week of the 1:1, "2026-W49": the key of "Mark 1:1 done". */
  periodKey: string;
  /** "Monday 30 November, 09:00" in the manager's zone. */
  slotLabel: string;
  /** When the agenda was built (ISO): notes written up to then are in it and are closed by "Mark 1:1 done". */
  builtAt: string;
  checkIn: {
    weekLabel: string;
    mood: number;
    /** The last (up to) four moods, oldest first. */
    moodTrend: number[];
    trend: "up" | "down" | "steady" | null;
    blockers: string | null;
    forManager: string | null;
  } | null;
  goals: { title: string; progressPercent: number; status: string; atRisk: string[]; updatedThisWeek: boolean }[];
  kudos: { count: number; publicItems: { giverName: string; message: string }[]; privateCount: number };
  feedback: { count: number; excerpts: string[] };
  pendingReviews: { cycleName: string; kind: "self" | "manager"; status: string }[];
  notes: { text: string; dateLabel: string }[];
};
