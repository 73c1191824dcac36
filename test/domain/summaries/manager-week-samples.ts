// A full 1:1 agenda and team summary, with Markdown and HTML in people's words, for the renderer checks (Block Kit
// limits, Adaptive Card parser) and the platform tests.
import type { OneOnOneAgenda } from "../../../src/domain/one-on-ones/one-on-one-agenda.types.ts";
import type { TeamSummary } from "../../../src/domain/summaries/team-summary.types.ts";
import type { HomeData } from "../../../src/domain/summaries/get-home.ts";

export const SAMPLE_AGENDA: OneOnOneAgenda = {
  managerId: "m1",
  reportId: "00000000-0000-4000-8000-000000000001",
  reportName: "Ana <b>A</b>",
  periodKey: "2026-W49",
  slotLabel: "Friday 4 December, 10:00",
  builtAt: "2026-12-04T08:00:00.000Z",
  checkIn: {
    weekLabel: "Week 48, 2026",
    mood: 2,
    moodTrend: [4, 4, 3, 2],
    trend: "down",
    blockers: "Waiting for *security* <!channel>",
    forManager: "Talk about [growth](http://e.example)",
  },
  goals: [
    {
      title: "Ship the billing export",
      progressPercent: 40,
      status: "at_risk",
      atRisk: ["past its due date"],
      updatedThisWeek: true,
    },
  ],
  kudos: { count: 3, publicItems: [{ giverName: "Pia", message: "Thanks for the pairing" }], privateCount: 2 },
  feedback: { count: 1, excerpts: ["Shorter demos, please"] },
  pendingReviews: [{ cycleName: "H2 2026", kind: "self", status: "pending" }],
  notes: [{ text: "Ask about the move", dateLabel: "25 Nov" }],
};

export const SAMPLE_SUMMARY: TeamSummary = {
  managerId: "m1",
  managerName: "Mia",
  periodKey: "2026-W48",
  weekLabel: "Week 48, 2026",
  completion: { submitted: 3, expected: 4, excused: 1, missing: 1 },
  reports: [
    { personId: "p1", name: "Ana", status: "submitted", blockers: "Waiting for *security*" },
    { personId: "p2", name: "Eve <i>", status: "missing", blockers: null },
    { personId: "p3", name: "Dee", status: "excused", blockers: null },
  ],
  blockersCount: 1,
  mood: { shown: true, sparkline: "▆▆▆▆▆▆▆▄", weeks: 8, latest: 3, change: -1 },
  goalsAtRisk: [
    {
      ownerName: "Ana",
      title: "Ship the billing export",
      progressPercent: 40,
      dueDate: "2026-11-20",
      reasons: ["past its due date"],
    },
  ],
  moreGoalsAtRisk: 0,
  goalsAtRiskCount: 1,
  kudos: { given: 2, received: 3 },
  reviewsPending: { count: 1, people: [{ name: "Ana", count: 1 }] },
};

const long = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length);

/** As large as the domain lets them be: the Block Kit limit checks use these. */
export const BIG_AGENDA: OneOnOneAgenda = {
  ...SAMPLE_AGENDA,
  reportName: long("<&>", 200),
  checkIn: { ...SAMPLE_AGENDA.checkIn!, blockers: long("<&>\n", 500), forManager: long("&", 500) },
  goals: Array.from({ length: 10 }, () => ({
    title: long("<g>", 150),
    progressPercent: 40,
    status: "at_risk",
    atRisk: ["past its due date", "no update in 3 weeks"],
    updatedThisWeek: true,
  })),
  kudos: {
    count: 50,
    publicItems: Array.from({ length: 5 }, () => ({ giverName: long("n", 200), message: long("&", 200) })),
    privateCount: 45,
  },
  feedback: { count: 9, excerpts: Array.from({ length: 3 }, () => long("<>", 200)) },
  pendingReviews: Array.from({ length: 6 }, () => ({
    cycleName: long("c", 200),
    kind: "manager" as const,
    status: "draft",
  })),
  notes: Array.from({ length: 40 }, () => ({ text: long("&", 500), dateLabel: "25 Nov" })),
};

export const BIG_SUMMARY: TeamSummary = {
  ...SAMPLE_SUMMARY,
  managerName: long("<&>", 200),
  reports: Array.from({ length: 60 }, (_, index) => ({
    personId: `p${index}`,
    name: long("<n>", 100),
    status: "submitted" as const,
    blockers: long("&", 300),
  })),
  goalsAtRisk: Array.from({ length: 10 }, () => ({
    ownerName: long("o", 100),
    title: long("<t>", 150),
    progressPercent: 10,
    dueDate: "2026-11-20",
    reasons: ["past its due date", "no update in 3 weeks", "marked off track"],
  })),
  moreGoalsAtRisk: 25,
  goalsAtRiskCount: 35,
  reviewsPending: { count: 80, people: Array.from({ length: 60 }, () => ({ name: long("n", 100), count: 2 })) },
};

export const BIG_HOME: HomeData = {
  name: long("<&>", 200),
  checkIn: { periodKey: "2026-W48", deadlineLabel: "Friday 4 December, 15:00", submitted: false },
  openGoals: Array.from({ length: 10 }, (_, index) => ({
    id: `g${index}`,
    title: long("<t>", 200),
    status: "at_risk",
    progressPercent: 10,
    dueDate: "2026-11-20",
    atRisk: true,
  })),
  moreOpenGoals: 12,
  pendingReviews: Array.from({ length: 30 }, () => ({
    cycleName: long("c", 200),
    subjectName: long("s", 100),
    kind: "manager" as const,
    dueDate: "2026-12-17",
  })),
  recentKudos: Array.from({ length: 5 }, () => ({
    giverName: long("g", 100),
    message: long("&", 500),
    value: "craft",
    visibility: "private" as const,
    dateLabel: "1 Dec",
  })),
  team: { reports: 40, submitted: 30, expected: 38, blockers: 5, goalsAtRisk: 7, weekLabel: "Week 48, 2026" },
  holidays: {
    calendar: { code: "DE-BE", label: "Germany, Berlin", source: "org" },
    nextDayOff: { date: "2026-12-25", label: "Friday 25 December 2026", reason: "Winter <break> & party" },
  },
  reach: { unreachable: 9999, active: 10000 },
};
