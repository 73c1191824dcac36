// The short help shown for `help` and for anything Momentum does not understand. Its commands match the
// commandLists of manifests/teams/manifest.json (a test keeps them in step).
import { adaptiveCard, heading, paragraph, type AdaptiveCard } from "./card.ts";
import { openCheckInFormAction } from "./checkin-cards.ts";
import { openKudosFormAction } from "./kudos-form.ts";

// The help card lists every command; the manifest menu (at most 10 per scope) is a subset of it.
export const HELP_COMMANDS = [
  { title: "kudos", description: "Thank someone: kudos @name what they did #value (or just kudos for a form)" },
  { title: "kudos leaderboard", description: "This month's top kudos receivers" },
  {
    title: "checkin",
    description: "Open your weekly check-in (you can edit it until the next one); checkin history shows your last ones",
  },
  {
    title: "goal",
    description: "Your goals: set one or update progress; goal list shows them with what they align to",
  },
  { title: "away", description: "away until 2026-12-01 pauses check-ins; away off (or back) when you return" },
  {
    title: "settings",
    description:
      "Your check-in time, working hours, time zone and holiday calendar, e.g. settings checkin friday 15:00, settings holidays DE-BY",
  },
  {
    title: "closure",
    description:
      "HR: company closure days, e.g. closure add 2026-12-24 2027-01-01 Winter break, closure list, closure remove …",
  },
  {
    title: "feedback",
    description:
      "Private feedback: feedback @name … (preview, then send), feedback request @a @b about …, feedback list",
  },
  {
    title: "announce",
    description: "HR: post an announcement to team channels; announce status shows who has acknowledged",
  },
  {
    title: "review",
    description:
      "Review cycles. HR: review (new cycle), review nudge, review close CYCLE; HR and managers: review status",
  },
  {
    title: "pulse",
    description:
      "HR: anonymous pulse surveys and eNPS; pulse results for the latest round, pulse close to close it now, pulse stop for no more rounds",
  },
  {
    title: "home",
    description: "Your goals, this week's check-in, reviews you owe and kudos you got; managers also see their team",
  },
  {
    title: "one-on-one",
    description: "Managers: one-on-one @name friday 10:00 sets your weekly 1:1 slot; the agenda arrives before it",
  },
  {
    title: "summary",
    description:
      "Managers: your team's week (check-ins, blockers first, mood trend, goals at risk); HR: summary @manager",
  },
  { title: "role", description: "Admins: role @name hr (employee, manager, hr, admin), recorded in the audit log" },
  { title: "help", description: "What Momentum can do" },
] as const;

export function helpCard(options: { didNotUnderstand?: boolean } = {}): AdaptiveCard {
  return adaptiveCard(
    [
      heading(
        options.didNotUnderstand
          ? "Sorry, I didn't get that. Here's what I can do:"
          : "Momentum helps your team recognise each other and check in every week.",
      ),
      {
        type: "FactSet",
        facts: HELP_COMMANDS.map((command) => ({ title: command.title, value: command.description })),
      },
      paragraph("In a channel, mention me first: @Momentum kudos @Alice thanks for the demo #teamwork"),
    ],
    [openKudosFormAction(), openCheckInFormAction()],
  );
}

/** What `kudos` on its own answers: one button that opens the kudos dialog. */
export function kudosStartCard(): AdaptiveCard {
  return adaptiveCard(
    [paragraph("Who would you like to thank? Open the form to choose people, a message and a company value.")],
    [openKudosFormAction()],
  );
}
