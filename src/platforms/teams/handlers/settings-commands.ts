// `away until 2026-12-01`, `away off` / `back`, and `settings …`: parsed by the domain's shared text parser, run
// by its use cases (which check roles), answered privately to the person.
import { CardFactory, type ChannelAccount, type TurnContext } from "botbuilder";
import { holidaysHeadline, teamHolidaysHeadline } from "../../../domain/holidays/holiday-text.ts";
import { requireRole } from "../../../domain/people/person.ts";
import { applySettingsCommand, type AppliedSettings } from "../../../domain/people/apply-settings-command.ts";
import { setAway } from "../../../domain/people/set-away.ts";
import { parseAwayText, parseSettingsText, type SettingsCommand } from "../../../domain/people/settings-text.ts";
import { validationError } from "../../../shared/errors.ts";
import { settingsCard } from "../cards/settings-card.ts";
import { identifyActor, identifyMember } from "../identity.ts";
import type { TeamsHandlerDeps } from "./handler-deps.ts";
import { oncePerActivity } from "./once-per-activity.ts";
import { replyPrivately } from "./tell-actor.ts";

const OPEN_A_CHAT = "I keep your settings between us: open a chat with Momentum (Apps → Momentum) and type it there.";

/** `rest` is what follows "away"; `back` arrives as "off". */
export async function handleAway(deps: TeamsHandlerDeps, context: TurnContext, rest: string): Promise<void> {
  const parsed = parseAwayText(rest);
  // A refusal is an AppError: bot.ts tells the person privately and nothing changes.
  if (!parsed.ok) throw validationError(parsed.error);
  const person = await identifyActor(deps.domain, context);
  const outcome = await oncePerActivity(deps, context, (domain) =>
    setAway(domain, { personId: person.id, until: parsed.command.until }),
  );
  if (!outcome.done) return;
  const result = outcome.result;
  await replyPrivately(
    deps,
    context,
    awayText(result),
    "Done. Open a chat with Momentum (Apps → Momentum) and type settings to see the details.",
  );
}

function awayText(result: Awaited<ReturnType<typeof setAway>>): string {
  if (!result.untilLabel) return "👋 Welcome back! Your check-in prompts and reminders are on again.";
  const cancelled =
    result.cancelledDeliveries > 0
      ? ` I cancelled ${result.cancelledDeliveries} queued ${result.cancelledDeliveries === 1 ? "message" : "messages"} that would have arrived meanwhile.`
      : "";
  return `🌴 You're away until ${result.untilLabel}. Until then I won't send you check-in prompts or reminders, and you won't be counted as missing.${cancelled} Type "away off" if you're back early.`;
}

export async function handleSettings(
  deps: TeamsHandlerDeps,
  context: TurnContext,
  rest: string,
  mentions: ChannelAccount[] = [],
): Promise<void> {
  const parsed = parseSettingsText(rest);
  if (!parsed.ok) throw validationError(parsed.error);
  const person = await identifyActor(deps.domain, context);
  let mentioned: string | undefined;
  if (parsed.command.kind === "team-holidays") {
    // The actor's role first: a refused request looks nobody up.
    requireRole(person, "hr", "set a team's holiday calendar");
    if (mentions.length !== 1) throw validationError("Mention one manager, e.g. team holidays @Name GB-ENG.");
    mentioned = (await identifyMember(deps.domain, context, mentions[0])).id;
  }
  const outcome = await oncePerActivity(deps, context, (domain) =>
    applySettingsCommand(domain, person.id, parsed.command, mentioned),
  );
  if (!outcome.done) return;
  const applied = outcome.result;
  const card = settingsCard({ settings: applied.settings, changed: changedLine(parsed.command, applied) });
  await replyPrivately(deps, context, { attachments: [CardFactory.adaptiveCard(card)] }, OPEN_A_CHAT);
}

function changedLine(command: SettingsCommand, applied: AppliedSettings): string | undefined {
  const { settings, team } = applied;
  switch (command.kind) {
    case "show":
      return undefined;
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
      return teamHolidaysHeadline(applied) ?? undefined;
    case "team-check-in": {
      if (!team) return undefined;
      const slot =
        team.weekday === null || !settings.teamCheckIn?.weekdayName
          ? "at the company's default time"
          : `on ${settings.teamCheckIn.weekdayName} at ${team.time}`;
      const own = team.reportsWithOwnSlot > 0 ? ` (${team.reportsWithOwnSlot} with their own time keep it)` : "";
      return `Your ${team.reports} direct ${team.reports === 1 ? "report checks" : "reports check"} in ${slot}${own}.`;
    }
  }
}
