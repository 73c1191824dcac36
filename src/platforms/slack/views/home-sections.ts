// The personal part of the Home tab, built from the viewer's own HomeData: their goals, this week's check-in (with
// its button), the reviews they owe, the kudos they received, and for managers their team as counts only.
import type { KnownBlock } from "@slack/types";
import type { HomeData } from "../../../domain/summaries/get-home.ts";
import { calendarLine, nextDayOffLine } from "../../../domain/holidays/holiday-text.ts";
import { CHECKIN_START_ACTION } from "./checkin-messages.ts";
import { reachLine } from "../../../domain/directory/reach.ts";
import { context, escapeMrkdwn, plain, section } from "./text.ts";

const STATUS_LABEL: Record<string, string> = {
  on_track: "on track",
  at_risk: "at risk",
  off_track: "off track",
  done: "done",
};

export function homeSections(home: HomeData): KnownBlock[] {
  const blocks: KnownBlock[] = [section(`:wave: Hi ${escapeMrkdwn(home.name)}, here's your week.`)];
  if (home.checkIn) {
    const line = home.checkIn.submitted
      ? `:white_check_mark: *Check-in:* done for this week. You can edit it until ${escapeMrkdwn(home.checkIn.deadlineLabel)}.`
      : `:spiral_note_pad: *Check-in:* not done yet. It's open until *${escapeMrkdwn(home.checkIn.deadlineLabel)}*.`;
    blocks.push(section(line), {
      type: "actions",
      block_id: "home_checkin",
      elements: [
        {
          type: "button",
          action_id: CHECKIN_START_ACTION,
          text: plain(home.checkIn.submitted ? "Edit check-in" : "Start check-in", 75),
          value: home.checkIn.periodKey,
          ...(home.checkIn.submitted ? {} : { style: "primary" as const }),
        },
      ],
    });
  }
  const goals = home.openGoals.map(
    (goal) =>
      `• ${escapeMrkdwn(goal.title)}: ${goal.progressPercent}%, ${STATUS_LABEL[goal.status] ?? goal.status}, due ${goal.dueDate}${goal.atRisk ? " :warning:" : ""}`,
  );
  blocks.push(
    section(
      goals.length > 0
        ? `*My open goals*\n${goals.join("\n")}${home.moreOpenGoals > 0 ? `\n…and ${home.moreOpenGoals} more (\`/goal list\`)` : ""}`
        : "*My open goals:* none yet.",
    ),
  );
  const reviews = home.pendingReviews.map(
    (review) =>
      `• ${escapeMrkdwn(review.cycleName)}: ${review.kind === "self" ? "your self-review" : `review of ${escapeMrkdwn(review.subjectName)}`}, due ${review.dueDate}`,
  );
  blocks.push(section(reviews.length > 0 ? `*Reviews I owe*\n${reviews.join("\n")}` : "*Reviews I owe:* none."));
  const kudos = home.recentKudos.map(
    (item) =>
      `• ${item.dateLabel}, from ${escapeMrkdwn(item.giverName)}${item.visibility === "private" ? " (private)" : ""}: ${escapeMrkdwn(item.message)}`,
  );
  blocks.push(
    section(
      kudos.length > 0
        ? `*Kudos I received lately*\n${kudos.join("\n")}`
        : "*Kudos I received lately:* none in the last 30 days.",
    ),
  );
  blocks.push(
    section(
      `:calendar: *Days off:* holiday calendar ${escapeMrkdwn(calendarLine(home))}; next day off: ${escapeMrkdwn(nextDayOffLine(home))}`,
    ),
  );
  if (home.team) {
    const team = home.team;
    blocks.push(
      section(
        `*My team at a glance* (${escapeMrkdwn(team.weekLabel)})\nCheck-ins: *${team.submitted} of ${team.expected}* · blockers: *${team.blockers}* · goals at risk: *${team.goalsAtRisk}*`,
      ),
      context("Your full team summary arrives every Monday at 09:00, or type `/momentum summary`."),
    );
  }
  if (home.reach && home.reach.unreachable > 0) {
    blocks.push(section(`:warning: *Reach:* ${escapeMrkdwn(reachLine(home.reach))}`));
  }
  return blocks;
}
