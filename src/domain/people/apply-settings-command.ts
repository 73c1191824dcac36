// Runs a parsed `settings …` command: the one call both platforms make after parseSettingsText.
import type { DomainContext } from "../context.ts";
import { describeSettings, type SettingsView } from "./describe-settings.ts";
import type { SettingsCommand } from "./settings-text.ts";
import { setTeamCheckInSlot, updateMySettings, type SetTeamCheckInSlotResult } from "./update-settings.ts";
import {
  setMyHolidayCalendar,
  setTeamHolidayCalendar,
  type SetTeamHolidayCalendarResult,
} from "../holidays/set-holiday-calendar.ts";
import { validationError } from "../../shared/errors.ts";

export interface AppliedSettings {
  /** The person's settings after the change (or as they are, for "show"). */
  settings: SettingsView;
  /** For a team slot change: how many direct reports it applies to. */
  team?: SetTeamCheckInSlotResult;
  /** For a team holiday calendar change (HR). */
  teamHolidays?: SetTeamHolidayCalendarResult;
}

/**
 * `mentionedPersonId`: the person the platform resolved from the command's mention (the manager whose team's
 * calendar HR sets). Platforms check the actor's role before resolving it, so a refusal provisions nobody.
 */
export async function applySettingsCommand(
  ctx: DomainContext,
  personId: string,
  command: SettingsCommand,
  mentionedPersonId?: string,
): Promise<AppliedSettings> {
  switch (command.kind) {
    case "show":
      return { settings: await describeSettings(ctx, { personId }) };
    case "check-in":
      return {
        settings: await updateMySettings(ctx, { personId, checkInWeekday: command.weekday, checkInTime: command.time }),
      };
    case "workday":
      return {
        settings: await updateMySettings(ctx, { personId, workdayStart: command.start, workdayEnd: command.end }),
      };
    case "time-zone":
      return { settings: await updateMySettings(ctx, { personId, timeZone: command.timeZone }) };
    case "holidays":
      await setMyHolidayCalendar(ctx, { personId, code: command.code });
      return { settings: await describeSettings(ctx, { personId }) };
    case "team-holidays": {
      if (!mentionedPersonId)
        throw validationError("Mention the team's manager, e.g. `team holidays @manager GB-ENG`.");
      const teamHolidays = await setTeamHolidayCalendar(ctx, {
        actorId: personId,
        managerId: mentionedPersonId,
        code: command.code,
      });
      return { settings: await describeSettings(ctx, { personId }), teamHolidays };
    }
    case "team-check-in": {
      const team = await setTeamCheckInSlot(ctx, { managerId: personId, weekday: command.weekday, time: command.time });
      return { settings: await describeSettings(ctx, { personId }), team };
    }
  }
}
