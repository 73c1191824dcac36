// Runs a parsed `settings …` command: the one call both platforms make after parseSettingsText.
import type { DomainContext } from "../context.ts";
import { describeSettings, type SettingsView } from "./describe-settings.ts";
import type { SettingsCommand } from "./settings-text.ts";
import { setTeamCheckInSlot, updateMySettings, type SetTeamCheckInSlotResult } from "./update-settings.ts";

export interface AppliedSettings {
  /** The person's settings after the change (or as they are, for "show"). */
  settings: SettingsView;
  /** For a team slot change: how many direct reports it applies to. */
  team?: SetTeamCheckInSlotResult;
}

export async function applySettingsCommand(ctx: DomainContext, personId: string, command: SettingsCommand): Promise<AppliedSettings> {
  switch (command.kind) {
    case "show":
      return { settings: await describeSettings(ctx, { personId }) };
    case "check-in":
      return { settings: await updateMySettings(ctx, { personId, checkInWeekday: command.weekday, checkInTime: command.time }) };
    case "workday":
      return { settings: await updateMySettings(ctx, { personId, workdayStart: command.start, workdayEnd: command.end }) };
    case "time-zone":
      return { settings: await updateMySettings(ctx, { personId, timeZone: command.timeZone }) };
    case "team-check-in": {
      const team = await setTeamCheckInSlot(ctx, { managerId: personId, weekday: command.weekday, time: command.time });
      return { settings: await describeSettings(ctx, { personId }), team };
    }
  }
}
