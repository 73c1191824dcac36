// Replies to `/momentum …` (away, back, settings, help), seen only by the person who typed the command.
import type { AppliedSettings } from "../../../domain/people/apply-settings-command.ts";
import type { SettingsView } from "../../../domain/people/describe-settings.ts";
import type { SetAwayResult } from "../../../domain/people/set-away.ts";
import { SETTINGS_HELP, type SettingsCommand } from "../../../domain/people/settings-text.ts";
import {
  calendarLine,
  holidaysHeadline,
  nextDayOffLine,
  teamHolidaysHeadline,
} from "../../../domain/holidays/holiday-text.ts";
import { escapedText, escapeMrkdwn, section, sentenceCase, type SlackMessage } from "./text.ts";

export const MOMENTUM_HELP_LINES = [
  "*Weekly check-ins*",
  "• `/checkin`: open this week's check-in; use it again to edit your answers until the deadline",
  "• `/checkin history`: your last check-ins (only you see them)",
  "*Away and settings*",
  "• `/momentum away until 2026-12-01`: no check-in prompts or reminders through that day",
  "• `/momentum back`: you're back early",
  "• `/momentum settings`: your check-in time, working hours and time zone",
  "• `/momentum settings checkin friday 15:00`, `workday 09:00-17:30`, `timezone Europe/Berlin`: change them",
  "• `/momentum settings team checkin thursday 11:00`: managers, the check-in time of your direct reports",
  "• `/momentum settings holidays DE-BY`: your public-holiday calendar (e.g. US, GB-ENG, DE-BE); nothing is scheduled for you on those days",
  "*HR*",
  "• `/momentum settings team holidays @manager GB-ENG`: a team's holiday calendar",
  "• `/momentum closure add 2026-12-24 2027-01-01 Winter break` (add `@manager` first for one team), `/momentum closure list`, `/momentum closure remove 2026-12-24 2027-01-01`",
  "*Admins*",
  "• `/momentum role @person hr`: change someone's role (employee, manager, hr, admin); it is recorded in the audit log",
];

export function momentumHelpMessage(problem?: string): SlackMessage {
  return {
    text: problem ? slackCommandHints(escapeMrkdwn(problem)) : "How to use /momentum and /checkin",
    blocks: [
      ...(problem ? [section(slackCommandHints(escapeMrkdwn(problem)))] : []),
      section(MOMENTUM_HELP_LINES.join("\n")),
    ],
  };
}

/** The domain's parser messages name the shared text forms (`away until …`, `checkin friday 15:00`); on Slack they are typed after /momentum. */
export function slackCommandHints(text: string): string {
  return text.replace(
    /`((?:away|checkin|workday|timezone|team checkin|holidays|team holidays|closure)\b[^`]*)`/g,
    (_all, form: string) =>
      form.startsWith("away") || form.startsWith("closure")
        ? `\`/momentum ${form}\``
        : `\`/momentum settings ${form}\``,
  );
}

/** A refusal or a parser explanation, with its examples written as Slack commands. */
export function momentumProblemMessage(problem: string): SlackMessage {
  return {
    text: slackCommandHints(escapeMrkdwn(sentenceCase(problem))),
    blocks: [section(slackCommandHints(escapeMrkdwn(sentenceCase(problem))))],
  };
}

export function awayMessage(result: SetAwayResult): SlackMessage {
  if (result.awayUntil === null || result.untilLabel === null) {
    const text = "Welcome back! Check-in prompts and reminders are on again.";
    return { text, blocks: [section(`:wave: ${text}`)] };
  }
  const until = escapeMrkdwn(result.untilLabel);
  const lines = [
    `:palm_tree: You're away through *${until}*. No check-in prompts or reminders until then, and you won't be counted as missing.`,
    ...(result.cancelledDeliveries > 0
      ? [
          `${result.cancelledDeliveries} queued ${result.cancelledDeliveries === 1 ? "message was" : "messages were"} cancelled.`,
        ]
      : []),
    "Back early? Type `/momentum back`.",
  ];
  return { text: escapedText`You're away through ${result.untilLabel}.`, blocks: [section(lines.join("\n"))] };
}

export function settingsMessage(applied: AppliedSettings, command: SettingsCommand): SlackMessage {
  const headline = headlineFor(applied, command);
  const body = settingsLines(applied.settings).join("\n");
  return {
    text: headline
      ? escapeMrkdwn(headline)
      : escapedText`Your Momentum settings: check-in ${applied.settings.checkIn.label}, time zone ${applied.settings.timeZone}`,
    blocks: [
      ...(headline ? [section(`:white_check_mark: ${escapeMrkdwn(headline)}`)] : []),
      section(body),
      ...(command.kind === "show" ? [section(slackCommandHints(SETTINGS_HELP))] : []),
    ],
  };
}

function headlineFor(applied: AppliedSettings, command: SettingsCommand): string | null {
  const { settings } = applied;
  switch (command.kind) {
    case "show":
      return null;
    case "check-in":
      return command.weekday === null
        ? `Your check-in follows your team again: ${settings.checkIn.label}.`
        : `Your weekly check-in is now ${settings.checkIn.label}.`;
    case "workday":
      return `Your working hours are now ${settings.workday.start}–${settings.workday.end}.`;
    case "time-zone":
      return `Your time zone is now ${settings.timeZone}.`;
    case "holidays":
      return holidaysHeadline(settings);
    case "team-holidays":
      return teamHolidaysHeadline(applied);
    case "team-check-in": {
      const team = applied.team;
      if (!team) return null;
      const who = `${team.reports} direct ${team.reports === 1 ? "report" : "reports"}`;
      const own = team.reportsWithOwnSlot > 0 ? ` (${team.reportsWithOwnSlot} with their own time keep it)` : "";
      return team.weekday === null
        ? `Your ${who} ${team.reports === 1 ? "is" : "are"} back on the company's check-in time${own}.`
        : `Your ${who} now ${team.reports === 1 ? "checks" : "check"} in on ${settings.teamCheckIn?.weekdayName ?? ""} at ${team.time}${own}.`;
    }
  }
}

const SLOT_SOURCES: Record<SettingsView["checkIn"]["source"], string> = {
  person: "your own choice",
  team: "set by your manager for the team",
  org: "company default",
};

function settingsLines(settings: SettingsView): string[] {
  const days = dayRange(settings.workday.days, settings.workday.dayNames);
  return [
    "*Your Momentum settings*",
    `• Weekly check-in: *${settings.checkIn.label}* (${SLOT_SOURCES[settings.checkIn.source]}); the next one opens ${escapeMrkdwn(settings.checkIn.nextPromptLabel)}`,
    `• Working hours: *${settings.workday.start}–${settings.workday.end}*, ${days} (${settings.workday.source === "person" ? "your own" : "company default"}): nothing reaches you outside them`,
    `• Time zone: *${escapeMrkdwn(settings.timeZone)}*`,
    `• Holiday calendar: *${escapeMrkdwn(calendarLine(settings))}*; next day off: ${escapeMrkdwn(nextDayOffLine(settings))}`,
    ...(settings.teamHolidayCalendar
      ? [`• Your team's holiday calendar: *${escapeMrkdwn(settings.teamHolidayCalendar)}*`]
      : []),
    ...(settings.teamCheckIn?.weekdayName
      ? [`• Your team's check-in: *${settings.teamCheckIn.weekdayName} at ${settings.teamCheckIn.time}*`]
      : []),
    ...(settings.away ? [`• :palm_tree: Away through *${escapeMrkdwn(settings.away.label)}*`] : []),
  ];
}

/** [1,2,3,4,5] → "Monday–Friday"; anything not consecutive is listed. */
function dayRange(days: number[], names: string[]): string {
  const consecutive = days.length > 2 && days.every((day, index) => index === 0 || day === days[index - 1] + 1);
  return consecutive ? `${names[0]}–${names[names.length - 1]}` : names.join(", ");
}
