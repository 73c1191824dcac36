// The weekly team summary a manager receives: plain, JSON-serialisable data (it is stored in the outbox) that each
// platform renders. It carries check-in status, blockers, an aggregated mood, flagged goals, kudos counts and
// pending reviews; never feedback, never 1:1 notes, never an individual's mood.

export type ReportCheckInStatus = "submitted" | "missing" | "excused";

export type TeamSummaryReport = {
  personId: string;
  name: string;
  status: ReportCheckInStatus;
  /** This period's blockers, as the report wrote them for their manager; null when none. */
  blockers: string | null;
};

export type TeamMood =
  | {
      shown: true;
      /** Oldest week first, one character per week (see sparkline.ts). */
      sparkline: string;
      weeks: number;
      /** This period's average, 1 … 5, one decimal; null when too few answered to show it. */
      latest: number | null;
      /** Change from the week before, one decimal; null when either week is hidden. */
      change: number | null;
    }
  | { shown: false; reason: string };

export type TeamSummaryGoal = {
  ownerName: string;
  title: string;
  progressPercent: number;
  dueDate: string;
  reasons: string[];
};

/** The team's numbers from the latest closed pulse round, or why they are hidden (too few people behind them). */
export type TeamPulse =
  | {
      title: string;
      roundNumber: number;
      minGroupSize: number;
      shown: true;
      respondents: number;
      enps: number | null;
      items: { text: string; average: number | null }[];
    }
  | { title: string; roundNumber: number; minGroupSize: number; shown: false };

export type TeamSummary = {
  managerId: string;
  managerName: string;
  /** The check-in period summarised, e.g. "2026-W48", and its label "Week 48, 2026". */
  periodKey: string;
  weekLabel: string;
  completion: { submitted: number; expected: number; excused: number; missing: number };
  /** Every report, those with blockers first, then missing, submitted, excused; by name within each. */
  reports: TeamSummaryReport[];
  blockersCount: number;
  mood: TeamMood;
  goalsAtRisk: TeamSummaryGoal[];
  /** Flagged goals beyond the ones listed. */
  moreGoalsAtRisk: number;
  goalsAtRiskCount: number;
  /** Over the last 7 days: kudos the team's members gave, and received. */
  kudos: { given: number; received: number };
  /** Reviews about the team's members, in active cycles, not yet submitted. */
  reviewsPending: { count: number; people: { name: string; count: number }[] };
  /** Absent when no pulse round closed recently or nobody in the team answered it (older rows lack it too). */
  pulse?: TeamPulse;
};
