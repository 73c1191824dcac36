// `settings`: the person's effective schedule (their own choice, their team's or the company default), with what
// just changed on top, and the commands that change it.
import type { SettingsView } from "../../../domain/people/describe-settings.ts";
import { calendarLine, nextDayOffLine } from "../../../domain/holidays/holiday-text.ts";
import { adaptiveCard, heading, paragraph, subtle, type AdaptiveCard, type CardElement } from "./card.ts";

const SOURCE_LABEL = { person: "your choice", team: "your team's time", org: "company default" } as const;

export const SETTINGS_COMMANDS = [
  {
    title: "settings checkin friday 15:00",
    value: "your check-in day and time (settings checkin default to follow your team)",
  },
  { title: "settings workday 09:00-17:30", value: "your working hours: nothing reaches you outside them" },
  { title: "settings timezone Europe/Berlin", value: "your time zone" },
  { title: "settings team checkin thursday 11:00", value: "managers: the check-in time of your direct reports" },
  {
    title: "settings holidays DE-BY",
    value: "your public-holiday calendar, e.g. US, GB-ENG, DE-BE (settings holidays default to follow your team)",
  },
  { title: "settings team holidays @Name GB-ENG", value: "HR: the holiday calendar of a manager's team" },
  {
    title: "closure add 2026-12-24 2027-01-01 Winter break",
    value: "HR: company closure days (closure list, closure remove …)",
  },
  { title: "away until 2026-12-01", value: "pause check-ins while you're away (away off when you're back)" },
] as const;

export interface SettingsCardView {
  settings: SettingsView;
  /** One line saying what just changed, when something did. */
  changed?: string;
}

export function settingsCard(view: SettingsCardView): AdaptiveCard {
  const { settings } = view;
  const body: CardElement[] = [];
  // Built from validated values only (days, clock times, IANA zone names): nothing anyone typed freely.
  if (view.changed) body.push(paragraph(`✅ ${view.changed}`, { weight: "Bolder", id: "changed" }));
  body.push(heading("Your Momentum settings"), {
    type: "FactSet",
    id: "settings",
    facts: [
      { title: "Weekly check-in", value: `${settings.checkIn.label} (${SOURCE_LABEL[settings.checkIn.source]})` },
      { title: "Next check-in", value: settings.checkIn.nextPromptLabel },
      {
        title: "Working hours",
        value: `${settings.workday.start}–${settings.workday.end}, ${shortDays(settings.workday)}${settings.workday.source === "org" ? " (company default)" : ""}`,
      },
      { title: "Time zone", value: settings.timeZone },
      { title: "Holiday calendar", value: calendarLine(settings) },
      { title: "Next day off", value: nextDayOffLine(settings) },
      ...(settings.teamHolidayCalendar ? [{ title: "Your team's holidays", value: settings.teamHolidayCalendar }] : []),
      ...(settings.teamCheckIn?.weekdayName && settings.teamCheckIn.time
        ? [
            {
              title: "Your team checks in",
              value: `${settings.teamCheckIn.weekdayName} at ${settings.teamCheckIn.time}`,
            },
          ]
        : []),
      ...(settings.away ? [{ title: "Away", value: `until ${settings.away.label} (check-ins paused)` }] : []),
    ],
  });
  body.push(subtle("To change something, type:"), {
    type: "FactSet",
    facts: SETTINGS_COMMANDS.map((command) => ({ title: command.title, value: command.value })),
  });
  return adaptiveCard(body);
}

/** Mon–Fri when the days run on without a gap, else "Mon, Wed, Fri". */
function shortDays(workday: SettingsView["workday"]): string {
  const short = workday.dayNames.map((name) => name.slice(0, 3));
  const consecutive = workday.days.every((day, index) => day === workday.days[0] + index);
  return consecutive && short.length > 2 ? `${short[0]}–${short[short.length - 1]}` : short.join(", ");
}
