// The home card (`home`, and on a personal install): the person's own open goals, this week's check-in with its
// button, the reviews they owe, the kudos they received, and for managers their team as counts only.
import type { HomeData } from "../../../domain/summaries/get-home.ts";
import { calendarLine, nextDayOffLine } from "../../../domain/holidays/holiday-text.ts";
import { adaptiveCard, heading, paragraph, plain, subtle, type AdaptiveCard, type CardElement } from "./card.ts";
import { openCheckInFormAction } from "./checkin-cards.ts";
import { reachLine } from "../../../domain/directory/reach.ts";

const STATUS_LABEL: Record<string, string> = {
  on_track: "on track",
  at_risk: "at risk",
  off_track: "off track",
  done: "done",
};

export function homeCard(home: HomeData): AdaptiveCard {
  const body: CardElement[] = [heading(`👋 Hi ${plain(home.name)}, here's your week`)];
  if (home.checkIn) {
    body.push(
      paragraph(
        home.checkIn.submitted
          ? `✅ Check-in: done for this week (editable until ${home.checkIn.deadlineLabel}).`
          : `🗓️ Check-in: not done yet. It's open until ${home.checkIn.deadlineLabel}.`,
      ),
    );
  }
  body.push(
    list(
      "My open goals",
      home.openGoals.map(
        (goal) =>
          `${plain(goal.title)}: ${goal.progressPercent}%, ${STATUS_LABEL[goal.status] ?? goal.status}, due ${goal.dueDate}${goal.atRisk ? " ⚠️" : ""}`,
      ),
      "none yet",
    ),
  );
  if (home.moreOpenGoals > 0) body.push(subtle(`…and ${home.moreOpenGoals} more (goal list)`));
  body.push(
    list(
      "Reviews I owe",
      home.pendingReviews.map(
        (review) =>
          `${plain(review.cycleName)}: ${review.kind === "self" ? "your self-review" : `review of ${plain(review.subjectName)}`}, due ${review.dueDate}`,
      ),
      "none",
    ),
  );
  body.push(
    list(
      "Kudos I received lately",
      home.recentKudos.map(
        (item) =>
          `${item.dateLabel}, from ${plain(item.giverName)}${item.visibility === "private" ? " (private)" : ""}: ${plain(item.message)}`,
      ),
      "none in the last 30 days",
    ),
  );
  body.push(
    paragraph(
      `📅 Days off: holiday calendar ${plain(calendarLine(home))}; next day off: ${plain(nextDayOffLine(home))}`,
      { spacing: "Medium" },
    ),
  );
  if (home.team) {
    body.push(paragraph(`My team at a glance (${home.team.weekLabel})`, { weight: "Bolder", spacing: "Medium" }), {
      type: "FactSet",
      facts: [
        { title: "Check-ins", value: `${home.team.submitted} of ${home.team.expected}` },
        { title: "Blockers", value: String(home.team.blockers) },
        { title: "Goals at risk", value: String(home.team.goalsAtRisk) },
      ],
    });
    body.push(subtle("Your full team summary arrives every Monday at 09:00, or type summary."));
  }
  if (home.reach && home.reach.unreachable > 0)
    body.push(paragraph(`⚠️ Reach: ${reachLine(home.reach)}`, { spacing: "Medium" }));
  const actions = home.checkIn
    ? [
        openCheckInFormAction({
          periodKey: home.checkIn.periodKey,
          title: home.checkIn.submitted ? "Edit check-in" : "Start check-in",
        }),
      ]
    : [];
  return adaptiveCard(body, actions);
}

function list(title: string, lines: string[], empty: string): CardElement {
  return {
    type: "Container",
    spacing: "Medium",
    items: [
      paragraph(lines.length > 0 ? title : `${title}: ${empty}`, { weight: "Bolder" }),
      ...lines.map((line) => paragraph(`• ${line}`, { spacing: "None" })),
    ],
  };
}
